// Starts the app exactly as the browser tests always have: `npm start` with its own data directory
// (.data/e2e, fresh on every run) and service ports (3999, PostgreSQL 54339, Meilisearch 7719), then
// waits for /health "ok" with the search index caught up. With BASE_URL set, it only checks that app.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { BASE_URL, E2E_DATA_DIR, E2E_PORT, ROOT, SCREENSHOTS, health } from './app';

const STARTUP_TIMEOUT_MS = Number(process.env.E2E_STARTUP_TIMEOUT_MS ?? 300_000);

export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  if (process.env.BASE_URL) {
    const { status } = await health(BASE_URL);
    if (status !== 'ok') throw new Error(`${BASE_URL}/health is ${status ?? 'unreachable'}, not "ok"`);
    console.log(`testing ${BASE_URL}`);
    return undefined;
  }
  console.log(`starting the app with \`npm start\` on port ${E2E_PORT}…`);
  if (!process.env.DATA_DIR) {
    // Fresh demo data on every run, so that the journeys that change data find what they need.
    rmSync(E2E_DATA_DIR, { recursive: true, force: true });
    process.env.E2E_WRITES = '1'; // passed on to the workers
  }
  const app: ChildProcess = spawn('npm', ['start'], {
    cwd: ROOT,
    // Its own data directory and service ports, so that the tests neither touch the developer's data
    // nor collide with an instance that is already running; override any of them from the environment.
    env: {
      DATA_DIR: E2E_DATA_DIR,
      EMBEDDED_PG_PORT: '54339',
      EMBEDDED_MEILI_PORT: '7719',
      ...process.env,
      PORT: E2E_PORT,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so that stopping it also stops PostgreSQL and Meilisearch
  });
  const stop = async () => {
    if (app.exitCode !== null || app.pid === undefined) return;
    const exited = new Promise((resolve) => app.once('exit', resolve));
    try {
      process.kill(-app.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  };
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  app.stdout?.on('data', keep);
  app.stderr?.on('data', keep);
  let exited = false;
  app.on('exit', () => (exited = true));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`\`npm start\` exited before the app was healthy:\n${output}`);
    // Healthy, and the demo cases indexed: a journey that searches first (run alone with a name filter)
    // would otherwise meet SEARCH_UNAVAILABLE while the fresh index is still being filled.
    const { status, pendingIndexUpdates } = await health(BASE_URL);
    if (status === 'ok' && pendingIndexUpdates === 0) {
      console.log(`testing ${BASE_URL}`);
      return stop;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  await stop();
  throw new Error(`the app did not report /health "ok" within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output}`);
}
