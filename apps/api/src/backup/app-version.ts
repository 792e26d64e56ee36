import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The root package.json's name and version, found upwards from this file (source tree and built image alike). */
export function appVersion(): { name: string; version: string } {
  let dir = __dirname;
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'yokoten') return { name: pkg.name, version: pkg.version ?? 'unknown' };
      } catch {
        /* not ours: keep looking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return { name: 'yokoten', version: 'unknown' };
    dir = parent;
  }
}
