// Connection lifecycle end to end: offline detection with a live graphql-ws event, a server
// crash and restart, agents coming back by themselves, and operator metadata that no reconnect
// or restart overwrites.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import {
  ClientDocument,
  ClientEventsSubscription,
  ClientsDocument,
  ConfigureClientDocument,
  EventsDocument,
  UpdateClientDocument,
} from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('lifecycle', () => {
  let server: TestServer;
  let a: TestAgent;
  let b: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    a = await createAgent(server, { displayName: 'Suggested A', tags: ['suggested'] });
    b = await createAgent(server, { displayName: 'Suggested B' });
    await a.start();
    await b.start();
    await a.waitOnline(server);
    await b.waitOnline(server);
  });
  after(async () => {
    await a.close();
    await b.close();
    await server.close();
  });

  test('a killed agent is offline within 2 s, its record kept, and client.disconnected arrives over graphql-ws', async () => {
    const subscription = await server.subscribe(ClientEventsSubscription, {
      filter: { events: ['client.disconnected'], clientId: b.uuid },
    });
    const killedAt = Date.now();
    await b.stop('SIGKILL');
    const event = await subscription.next((data) => data.clientEvents.client.uuid === b.uuid);
    const elapsedMs = Date.now() - killedAt;
    assert.equal(event.clientEvents.event, 'client.disconnected');
    assert.equal(
      event.clientEvents.client.online,
      false,
      'the event carries the client as it is now',
    );
    assert.ok(elapsedMs < 2000, `offline after ${elapsedMs} ms`);
    subscription.close();

    const { client } = await server.gql.request(ClientDocument, { id: b.uuid });
    assert.ok(client, 'the record of an offline client is kept');
    assert.equal(client.online, false);
    assert.equal(client.health, 'UNKNOWN');
    assert.equal(client.connectionCount, 1);
    assert.ok(Date.parse(client.lastSeen) >= killedAt - 1000);
  });

  test('operator metadata survives an agent reconnect', async () => {
    await server.gql.request(UpdateClientDocument, {
      id: a.uuid,
      input: {
        displayName: 'Operator Name',
        purpose: 'Database',
        tags: ['production', 'critical'],
        allowedPaths: ['/srv'],
      },
    });
    const before = (await server.gql.request(ClientDocument, { id: a.uuid })).client;
    await a.stop('SIGKILL');
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: a.uuid })).client?.online === false,
      {
        what: 'A offline',
      },
    );
    // The agent comes back suggesting other metadata: the server record stays authoritative.
    await a.start([
      '--display-name',
      'Agent Wants This',
      '--purpose',
      'ignored',
      '--tags',
      'other',
    ]);
    await a.waitOnline(server);
    const after = (await server.gql.request(ClientDocument, { id: a.uuid })).client;
    assert.equal(after?.displayName, 'Operator Name');
    assert.equal(after?.purpose, 'Database');
    assert.deepEqual(
      after?.tags.map((t) => t.name),
      ['critical', 'production'],
    );
    assert.deepEqual(after?.allowedPaths, ['/srv']);
    assert.equal(after?.connectionCount, (before?.connectionCount ?? 0) + 1);
    assert.equal(after?.firstSeen, before?.firstSeen);
  });

  test('a SIGKILLed server restarts with every record, and the agents come back by themselves', async () => {
    await b.start();
    await b.waitOnline(server);
    await server.gql.request(ConfigureClientDocument, {
      id: a.uuid,
      input: {
        webhookUrl: 'https://hooks.example.com/a',
        rateLimitRpm: 120,
        rateLimitConcurrent: 3,
        rateLimitMode: 'ENFORCE',
      },
    });
    await server.gql.request(UpdateClientDocument, {
      id: a.uuid,
      input: { allowedPaths: ['/srv/app', '/var/log/app'] },
    });
    const settings = (c: (typeof before)[number] | undefined) => [
      c?.webhookUrl,
      c?.rateLimitRpm,
      c?.rateLimitConcurrent,
      c?.rateLimitMode,
      c?.allowedPaths,
    ];
    const before = (await server.gql.request(ClientsDocument, {})).clients;
    await server.stop('SIGKILL');
    await server.restart();
    // Right after the restart the registry still knows everyone (nobody online yet, or soon).
    const afterRestart = (await server.gql.request(ClientsDocument, {})).clients;
    assert.deepEqual(
      afterRestart.map((c) => [c.uuid, c.clientId, c.displayName, c.firstSeen]).sort(),
      before.map((c) => [c.uuid, c.clientId, c.displayName, c.firstSeen]).sort(),
    );
    // Agents reconnect with backoff and jitter, without being restarted.
    await a.waitOnline(server);
    await b.waitOnline(server);
    const now = (await server.gql.request(ClientsDocument, { filter: { onlineOnly: true } }))
      .clients;
    assert.equal(now.length, 2);
    const operatorSet = now.find((c) => c.uuid === a.uuid);
    assert.equal(
      operatorSet?.displayName,
      'Operator Name',
      'operator metadata survives a server restart',
    );
    assert.deepEqual(
      operatorSet?.tags.map((t) => t.name),
      ['critical', 'production'],
    );
    assert.deepEqual(
      settings(operatorSet),
      ['https://hooks.example.com/a', 120, 3, 'ENFORCE', ['/srv/app', '/var/log/app']],
      'settings survive a server restart and the reconnect',
    );
    assert.deepEqual(settings(operatorSet), settings(before.find((c) => c.uuid === a.uuid)));

    // The audit trail survived too, and kept appending.
    const { events } = await server.gql.request(EventsDocument, {
      filter: { clientId: a.uuid },
      limit: 100,
    });
    const connects = events.filter((e) => e.event === 'client.connected').length;
    assert.ok(connects >= 3, `A connected at least 3 times (got ${connects})`);
  });
  test('a subscription naming an unknown client or event answers with a clear error', async () => {
    const unknownClient = await server.subscribe(ClientEventsSubscription, {
      filter: { clientId: 'no-such-client' },
    });
    await assert.rejects(
      unknownClient.next(),
      /NOT_FOUND[\s\S]*no-such-client|no-such-client[\s\S]*NOT_FOUND/,
    );
    unknownClient.close();
    const unknownEvent = await server.subscribe(ClientEventsSubscription, {
      filter: { events: ['client.exploded'] },
    });
    await assert.rejects(unknownEvent.next(), /BAD_USER_INPUT/);
    unknownEvent.close();
  });
});
