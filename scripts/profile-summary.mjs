#!/usr/bin/env node
/**
 * `node scripts/profile-summary.mjs <file.cpuprofile> [--requests N] [--cpu-per-request MS] [--title "…"] [--top 15]
 *        [--write docs/benchmarks.md --section profile-search]`
 *
 * Summarises a V8 CPU profile by package and function: runs tools/bench/src/profile-summary.ts (the summary
 * `npm run bench:profile` writes into docs/benchmarks.md) through the benches' TypeScript runner, from any
 * working directory.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Absolute paths, so the profile and --write paths stay relative to the caller's directory.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(
  process.execPath,
  [
    '-r',
    createRequire(import.meta.url).resolve('@swc-node/register'),
    join(root, 'tools/bench/src/profile-summary.ts'),
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, SWC_NODE_PROJECT: join(root, 'tools/bench/tsconfig.json') } },
);
process.exit(run.status ?? 1);
