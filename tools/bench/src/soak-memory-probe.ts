/**
 * Preloaded into the API process by `npm run bench:soak` (`node -r …/soak-memory-probe.ts`); nothing else
 * loads it. On SIGUSR2 it runs a full garbage collection and writes the process's memory figures
 * (process.memoryUsage(), bytes, and how long the collection took) to SOAK_MEMORY_FILE: the heap that
 * survives a full collection is what a leak makes grow, whereas the live heap saw-tooths with V8's lazy
 * old-space collections (from 100 to 300 MB and back under the soak's load).
 */
import { renameSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const file = process.env.SOAK_MEMORY_FILE;
if (file) {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  process.on('SIGUSR2', () => {
    const started = performance.now();
    gc();
    const gcMs = performance.now() - started;
    // Written aside and renamed: the reader never sees half a file.
    writeFileSync(`${file}.tmp`, JSON.stringify({ at: Date.now(), gcMs, ...process.memoryUsage() }));
    renameSync(`${file}.tmp`, file);
  });
}
