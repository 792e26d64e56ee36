// Compiles the API and the libraries it runs (case-studies, embedded-runtime, demo-data) with swc
// (decorator metadata on, path aliases rewritten) into dist/apps/api; type checking is the `typecheck`
// target's job.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

rmSync('dist/apps/api', { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@swc/cli/bin/swc.js',
    'apps/api/src',
    'libs/case-studies/src',
    'libs/embedded-runtime/src',
    'libs/demo-data/src',
    '-d',
    'dist/apps/api',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts',
    '--ignore',
    '**/*.child.mjs',
    '--quiet',
  ],
  { stdio: 'inherit' },
);
// Data files the compiled code reads beside itself (swc copies only code).
copyFileSync(
  'apps/api/src/modules/account/common-passwords.txt',
  'dist/apps/api/apps/api/src/modules/account/common-passwords.txt',
);
// The text-extraction child is an ES module run by node as is (it imports pdfjs-dist, ESM only).
copyFileSync(
  'apps/api/src/modules/attachment/extract-text.child.mjs',
  'dist/apps/api/apps/api/src/modules/attachment/extract-text.child.mjs',
);
