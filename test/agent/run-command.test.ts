// run_command against a real /bin/sh: output, exit status, cwd, env, caps, and that timeouts
// and cancellation kill the whole process group.

import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCommand } from '../../src/agent/handlers/run-command.js';
import { AgentError, type HandlerContext } from '../../src/agent/handlers/types.js';

const posix = process.platform !== 'win32';

function context(overrides: Partial<HandlerContext> = {}): HandlerContext {
  return { signal: new AbortController().signal, allowedPaths: null, ...overrides };
}

/** A zombie (killed, not yet reaped by a non-reaping PID 1) counts as dead. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  if (process.platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

async function waitFor(predicate: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await predicate()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function readPid(file: string): Promise<number> {
  let text = '';
  await waitFor(async () => {
    text = await readFile(file, 'utf8').catch(() => '');
    return text.endsWith('\n');
  }, `${file} to be written`);
  return Number(text.trim());
}

function assertAgentError(code: string): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof AgentError, `expected an AgentError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  };
}

describe('run_command', { skip: !posix && 'POSIX shell semantics', timeout: 30_000 }, () => {
  let dir: string;
  before(async () => {
    dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-run-')));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('captures stdout, stderr and a non-zero exit', async () => {
    const result = await runCommand(
      { cmd: 'echo out; echo err >&2; exit 3', timeoutMs: 10_000 },
      context(),
    );
    assert.equal(result.stdout, 'out\n');
    assert.equal(result.stderr, 'err\n');
    assert.equal(result.returncode, 3);
    assert.equal(result.timedOut, false);
    assert.equal(result.truncated, false);
    assert.ok(result.durationMs >= 0);
  });

  test('reports death by signal as 128 + the signal number', async () => {
    const result = await runCommand({ cmd: 'kill -TERM $$', timeoutMs: 10_000 }, context());
    assert.equal(result.returncode, 128 + os.constants.signals.SIGTERM);
  });

  test('decodes output as UTF-8', async () => {
    const result = await runCommand(
      { cmd: "printf 'h\\303\\251llo'", timeoutMs: 10_000 },
      context(),
    );
    assert.equal(result.stdout, 'héllo');
  });

  test('runs in the given cwd', async () => {
    const result = await runCommand({ cmd: 'pwd', cwd: dir, timeoutMs: 10_000 }, context());
    assert.equal(result.stdout, `${dir}\n`);
  });

  test('refuses a cwd that is relative, missing, a file or outside the allowed paths', async () => {
    const file = path.join(dir, 'a-file');
    await writeFile(file, '');
    const run = (cwd: string, allowedPaths: string[] | null = null) =>
      runCommand({ cmd: 'true', cwd, timeoutMs: 10_000 }, context({ allowedPaths }));
    await assert.rejects(run('relative/dir'), assertAgentError('BAD_USER_INPUT'));
    await assert.rejects(run(path.join(dir, 'missing')), assertAgentError('NOT_FOUND'));
    await assert.rejects(run(file), assertAgentError('NOT_A_DIRECTORY'));
    await assert.rejects(run('/', [dir]), assertAgentError('PATH_DENIED'));
    assert.equal((await run(dir, [dir])).returncode, 0);
  });

  test('merges env over the agent environment', async () => {
    const result = await runCommand(
      { cmd: 'printf "%s|%s" "$ETPH_TEST" "$PATH"', timeoutMs: 10_000, env: { ETPH_TEST: 'hi' } },
      context(),
    );
    assert.equal(result.stdout, `hi|${process.env.PATH ?? ''}`);
  });

  test('cuts output at maxOutputBytes, keeps draining, and flags it', async () => {
    const result = await runCommand(
      {
        cmd: 'head -c 300000 /dev/zero | tr "\\0" a; head -c 50 /dev/zero | tr "\\0" b >&2',
        timeoutMs: 10_000,
        maxOutputBytes: 100,
      },
      context(),
    );
    assert.equal(result.stdout, 'a'.repeat(100));
    assert.equal(result.stderr, 'b'.repeat(50));
    assert.equal(result.truncated, true);
    // The writer was never blocked or broken: the pipeline finished normally.
    assert.equal(result.returncode, 0);
  });

  test('a timeout kills the command and its grandchildren', async () => {
    const pidFile = path.join(dir, 'timeout.pids');
    const result = await runCommand(
      {
        cmd: `echo started; sh -c 'sleep 100 & echo $! > ${pidFile}.bg; echo $$ > ${pidFile}; sleep 100'`,
        timeoutMs: 500,
      },
      context(),
    );
    assert.equal(result.timedOut, true);
    assert.equal(result.returncode, 124);
    assert.equal(result.stdout, 'started\n');
    const pids = [await readPid(pidFile), await readPid(`${pidFile}.bg`)];
    await waitFor(() => pids.every((pid) => !isAlive(pid)), `pids ${pids.join(', ')} to die`);
  });

  test('an abort kills the process group and rejects as cancelled', async () => {
    const pidFile = path.join(dir, 'abort.pids');
    const controller = new AbortController();
    const running = runCommand(
      { cmd: `sleep 100 & echo $! > ${pidFile}; echo $$ > ${pidFile}.sh; wait`, timeoutMs: 60_000 },
      context({ signal: controller.signal }),
    );
    const pids = [await readPid(pidFile), await readPid(`${pidFile}.sh`)];
    assert.ok(pids.every(isAlive));
    controller.abort();
    await assert.rejects(running, (err) => {
      assert.ok(err instanceof AgentError);
      assert.equal(err.code, 'FAILED');
      assert.match(err.message, /cancelled/);
      return true;
    });
    await waitFor(() => pids.every((pid) => !isAlive(pid)), `pids ${pids.join(', ')} to die`);
  });

  test('an already-aborted call runs nothing', async () => {
    const marker = path.join(dir, 'never');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      runCommand(
        { cmd: `touch ${marker}`, timeoutMs: 10_000 },
        context({ signal: controller.signal }),
      ),
      assertAgentError('FAILED'),
    );
    await assert.rejects(readFile(marker));
  });

  test('a background child holding the pipes does not hold the call', async () => {
    const result = await runCommand({ cmd: 'sleep 100 & echo $!', timeoutMs: 60_000 }, context());
    const pid = Number(result.stdout.trim());
    try {
      assert.equal(result.timedOut, false);
      assert.equal(result.returncode, 0);
      assert.ok(isAlive(pid), 'the background child is left running, as ssh would');
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });
});
