// The descriptor budget: read from /proc, and raised with prlimit(1) when the soft limit is below
// the hard one. Node raises its own at start, so the raise is tried on a child started low.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  countOpenFiles,
  raiseOpenFileLimit,
  readOpenFileLimits,
} from '../../src/lib/open-files.js';

test('this process: Node already raised the soft limit to the hard one', () => {
  const limits = readOpenFileLimits();
  assert.ok(limits && limits.soft > 0);
  assert.equal(limits.soft, limits.hard);
  assert.equal(raiseOpenFileLimit().outcome, 'already');
  const open = countOpenFiles();
  assert.ok(open !== null && open > 2 && open < limits.soft);
});

test('a process started with a low soft limit is raised to its hard limit', async () => {
  const hard = readOpenFileLimits()?.hard;
  assert.ok(hard);
  const child = spawn('prlimit', [`--nofile=256:${hard}`, 'sleep', '30'], { stdio: 'ignore' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 200)); // prlimit execs sleep
    const pid = child.pid;
    assert.ok(pid);
    assert.deepEqual(readOpenFileLimits(pid), { soft: 256, hard });
    const raised = raiseOpenFileLimit(pid);
    assert.equal(raised.outcome, 'prlimit', raised.error);
    assert.deepEqual(raised.after, { soft: hard, hard });
    assert.deepEqual(readOpenFileLimits(pid), { soft: hard, hard });
  } finally {
    child.kill();
    await once(child, 'exit');
  }
});
