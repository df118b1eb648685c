#!/usr/bin/env node
// Runs the test suite with node's own test runner (Node 20 has no globs in --test, so the
// files are collected here). Usage: node scripts/run-tests.mjs [path-substring …]
// Files run three at a time (TEST_CONCURRENCY overrides): end-to-end tests start a server and
// agents each and spend most of their time waiting, so a 2-core machine keeps up with three.
import { spawn } from 'node:child_process';
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

const concurrency = process.env.TEST_CONCURRENCY ?? '3';
console.log(`# ${files.length} test files on Node ${process.version}`);
// The runner and its test files run in a process group of their own, so a signal that ends this
// script (Ctrl-C, `timeout`, a cancelled CI job) reaches every test file: each then kills the
// servers and agents it spawned (test/support/processes.ts) instead of leaving them running.
const runner = spawn(
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
  { stdio: 'inherit', detached: true },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    try {
      process.kill(-runner.pid, signal);
    } catch {
      // already gone
    }
  });
}
runner.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
