// One identity for two servers on one throwaway PostgreSQL (issue 14), closed enrollment, real
// agents: a key in server A's authorized_keys admits an agent at server B (and removing the line
// stops admitting it there); a single-use enrollment token presented to both servers at the same
// moment admits exactly one agent; a key mismatch is raised once though the agent reaches both
// servers, and acceptKey through one server takes effect on the other.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import {
  AcceptKeyDocument,
  ClientDocument,
  ClientsDocument,
  CreateTokenDocument,
  EventsDocument,
  RunCommandDocument,
} from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

/** Whether `server` logged an import of its authorized_keys with these counts. */
function imported(server: TestServer, counts: { keys: number; removed?: number }): boolean {
  return server.process.stderr.concat(server.process.stdout).some((line) => {
    if (!line.includes('authorized_keys imported into the database')) return false;
    const entry = JSON.parse(line) as { keys?: number; removed?: number };
    return (
      entry.keys === counts.keys &&
      (counts.removed === undefined || entry.removed === counts.removed)
    );
  });
}

/** The "login refused" log lines of `server` for `uuid`. */
function refusals(server: TestServer, uuid: string): string[] {
  return server.process.stderr
    .concat(server.process.stdout)
    .filter((line) => line.includes('"login refused"') && line.includes(uuid));
}

