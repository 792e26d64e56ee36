// Where the app under test is, shared by the Playwright config, the global setup and the journeys.
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const SCREENSHOTS = join(ROOT, 'docs/screenshots');
export const E2E_DATA_DIR = join(ROOT, '.data/e2e');
export const E2E_PORT = process.env.E2E_PORT ?? '3999';

/** BASE_URL tests an app that is already running; without it, the global setup starts one on E2E_PORT. */
export const BASE_URL = (process.env.BASE_URL ?? `http://localhost:${E2E_PORT}`).replace(/\/$/, '');

/**
 * Journeys that change data (admit, withdraw, sign) run on an app the global setup started on fresh
 * data (it sets E2E_WRITES=1 for the workers), or anywhere when E2E_WRITES=1; never by surprise on
 * someone's running instance.
 */
export function writesAllowed(): boolean {
  return process.env.E2E_WRITES === '1';
}

export async function health(url: string): Promise<{ status?: string; pendingIndexUpdates?: number }> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    return (await response.json()) as { status?: string; pendingIndexUpdates?: number };
  } catch {
    return {};
  }
}
