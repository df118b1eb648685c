// Three real servers on one throwaway PostgreSQL (issue 14), on an empty database: one identity
// (the same SSH host key, so an agent pinned through one attaches to another; the same webhook
// signing secret), each server in the `servers` query and /health, and a SIGKILLed server shown
// as not alive once its renewals stop. One PostgreSQL and three servers for the whole file.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import { openStore } from '../../src/store/open.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { RunCommandDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { SendTestWebhookDocument } from '../support/webhook-operations.js';

after(killAll);

const ServersDocument = graphql(`
  query TestServers {
    servers {
      name
      peerUrl
      version
      startedAt
      lastRenewalAt
      clientsHeld
      alive
      self
    }
  }
`);

const NAMES = ['etph-1', 'etph-2', 'etph-3'] as const;

function fingerprintOf(server: TestServer): string {
  const line = [...server.process.stdout, ...server.process.stderr].find((l) =>
    l.includes('"server listening"'),
  );
  return (JSON.parse(line ?? '{}') as { hostKeyFingerprint?: string }).hostKeyFingerprint ?? '';
}

async function health(server: TestServer): Promise<Record<string, unknown>> {
  return (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
}

describe('three servers on one PostgreSQL', () => {
  let postgres: PostgresServer;
  let databaseUrl: string;
  let receiver: Receiver;
  const servers: TestServer[] = [];
  let agent: TestAgent;

  before(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('etphonehome');
    receiver = await startReceiver('unused-until-read-from-the-database');
    // One after the other: on a loaded machine three starts at once outlast the start timeout.
    // Racing starts are covered where they are cheap: migrations (test/store-pg/migrations)
    // and secrets (test/store/cluster, eight proposals at once).
    for (const name of NAMES) {
      servers.push(
        await startServer({
          openEnrollment: true,
          env: {
            ETPHONEHOME_DATABASE_URL: databaseUrl,
            ETPHONEHOME_SERVER_NAME: name,
            ETPHONEHOME_PEER_URL: `http://${name}.test:8766`,
            ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
          },
        }),
      );
    }
  });
  after(async () => {
    await agent?.close();
    for (const server of servers) await server.close();
    await receiver?.close();
    await postgres?.stop();
  });

  test('one SSH host key: an agent pinned through server 1 attaches to server 3', async () => {
    const fingerprints = servers.map(fingerprintOf);
    assert.match(fingerprints[0] ?? '', /^SHA256:/);
    assert.equal(new Set(fingerprints).size, 1, fingerprints.join(' '));
    const [first, , third] = servers as [TestServer, TestServer, TestServer];
    agent = await createAgent(third, { pinServerKey: fingerprintOf(first) });
    await agent.start();
    await agent.waitOnline(third);
    const result = (
      await third.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'echo pinned' })
    ).runCommand;
    assert.equal(result.stdout.trim(), 'pinned');
  });

  test('one webhook secret: deliveries from two servers verify with the secret in the database', async () => {
    // Read through the store (a proposal never replaces a stored secret).
    const store = await openStore({ file: '', databaseUrl });
    let secret: string;
    try {
      secret = await store.cluster.secret('webhook_secret', 'not-stored', new Date());
    } finally {
      await store.close();
    }
    assert.match(secret, /^whsec_/);
    const verifying = await startReceiver(secret);
    try {
      for (const server of [servers[0], servers[1]] as TestServer[]) {
        const sent = (
          await server.gql.request(SendTestWebhookDocument, { url: verifying.url('/hook') })
        ).sendTestWebhook;
        assert.equal(sent.status, 'DELIVERED', JSON.stringify(sent));
      }
      assert.equal(verifying.all.length, 2);
      assert.ok(
        verifying.all.every((d) => d.verified && d.plainVerified),
        'both signatures verify',
      );
    } finally {
      await verifying.close();
    }
  });

  test('/health and the servers query: names, the database kind, clients held', async () => {
    const answers = await Promise.all(servers.map(health));
    assert.deepEqual(
      answers.map((h) => [h['server'], h['database'], h['clientsHeld']]),
      [
        ['etph-1', 'postgresql', 0],
        ['etph-2', 'postgresql', 0],
        ['etph-3', 'postgresql', 1],
      ],
    );
    // The counts arrive with the next renewal (every 5 s).
    await waitFor(
      async () =>
        (await servers[1]!.gql.request(ServersDocument, {})).servers.find(
          (s) => s.name === 'etph-3',
        )?.clientsHeld === 1,
      { what: 'etph-3 holding the agent in the servers query' },
    );
    const listed = (await servers[1]!.gql.request(ServersDocument, {})).servers;
    assert.deepEqual(
      listed.map((s) => [s.name, s.peerUrl, s.alive, s.self]),
      [
        ['etph-1', 'http://etph-1.test:8766', true, false],
        ['etph-2', 'http://etph-2.test:8766', true, true],
        ['etph-3', 'http://etph-3.test:8766', true, false],
      ],
    );
    assert.ok(listed.every((s) => s.version === listed[0]?.version));
  });

  test('a SIGKILLed server is shown not alive once its renewals stop; a stopped one is gone', async () => {
    const [first, second, third] = servers as [TestServer, TestServer, TestServer];
    await third.stop('SIGKILL');
    await waitFor(
      async () =>
        (await first.gql.request(ServersDocument, {})).servers.find((s) => s.name === 'etph-3')
          ?.alive === false,
      { timeoutMs: 30_000, what: 'etph-3 not alive after SIGKILL' },
    );
    await second.stop('SIGTERM');
    const names = (await first.gql.request(ServersDocument, {})).servers.map((s) => [
      s.name,
      s.alive,
    ]);
    assert.deepEqual(names, [
      ['etph-1', true],
      ['etph-3', false],
    ]);
  });
});
