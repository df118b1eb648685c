// `etphonehome clients describe` says what the server decided and what follows (issue 17 item
// 17): a client with a new key is quarantined (operations refused until accept-key), a
// decommissioned one has its connections refused (restore undoes it).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { runCli } from '../support/cli.js';
import { ClientDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('describe names the server decision', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { displayName: 'decided' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent?.close();
    await server?.close();
  });

  test('a new key: quarantined, operations refused until accept-key', async () => {
    await agent.stop();
    await agent.exec(['--generate-key']);
    await agent.start();
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.keyMismatch,
      { timeoutMs: 60_000, what: 'the key mismatch' },
    );
    const shown = await runCli(server, ['clients', 'describe', 'decided']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(
      shown.stdout,
      /server decision:\s+quarantined since \S+: it connected with a new key, so commands and file operations are refused until "etphonehome clients accept-key \S+"/,
    );
  });

  test('decommissioned: connections refused, restore undoes it', async () => {
    const done = await runCli(server, ['clients', 'decommission', 'decided', '--no-stop', '--yes']);
    assert.equal(done.code, 0, done.stderr);
    const shown = await runCli(server, ['clients', 'describe', agent.uuid]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(
      shown.stdout,
      /server decision:\s+decommissioned: its connections are refused .*"etphonehome clients restore \S+" undoes it/,
    );
  });
});
