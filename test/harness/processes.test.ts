// A test file that ends for any reason leaves nothing running: test/support/processes.ts kills
// every process it spawned, with the process group each one leads (so what they started goes
// too), on a normal exit, an uncaught error, SIGTERM (the runner cancelling, `timeout`) and
// SIGINT (Ctrl-C). A pretend test file spawns `sh` running `sleep` and is then ended.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive, track } from '../support/processes.js';

const PROCESSES = resolve('test/support/processes.ts');

/** A pretend test file: spawns sh (which starts sleep), prints both pids, then `ending`. */
function pretendTestFile(ending: string): string {
  return `
import { spawnProcess } from ${JSON.stringify(PROCESSES)};
const shell = spawnProcess('sh', ['-c', 'sleep 1000 & echo $!; wait']);
const sleeper = await shell.waitForLine(() => true);
console.log(JSON.stringify({ shell: shell.child.pid, sleeper: Number(sleeper) }));
${ending}
`;
}

async function run(
  ending: string,
  endIt: (pid: number) => void = () => {},
): Promise<{ pids: number[]; code: number | null; signal: NodeJS.Signals | null }> {
  const dir = await mkdtemp(join(tmpdir(), 'etph-processes-'));
  try {
    const file = join(dir, 'pretend.test.mts');
    await writeFile(file, pretendTestFile(ending));
    const child = track(
      spawn(process.execPath, ['--import', 'tsx', file], {
        stdio: ['ignore', 'pipe', 'inherit'],
        detached: true,
      }),
    );
    const exited = once(child, 'exit');
    let out = '';
    for await (const chunk of child.stdout ?? []) {
      out += String(chunk);
      if (out.includes('\n')) break;
    }
    const { shell, sleeper } = JSON.parse(out.split('\n')[0] ?? '') as Record<string, number>;
    assert.ok(isAlive(shell ?? 0) && isAlive(sleeper ?? 0), 'both running before the end');
    endIt(child.pid ?? 0);
    const [code, signal] = (await exited) as [number | null, NodeJS.Signals | null];
    return { pids: [shell ?? 0, sleeper ?? 0], code, signal };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Waits until every pid is gone (reaped by init once its parent died). */
async function gone(pids: number[]): Promise<void> {
  while (pids.some(isAlive)) await sleep(20);
}

test('a normal exit kills the spawned process and what it started', async () => {
  const { pids, code } = await run('process.exit(3);');
  assert.equal(code, 3);
  await gone(pids);
});

test('an uncaught error kills them', async () => {
  const { pids, code } = await run(`throw new Error('boom');`);
  assert.equal(code, 1);
  await gone(pids);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} kills them, and the file still ends by ${signal}`, async () => {
    const { pids, signal: endedBy } = await run('setInterval(() => {}, 1000);', (pid) =>
      process.kill(pid, signal),
    );
    assert.equal(endedBy, signal);
    await gone(pids);
  });
}
