// The real server on PostgreSQL (`ETPHONEHOME_DATABASE_URL`), end to end: a throwaway PostgreSQL
// 15, real agents, the guide's core workflow (list, find, tags, a command, events live and
// recorded, a webhook delivery recorded), a restart of the server keeping everything — and the
// PostgreSQL server restarted (crash and recovery) under load: the server reconnects by itself
// and nothing it acknowledged is lost.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import {
  ClientDocument,
  ClientEventsSubscription,
  ClientsDocument,
  EventsDocument,
  RunCommandDocument,
  UpdateClientDocument,
} from '../support/operations.js';
import { sleep, waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { WebhookDeliveriesDocument } from '../support/webhook-operations.js';

after(killAll);

const SECRET = 'whsec_' + Buffer.alloc(32, 7).toString('base64');

describe('a server on PostgreSQL', () => {
  let pg: PostgresServer;
  let databaseUrl: string;
  let receiver: Receiver;
  let server: TestServer;
  let web: TestAgent;
  let db: TestAgent;

  before(async () => {
    pg = await startPostgres();
    databaseUrl = await pg.createDatabase('etphonehome');
    receiver = await startReceiver(SECRET);
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_DATABASE_URL: databaseUrl,
        ETPHONEHOME_WEBHOOK_URL: receiver.url('/hook'),
        ETPHONEHOME_WEBHOOK_SECRET: SECRET,
        ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
        ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '50',
        ETPHONEHOME_RATE_LIMIT_MODE: 'off',
      },
    });
    web = await createAgent(server, {
      displayName: 'web-1',
      purpose: 'Web Server',
      tags: ['prod'],
    });
    db = await createAgent(server, { displayName: 'db-1', purpose: 'Database', tags: ['prod'] });
    await web.start();
    await db.start();
    await web.waitOnline(server);
    await db.waitOnline(server);
  });
  after(async () => {
    await web?.close();
    await db?.close();
    await server?.close();
    await receiver?.close();
    await pg?.stop();
  });

  test('/health and the start log say PostgreSQL, never the password or the URL in /health', async () => {
    const health = (await (await fetch(`${server.url}/health`)).json()) as Record<string, unknown>;
    assert.equal(health['database'], 'postgresql');
    assert.deepEqual(health['clients'], { online: 2, total: 2 });
    assert.ok(!JSON.stringify(health).includes('postgres://'));
    const listening = [...server.process.stdout, ...server.process.stderr].find((l) =>
      l.includes('"server listening"'),
    );
    assert.ok(listening?.includes('"database":"postgres://postgres@127.0.0.1:'), listening);
  });

  test("the guide's core workflow: list, find, tags, a command, events, a webhook delivery", async () => {
    const all = (await server.gql.request(ClientsDocument, {})).clients;
    assert.deepEqual(all.map((c) => c.displayName).sort(), ['db-1', 'web-1']);
    assert.ok(all.every((c) => c.online));

    // find: case-insensitive substrings (SQLite's LIKE; ILIKE on PostgreSQL) and tags.
    const found = (await server.gql.request(ClientsDocument, { filter: { query: 'WEB SERV' } }))
      .clients;
    assert.deepEqual(
      found.map((c) => c.uuid),
      [web.uuid],
    );
    const byPurpose = (await server.gql.request(ClientsDocument, { filter: { purpose: 'datab' } }))
      .clients;
    assert.deepEqual(
      byPurpose.map((c) => c.uuid),
      [db.uuid],
    );

    const subscription = await server.subscribe(ClientEventsSubscription, {
      filter: { clientId: web.uuid, events: ['command_executed', 'client.updated'] },
    });
    try {
      const updated = (
        await server.gql.request(UpdateClientDocument, {
          id: web.uuid,
          input: { tags: ['prod', 'frontend'] },
        })
      ).updateClient;
      assert.deepEqual(updated.tags.map((t) => t.name).sort(), ['frontend', 'prod']);
      const tagged = (await server.gql.request(ClientsDocument, { filter: { tags: ['frontend'] } }))
        .clients;
      assert.deepEqual(
        tagged.map((c) => c.uuid),
        [web.uuid],
      );

      const result = (
        await server.gql.request(RunCommandDocument, { clientId: web.uuid, cmd: 'echo on-pg' })
      ).runCommand;
      assert.equal(result.returncode, 0);
      assert.equal(result.stdout.trim(), 'on-pg');

      const live = [
        (await subscription.next()).clientEvents.event,
        (await subscription.next()).clientEvents.event,
      ];
      assert.deepEqual(live, ['client.updated', 'command_executed']);
    } finally {
      subscription.close();
    }

    const recorded = (
      await server.gql.request(EventsDocument, {
        filter: { clientId: web.uuid, events: ['command_executed', 'client.updated'] },
        limit: 10,
      })
    ).events;
    assert.deepEqual(
      recorded.map((e) => e.event),
      ['command_executed', 'client.updated'],
      'newest first',
    );

    // The webhook: delivered to the receiver (signature verified) and recorded as DELIVERED.
    await waitFor(
      () =>
        [...receiver.unique().values()].some(
          (d) =>
            d.payload?.event === 'command_executed' && d.payload.data['command'] === 'echo on-pg',
        ),
      { what: 'the command_executed webhook' },
    );
    await waitFor(
      async () =>
        (
          await server.gql.request(WebhookDeliveriesDocument, {
            filter: { clientId: web.uuid, event: 'command_executed', status: 'DELIVERED' },
          })
        ).webhookDeliveries.length === 1,
      { what: 'the delivery recorded as DELIVERED' },
    );
  });

  test('a restart of the server keeps clients, tags, events and deliveries', async () => {
    const eventsBefore = (
      await server.gql.request(EventsDocument, { filter: { clientId: web.uuid }, limit: 100 })
    ).events;
    await server.stop();
    await server.restart();
    await web.waitOnline(server, 60_000);
    await db.waitOnline(server, 60_000);

    const client = (await server.gql.request(ClientDocument, { id: web.uuid })).client;
    assert.deepEqual(client?.tags.map((t) => t.name).sort(), ['frontend', 'prod']);
    assert.equal(client?.displayName, 'web-1');
    assert.ok((client?.connectionCount ?? 0) >= 2);
    const eventsAfter = (
      await server.gql.request(EventsDocument, { filter: { clientId: web.uuid }, limit: 100 })
    ).events;
    const idsAfter = new Set(eventsAfter.map((e) => e.id));
    for (const event of eventsBefore) assert.ok(idsAfter.has(event.id), `event ${event.id} kept`);
    assert.ok(
      eventsAfter.some((e) => e.event === 'client.disconnected'),
      'the shutdown recorded the disconnection',
    );
    const delivered = (
      await server.gql.request(WebhookDeliveriesDocument, {
        filter: { clientId: web.uuid, event: 'command_executed', status: 'DELIVERED' },
      })
    ).webhookDeliveries;
    assert.equal(delivered.length, 1);
    const again = (
      await server.gql.request(RunCommandDocument, { clientId: db.uuid, cmd: 'echo again' })
    ).runCommand;
    assert.equal(again.stdout.trim(), 'again');
  });

  test('PostgreSQL restarted (crash, recovery) under load: the server reconnects, nothing acknowledged is lost', async () => {
    const acknowledgedCommands: string[] = [];
    const acknowledgedPurposes: number[] = [];
    let stop = false;

    const commands = async (): Promise<void> => {
      for (let i = 0; !stop; i++) {
        const cmd = `echo load-${i}`;
        try {
          const r = (await server.gql.request(RunCommandDocument, { clientId: db.uuid, cmd }))
            .runCommand;
          if (r.returncode === 0) acknowledgedCommands.push(cmd);
        } catch {
          await sleep(50);
        }
      }
    };
    const updates = async (): Promise<void> => {
      for (let i = 0; !stop; i++) {
        try {
          await server.gql.request(UpdateClientDocument, {
            id: web.uuid,
            input: { purpose: `purpose-${i}` },
          });
          acknowledgedPurposes.push(i);
        } catch {
          await sleep(50);
        }
      }
    };

    const load = Promise.all([commands(), updates()]);
    await waitFor(() => acknowledgedCommands.length >= 5 && acknowledgedPurposes.length >= 5, {
      what: 'load running before the restart',
    });
    await pg.restart({ mode: 'immediate', downMs: 1500 });
    const ackedAtRestart = acknowledgedCommands.length + acknowledgedPurposes.length;
    await waitFor(
      () => acknowledgedCommands.length + acknowledgedPurposes.length >= ackedAtRestart + 10,
      { timeoutMs: 60_000, what: 'writes acknowledged again after the restart' },
    );
    stop = true;
    await load;

    // Every acknowledged command is in the trail; the purpose is the last acknowledged one or a
    // later one (a request whose answer was lost may still have committed).
    const trail = (
      await server.gql.request(EventsDocument, {
        filter: { clientId: db.uuid, events: ['command_executed'] },
        limit: 1000,
      })
    ).events;
    const commandsInTrail = new Set(
      trail.map((e) => (e.data as Record<string, unknown>)['command']),
    );
    const lost = acknowledgedCommands.filter((cmd) => !commandsInTrail.has(cmd));
    assert.deepEqual(lost, [], 'every acknowledged command is recorded');
    const purpose = (await server.gql.request(ClientDocument, { id: web.uuid })).client?.purpose;
    const last = acknowledgedPurposes.at(-1) ?? -1;
    assert.ok(
      Number((purpose ?? '').replace('purpose-', '')) >= last,
      `purpose ${purpose} at least purpose-${last}`,
    );
    // The agents stayed attached (or came back) and the server still serves them.
    await web.waitOnline(server, 60_000);
    const after = (
      await server.gql.request(RunCommandDocument, { clientId: web.uuid, cmd: 'echo after' })
    ).runCommand;
    assert.equal(after.stdout.trim(), 'after');
  });
});
