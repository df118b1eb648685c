#!/usr/bin/env node
// Runs the test suite with node's own test runner (Node 20 has no globs in --test, so the
// files are collected here). Usage: node scripts/run-tests.mjs [path-substring …]
// Files run two at a time (TEST_CONCURRENCY overrides): end-to-end tests start a server and
// agents each, and the suite must stay calm on a 2-core machine.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function collect(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...collect(full));
    else if (name.endsWith('.test.ts')) out.push(relative(process.cwd(), full));
  }
  return out;
}

const filters = process.argv.slice(2);
const files = collect('test').filter(
  (file) => filters.length === 0 || filters.some((f) => file.includes(f)),
);
if (files.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? '2';
console.log(`# ${files.length} test files on Node ${process.version}`);
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${concurrency}`,
    // A guard against hangs, not a speed limit: the longest test runs about 40 s.
    '--test-timeout=240000',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