describe('two servers on one PostgreSQL: one identity', () => {
  let postgres: PostgresServer;
  const servers: TestServer[] = [];
  const agents: TestAgent[] = [];
  let a: TestServer;
  let b: TestServer;

  async function agentFor(server: TestServer, enroll?: string): Promise<TestAgent> {
    const agent = await createAgent(server, enroll ? { enroll } : {});
    agents.push(agent);
    return agent;
  }

  before(async () => {
    postgres = await startPostgres();
    const databaseUrl = await postgres.createDatabase('etphonehome');
    for (const name of ['etph-a', 'etph-b']) {
      servers.push(
        await startServer({
          env: { ETPHONEHOME_DATABASE_URL: databaseUrl, ETPHONEHOME_SERVER_NAME: name },
        }),
      );
    }
    [a, b] = servers as [TestServer, TestServer];
  });
  after(async () => {
    for (const agent of agents) await agent.close();
    for (const server of servers) await server.close();
    await postgres?.stop();
  });

  test("a key in server A's authorized_keys admits at server B; removing it stops that", async () => {
    const admitted = await agentFor(b);
    const later = await agentFor(b);
    const keyOf = async (agent: TestAgent) => (await agent.exec(['--show-key'])).stdout;
    await appendFile(
      join(a.dataDir, 'authorized_keys'),
      `# added by the test\n${await keyOf(admitted)}${await keyOf(later)}`,
    );
    // Server A sees the edit without a login of its own (its periodic check) and imports it.
    await waitFor(() => imported(a, { keys: 2 }), { what: "A's import of 2 keys" });
    await admitted.start();
    await admitted.waitOnline(b);
    const client = (await b.gql.request(ClientDocument, { id: admitted.uuid })).client;
    assert.equal(client?.enrolledVia, 'authorized_keys');

    // The lines removed from A's file: B admits neither key any more.
    await writeFile(join(a.dataDir, 'authorized_keys'), '# emptied by the test\n');
    await waitFor(() => imported(a, { keys: 0, removed: 2 }), { what: "A's import of 0 keys" });
    await later.start();
    await waitFor(() => refusals(b, later.uuid).length > 0, { what: 'B refusing the removed key' });
    assert.match(refusals(b, later.uuid)[0] ?? '', /not in authorized_keys/);
    assert.equal((await b.gql.request(ClientDocument, { id: later.uuid })).client, null);
    await later.stop();
  });

  test('a single-use token presented to both servers at once admits exactly one agent', async () => {
    const created = await a.gql.request(CreateTokenDocument, {
      input: { name: 'raced', maxUses: 1 },
    });
    const token = created.createEnrollmentToken.token;
    const contenders = [await agentFor(a, token), await agentFor(b, token)];
    await Promise.all(contenders.map((agent) => agent.start()));
    const uuids = contenders.map((agent) => agent.uuid);
    const winners = async () =>
      (await a.gql.request(ClientsDocument, {})).clients.filter((c) => uuids.includes(c.uuid));
    await waitFor(async () => (await winners()).length > 0, { what: 'one contender admitted' });
    const winner = (await winners())[0]!.uuid;
    const loserIndex = uuids[0] === winner ? 1 : 0;
    const loser = contenders[loserIndex]!;
    const loserServer = servers[loserIndex]!;
    await waitFor(() => refusals(loserServer, loser.uuid).length > 0, {
      what: "the other contender's refusal",
    });
    assert.match(refusals(loserServer, loser.uuid)[0] ?? '', /enrollment token .* is /);
    assert.deepEqual(
      (await winners()).map((c) => c.uuid),
      [winner],
      'exactly one client',
    );
    assert.deepEqual(
      (await b.gql.request(ClientsDocument, {})).clients
        .filter((c) => uuids.includes(c.uuid))
        .map((c) => c.uuid),
      [winner],
      'and server B agrees',
    );
    for (const agent of contenders) await agent.stop();
  });

  /** client.key_mismatch events in the trail after the agent reached A, then B, with its new key. */
  let mismatchesAfterBoth = -1;

  test('a key mismatch on both servers; acceptKey on A takes effect on B', async () => {
    const created = await a.gql.request(CreateTokenDocument, { input: { name: 'mismatch' } });
    const agent = await agentFor(a, created.createEnrollmentToken.token);
    await agent.start();
    await agent.waitOnline(a);
    await agent.stop();
    await waitFor(
      async () =>
        (await a.gql.request(ClientDocument, { id: agent.uuid })).client?.online === false,
      { what: 'agent offline' },
    );
    await agent.exec(['--generate-key']);
    // The new key has an admission path (A's authorized_keys, shared with B).
    await appendFile(join(a.dataDir, 'authorized_keys'), (await agent.exec(['--show-key'])).stdout);
    await waitFor(() => imported(a, { keys: 1 }), { what: "A's import of the new key" });

    const mismatches = async (server: TestServer) =>
      (
        await server.gql.request(EventsDocument, {
          filter: { clientId: agent.uuid, events: ['client.key_mismatch'] },
          limit: 10,
        })
      ).events.length;
    // First to A, then (the same new key) to B.
    await agent.start(['-s', `127.0.0.1:${a.sshPort}`]);
    await waitFor(async () => (await mismatches(a)) === 1, { what: 'the mismatch on A' });
    await agent.stop();
    await agent.start(['-s', `127.0.0.1:${b.sshPort}`]);
    await agent.waitOnline(b);
    const onB = (await b.gql.request(ClientDocument, { id: agent.uuid })).client;
    assert.equal(onB?.keyMismatch, true, 'still quarantined on B');

    const accepted = (await a.gql.request(AcceptKeyDocument, { id: agent.uuid })).acceptKey;
    assert.equal(accepted.keyMismatch, false);
    await waitFor(
      async () =>
        (await b.gql.request(ClientDocument, { id: agent.uuid })).client?.keyMismatch === false,
      { what: 'B seeing the accepted key' },
    );
    const { runCommand } = await b.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'echo accepted-everywhere',
    });
    assert.equal(runCommand.stdout, 'accepted-everywhere\n');
    // Counted last: B records its connection's event just after the agent shows online there.
    mismatchesAfterBoth = await mismatches(b);
    assert.ok(mismatchesAfterBoth >= 1, 'the mismatch is in the trail');
    assert.equal(await mismatches(a), mismatchesAfterBoth, 'both servers read one trail');
  });

  // One client.key_mismatch per presented key, whichever servers the agent reaches with it.
  test('the key mismatch is raised once although the agent reached both servers', () => {
    assert.equal(mismatchesAfterBoth, 1);
  });
});
