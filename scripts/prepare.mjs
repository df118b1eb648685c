#!/usr/bin/env node
// npm's `prepare`: build dist/ in a development checkout (after `npm install`). An installed
// package already ships dist/ and has no TypeScript; there is nothing to do there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('typescript');
} catch {
  process.exit(0);
}
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
