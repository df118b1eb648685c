// runCommand end to end through GraphQL: output, exit status, environment, capabilities, the
// timeout killing the remote process group, cancellation of an abandoned request, bad input.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { isAlive, killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument, EventsDocument, RunCommandDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('runCommand', () => {
  let server: TestServer;
  let agent: TestAgent;
  let fakeBinAgent: TestAgent;
  let work: string;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    work = await mkdtemp(join(tmpdir(), 'etph-cmd-'));
    agent = await createAgent(server, { displayName: 'cmd-runner' });
    await agent.start();

    // A second agent whose PATH holds only what the test planted: capabilities must follow.
    const bin = join(work, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    await writeFile(join(bin, 'docker'), '#!/bin/sh\necho fake docker\n');
    await chmod(join(bin, 'docker'), 0o755);
    await symlink(execFileSync('sh', ['-c', 'command -v git']).toString().trim(), join(bin, 'git'));
    await writeFile(join(bin, 'kubectl'), 'not executable\n'); // present but not executable: not a capability
    fakeBinAgent = await createAgent(server, { displayName: 'fake-bin', env: { PATH: bin } });
    await fakeBinAgent.start();
    await agent.waitOnline(server);
    await fakeBinAgent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await fakeBinAgent.close();
    await server.close();
  });

  test('stdout, stderr and a non-zero exit come back', async () => {
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'echo out; echo err 1>&2; exit 7',
    });
    assert.equal(runCommand.stdout, 'out\n');
    assert.equal(runCommand.stderr, 'err\n');
    assert.equal(runCommand.returncode, 7);
    assert.equal(runCommand.timedOut, false);
    assert.equal(runCommand.truncated, false);
  });

  test('cwd and env are honoured; the client can be named by display name', async () => {
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: 'cmd-runner',
      cmd: 'pwd; echo "$GREETING"',
      cwd: work,
      env: [{ name: 'GREETING', value: 'hello from the test' }],
    });
    assert.equal(runCommand.stdout, `${work}\nhello from the test\n`);
  });

  test('capabilities are detected from what is really there', async () => {
    const real = (await server.gql.request(ClientDocument, { id: agent.uuid })).client;
    assert.ok(real?.capabilities.includes('git'), 'git is installed on this machine');
    const fake = (await server.gql.request(ClientDocument, { id: fakeBinAgent.uuid })).client;
    assert.ok(fake);
    assert.ok(fake.capabilities.includes('docker'));
    assert.ok(fake.capabilities.includes('git'));
    for (const absent of ['kubectl', 'podman', 'make', 'node', 'ssh', 'c-compiler']) {
      assert.ok(!fake.capabilities.includes(absent), `${absent} is not on that PATH`);
    }
    assert.ok(!fake.capabilities.some((c) => c.startsWith('python3')), 'no python3 on that PATH');
  });

  test('a timeout kills the remote process and its children', async () => {
    const pids = join(work, 'timeout-pids');
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: `echo $$ > ${pids}; sleep 300 & echo $! >> ${pids}; wait`,
      timeout: 2,
    });
    assert.equal(runCommand.timedOut, true);
    assert.equal(runCommand.returncode, 124);
    const [shell, child] = (await readFile(pids, 'utf8')).trim().split('\n').map(Number);
    assert.ok(shell && child);
    await waitFor(() => !isAlive(shell) && !isAlive(child), {
      timeoutMs: 10_000,
      what: 'the command and its child to die',
    });
  });

  test('an abandoned request is cancelled on the client (process group killed)', async () => {
    const pidFile = join(work, 'abandoned-pid');
    const controller = new AbortController();
    const pending = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        query: print(RunCommandDocument),
        variables: {
          clientId: agent.uuid,
          cmd: `echo $$ > ${pidFile}; exec sleep 300`,
          timeout: 600,
        },
      }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    const pid = await waitFor(
      async () => Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || null,
      {
        what: 'the command to start',
      },
    );
    assert.ok(isAlive(pid));
    controller.abort();
    await pending;
    await waitFor(() => !isAlive(pid), {
      timeoutMs: 10_000,
      what: 'the abandoned command to be killed',
    });
  });

  test('output beyond the cap is cut and flagged', async () => {
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'head -c 3000000 /dev/zero | tr "\\0" x',
    });
    assert.equal(runCommand.truncated, true);
    assert.equal(runCommand.stdout.length, 1024 * 1024);
  });

  test('each command is recorded as command_executed, with obvious secrets redacted', async () => {
    await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'true PASSWORD=hunter2',
    });
    const { events } = await server.gql.request(EventsDocument, {
      filter: { events: ['command_executed'], clientId: agent.uuid },
      limit: 1,
    });
    const data = events[0]?.data as Record<string, unknown>;
    assert.equal(data['command'], 'true PASSWORD=[REDACTED]');
    assert.equal(data['exit_code'], 0);
    assert.match(events[0]?.actor ?? '', /^graphql /);
  });

  test('bad input gets a clear error and runs nothing', async () => {
    const executed = async (): Promise<number> =>
      (
        await server.gql.request(EventsDocument, {
          filter: { events: ['command_executed'] },
          limit: 1000,
        })
      ).events.length;
    const executedBefore = await executed();
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: 'no-such-client', cmd: 'true' }),
      'NOT_FOUND',
      /no-such-client/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: '   ' }),
      'BAD_USER_INPUT',
      /cmd/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'true', timeout: 0 }),
      'BAD_USER_INPUT',
      /timeout/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: 'true',
        timeout: 100_000,
      }),
      'BAD_USER_INPUT',
      /timeout/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: 'true',
        cwd: 'relative/dir',
      }),
      'BAD_USER_INPUT',
      /absolute/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: 'true',
        cwd: '/no/such/dir',
      }),
      'NOT_FOUND',
      /does not exist/,
    );
    await expectError(
      server.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: 'true',
        env: [{ name: '1BAD', value: 'x' }],
      }),
      'BAD_USER_INPUT',
      /env/,
    );
    await expectError(
      server.gql.request(EventsDocument, { filter: {}, limit: 5000 }),
      'BAD_USER_INPUT',
      /limit/,
    );
    await expectError(
      server.gql.request(EventsDocument, { filter: { events: ['client.exploded'] } }),
      'BAD_USER_INPUT',
      /Unknown event type/,
    );
    await expectError(
      server.gql.request(EventsDocument, { filter: {}, before: 'abc' }),
      'BAD_USER_INPUT',
      /before/,
    );
    assert.equal(await executed(), executedBefore, 'no command ran');
  });
});
