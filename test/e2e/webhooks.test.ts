// Webhooks end to end: a real server, a real agent and a real HTTP receiver on loopback that
// verifies every delivery with the official `standardwebhooks` library. Each delivered event
// arrives with the guide's payload; a client's URL and secret override the global ones and ""
// clears them; tampering fails verification; Retry-After is honoured; dead letters replay;
// bad input changes nothing.
//
// Every delivered event has a case in `eventCases` (a trigger and the data expected): commands,
// file access, and a stopped then resumed agent (client.unhealthy, client.recovered) with quick
// heartbeats. client.connected, client.disconnected and client.key_mismatch have tests
// of their own (they need the agent to come and go).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument, EventsDocument, RunCommandDocument } from '../support/operations.js';
import { ReadFileDocument } from '../support/file-operations.js';
import { waitFor } from '../support/wait.js';
import {
  startReceiver,
  verifierFor,
  type ReceivedDelivery,
  type Receiver,
} from '../support/webhook-receiver.js';
import {
  ClientWebhookDocument,
  ConfigureWebhookDocument,
  ReplayFailedWebhookDeliveriesDocument,
  ReplayWebhookDeliveryDocument,
  SendTestWebhookDocument,
  WebhookDeliveriesDocument,
  WebhookDeliveryDocument,
  WebhookDeliveryFailedSubscription,
} from '../support/webhook-operations.js';

after(killAll);

const GLOBAL_SECRET = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
const CLIENT_SECRET = 'a-plain-client-secret-0123456789';

describe('webhooks', () => {
  let server: TestServer;
  let agent: TestAgent;
  let receiver: Receiver;

  /** The first verified delivery at `path` matching `match`, waiting for it. */
  async function arrival(
    path: string,
    match: (d: ReceivedDelivery) => boolean,
    what: string,
  ): Promise<ReceivedDelivery> {
    return waitFor(() => receiver.all.find((d) => d.path === path && d.verified && match(d)), {
      timeoutMs: 30_000,
      what,
    });
  }

  async function run(cmd: string): Promise<void> {
    await server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd });
  }

  before(async () => {
    receiver = await startReceiver({ '': GLOBAL_SECRET, '/client': CLIENT_SECRET });
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_WEBHOOK_URL: receiver.url('/global'),
        ETPHONEHOME_WEBHOOK_SECRET: GLOBAL_SECRET,
        // The receiver is on loopback: allow exactly that address, nothing else private.
        ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '50',
        ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS: '4',
        ETPHONEHOME_RATE_LIMIT_MODE: 'off',
        // Quick heartbeats, so that client.unhealthy and client.recovered can be caused here.
        ETPHONEHOME_HEARTBEAT_INTERVAL_S: '1',
        ETPHONEHOME_HEARTBEAT_FAILURES: '2',
        ETPHONEHOME_HEALTH_GRACE_S: '0',
        ETPHONEHOME_HEARTBEAT_TIMEOUT_S: '1',
      },
    });
    agent = await createAgent(server, { displayName: 'Hook Target' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
    await receiver.close();
  });

  test('client.connected and command_executed arrive signed, with the guide’s payload', async () => {
    const connected = await arrival(
      '/global',
      (d) => d.payload?.event === 'client.connected',
      'client.connected',
    );
    const { client } = await server.gql.request(ClientDocument, { id: agent.uuid });
    assert.ok(client);
    assert.deepEqual(connected.payload?.client, {
      uuid: agent.uuid,
      display_name: 'Hook Target',
      hostname: client.hostname,
    });
    assert.match(connected.payload?.timestamp ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // "Linux 6.8.0": the platform and its release, as the guide shows.
    assert.ok(String(connected.payload?.data['platform']).startsWith(`${client.platform} `));
    assert.equal(typeof connected.payload?.data['tunnel_port'], 'number');
    assert.ok(connected.plainVerified, 'X-ETPhoneHome-Signature matches too');
    assert.match(connected.id, /^msg_/);
    assert.equal(connected.headers['content-type'], 'application/json');

    await run('echo webhook-check; exit 3');
    const executed = await arrival(
      '/global',
      (d) => d.payload?.event === 'command_executed',
      'command_executed',
    );
    const data = executed.payload?.data ?? {};
    assert.equal(data['command'], 'echo webhook-check; exit 3');
    assert.equal(data['exit_code'], 3);
    assert.equal(data['cwd'], null);
    assert.equal(typeof data['duration_ms'], 'number');
    assert.equal(data['timed_out'], false);

    // Obvious secrets are redacted before anything is recorded or sent.
    await run('curl -H "Authorization: Bearer abcdef0123456789secret" http://127.0.0.1:1/ || true');
    const redacted = await arrival(
      '/global',
      (d) =>
        d.payload?.event === 'command_executed' &&
        String(d.payload.data['command']).includes('curl'),
      'redacted command',
    );
    assert.ok(!redacted.body.includes('abcdef0123456789secret'), redacted.body);

    const listed = await server.gql.request(WebhookDeliveriesDocument, {
      filter: { status: 'DELIVERED', clientId: agent.uuid, event: 'command_executed' },
    });
    const row = listed.webhookDeliveries.find((d) => d.id === executed.id);
    assert.ok(row, 'the delivery is listed');
    assert.equal(row.attempts, 1);
    assert.equal(row.lastStatusCode, 200);
    assert.equal(row.payload, executed.body, 'payload is the exact body sent');
    assert.ok(row.eventId && row.deliveredAt && row.client?.uuid === agent.uuid);
    assert.equal(row.nextAttemptAt, null);
  });

  /** A delivered event: how to cause it, and what its `data` must hold. */
  interface EventCase {
    event: string;
    trigger(): Promise<void>;
    /** Picks this case's delivery among several of the same event. */
    matches(data: Record<string, unknown>): boolean;
    check(data: Record<string, unknown>): void;
  }
  const eventCases: EventCase[] = [
    {
      event: 'command_executed',
      trigger: () => run('cd /tmp && sleep 0.05; exit 0'),
      matches: (data) => String(data['command']).includes('sleep 0.05'),
      check(data) {
        // Issue 15: every payload names its principal (the API key) in data.
        assert.deepEqual(Object.keys(data).sort(), [
          'command',
          'cwd',
          'duration_ms',
          'exit_code',
          'principal',
          'timed_out',
        ]);
        assert.equal(data['exit_code'], 0);
        assert.ok(Number(data['duration_ms']) >= 50);
      },
    },
    {
      event: 'file_accessed',
      async trigger() {
        await run('printf webhook-file > /tmp/etph-webhook-file.txt');
        await server.gql.request(ReadFileDocument, {
          clientId: agent.uuid,
          path: '/tmp/etph-webhook-file.txt',
        });
      },
      matches: (data) => data['path'] === '/tmp/etph-webhook-file.txt',
      check(data) {
        assert.equal(data['operation'], 'read_file');
        assert.equal(data['size'], 'webhook-file'.length);
      },
    },
    {
      event: 'client.unhealthy',
      async trigger() {
        process.kill(agent.process?.child.pid ?? 0, 'SIGSTOP');
      },
      matches: () => true,
      check(data) {
        assert.equal(data['check'], 'heartbeat');
        assert.equal(data['consecutive_failures'], 2);
        assert.match(String(data['reason']), /2 heartbeats in a row failed/);
      },
    },
    {
      event: 'client.recovered',
      async trigger() {
        process.kill(agent.process?.child.pid ?? 0, 'SIGCONT');
      },
      matches: () => true,
      check(data) {
        assert.match(String(data['previous_reason']), /heartbeats in a row failed/);
        assert.equal(typeof data['unhealthy_for_s'], 'number');
      },
    },
  ];

  test('every event case arrives, verified, with its data', async () => {
    try {
      for (const c of eventCases) {
        await c.trigger();
        const got = await arrival(
          '/global',
          (d) => d.payload?.event === c.event && c.matches(d.payload.data),
          c.event,
        );
        assert.equal(got.payload?.client.uuid, agent.uuid);
        c.check(got.payload?.data ?? {});
      }
    } finally {
      // Never leave the agent stopped for the tests that follow, whatever failed.
      if (agent.process?.child.pid) process.kill(agent.process.child.pid, 'SIGCONT');
    }
  });

  test('a client’s URL and secret override the global ones; "" clears them back', async () => {
    const set = await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: receiver.url('/client'), webhookSecret: CLIENT_SECRET },
    });
    assert.equal(set.configureClient.webhookUrl, receiver.url('/client'));
    assert.equal(set.configureClient.hasWebhookSecret, true);
    await run('echo to-client');
    const own = await arrival(
      '/client',
      (d) => d.payload?.data['command'] === 'echo to-client',
      'delivery to the client URL',
    );
    assert.ok(own.plainVerified);
    assert.throws(() => verifierFor(GLOBAL_SECRET).verify(own.body, own.headers as never));
    assert.equal(
      receiver.all.some((d) => d.path === '/global' && d.body.includes('echo to-client')),
      false,
      'nothing of it went to the global URL',
    );

    // The secret is write-only: the audit trail says it was set, never what it is.
    const events = await server.gql.request(EventsDocument, {
      filter: { events: ['client.updated'], clientId: agent.uuid },
    });
    assert.equal((events.events[0]?.data as Record<string, unknown>)['webhook_secret'], 'set');
    assert.ok(!JSON.stringify(events).includes(CLIENT_SECRET));

    const cleared = await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: '', webhookSecret: '' },
    });
    assert.equal(cleared.configureClient.webhookUrl, null);
    assert.equal(cleared.configureClient.hasWebhookSecret, false);
    await run('echo back-to-global');
    await arrival(
      '/global',
      (d) => d.payload?.data['command'] === 'echo back-to-global',
      'delivery back at the global URL, signed with the global secret',
    );

    // A client secret with the global URL does not apply: the global receiver knows only its own.
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookSecret: CLIENT_SECRET },
    });
    await run('echo secret-without-url');
    await arrival(
      '/global',
      (d) => d.payload?.data['command'] === 'echo secret-without-url',
      'global delivery verified with the global secret',
    );
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookSecret: '' },
    });
  });

  test('a tampered body, id or timestamp fails verification', async () => {
    const original = await arrival('/global', () => true, 'any delivery');
    const verifier = verifierFor(GLOBAL_SECRET);
    assert.ok(verifier.verify(original.body, original.headers as never));
    const tampered = original.body.replace('"event":"', '"event":"x');
    assert.throws(() => verifier.verify(tampered, original.headers as never), /signature/i);
    assert.throws(() =>
      verifier.verify(original.body, { ...original.headers, 'webhook-id': 'msg_other' } as never),
    );
    assert.throws(() =>
      verifierFor('whsec_' + Buffer.alloc(32, 8).toString('base64')).verify(
        original.body,
        original.headers as never,
      ),
    );
  });

  test('Retry-After is honoured, and the webhook-id is the same on the retry', async () => {
    let first = true;
    receiver.answer = (d) => {
      if (d.path === '/retry' && first) {
        first = false;
        return { status: 503, headers: { 'retry-after': '2' } };
      }
      return { status: 200 };
    };
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: receiver.url('/retry') },
    });
    await run('echo retry-after');
    const attempts = await waitFor(
      () => {
        const seen = receiver.all.filter(
          (d) => d.path === '/retry' && d.body.includes('echo retry-after'),
        );
        return seen.length >= 2 ? seen : null;
      },
      { timeoutMs: 30_000, what: 'the retry' },
    );
    assert.equal(attempts[0]!.id, attempts[1]!.id);
    const waitedMs = attempts[1]!.at - attempts[0]!.at;
    // A lower bound only: without Retry-After the retry would come after ~50 ms.
    assert.ok(waitedMs >= 1900, `retried after ${waitedMs} ms`);
    const row = (await server.gql.request(WebhookDeliveryDocument, { id: attempts[0]!.id }))
      .webhookDelivery;
    await waitFor(
      async () =>
        (await server.gql.request(WebhookDeliveryDocument, { id: row.id })).webhookDelivery
          .status === 'DELIVERED',
      { what: 'delivered after the retry' },
    );
    receiver.answer = () => ({ status: 200 });
  });

  test('redirects are not followed: a 3xx is a failed attempt that says where it pointed', async () => {
    receiver.answer = (d) =>
      d.path === '/moved'
        ? { status: 302, headers: { location: receiver.url('/global') } }
        : { status: 200 };
    const sent = await server.gql.request(SendTestWebhookDocument, { url: receiver.url('/moved') });
    assert.equal(sent.sendTestWebhook.status, 'FAILED');
    assert.equal(sent.sendTestWebhook.lastStatusCode, 302);
    assert.match(sent.sendTestWebhook.lastError ?? '', /redirect .* not followed/);
    assert.equal(
      receiver.all.filter((d) => d.id === sent.sendTestWebhook.id && d.path === '/global').length,
      0,
    );
    receiver.answer = () => ({ status: 200 });
  });

  test('deliveries that keep failing are dead letters, reported live, and replay with the same id', async () => {
    const failures = await server.subscribe(WebhookDeliveryFailedSubscription, {
      filter: { clientId: agent.uuid, deadLetteredOnly: true },
    });
    let dead = true;
    receiver.answer = (d) => (d.path === '/dead' && dead ? { status: 500 } : { status: 200 });
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: receiver.url('/dead') },
    });
    await run('echo dead-1');
    await run('echo dead-2');
    const failed = await waitFor(
      async () => {
        const list = (
          await server.gql.request(WebhookDeliveriesDocument, {
            filter: { status: 'FAILED', clientId: agent.uuid, event: 'command_executed' },
          })
        ).webhookDeliveries;
        return list.length >= 2 ? list : null;
      },
      { timeoutMs: 30_000, what: 'two dead letters' },
    );
    for (const row of failed) {
      assert.equal(row.attempts, 4);
      assert.equal(row.lastStatusCode, 500);
      assert.match(row.lastError ?? '', /^HTTP 500: not now/);
      assert.equal(row.nextAttemptAt, null);
    }
    const live = await failures.next((d) => d.webhookDeliveryFailed.deadLettered);
    assert.ok(failed.some((row) => row.id === live.webhookDeliveryFailed.delivery.id));
    assert.equal(live.webhookDeliveryFailed.delivery.status, 'FAILED');
    failures.close();

    dead = false;
    const [one, two] = failed;
    const replayed = await server.gql.request(ReplayWebhookDeliveryDocument, { id: one!.id });
    assert.equal(replayed.replayWebhookDelivery.status, 'PENDING');
    assert.equal(replayed.replayWebhookDelivery.attempts, 0);
    assert.ok(replayed.replayWebhookDelivery.replayedAt);
    await waitFor(
      () =>
        receiver.all.find((d) => d.id === one!.id && d.verified && d.path === '/dead') &&
        receiver.all.filter((d) => d.id === one!.id).length === 5,
      { what: 'the replayed delivery, same webhook-id' },
    );
    // The one replayed; the other still FAILED until "replay all failed" picks it up.
    const bulk = await server.gql.request(ReplayFailedWebhookDeliveriesDocument, {
      filter: { clientId: agent.uuid, event: 'command_executed' },
    });
    assert.equal(bulk.replayFailedWebhookDeliveries.count, 1);
    await waitFor(
      async () =>
        (await server.gql.request(WebhookDeliveryDocument, { id: two!.id })).webhookDelivery
          .status === 'DELIVERED',
      { what: 'the bulk-replayed delivery' },
    );
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: '' },
    });
  });

  test('sendTestWebhook sends one signed attempt and reports it', async () => {
    const viaClient = await server.gql.request(SendTestWebhookDocument, { clientId: agent.uuid });
    assert.equal(viaClient.sendTestWebhook.status, 'DELIVERED');
    assert.equal(viaClient.sendTestWebhook.event, 'webhook.test');
    assert.equal(viaClient.sendTestWebhook.url, receiver.url('/global'));
    const got = await arrival('/global', (d) => d.id === viaClient.sendTestWebhook.id, 'test');
    assert.equal(got.payload?.client.uuid, agent.uuid);

    const direct = await server.gql.request(SendTestWebhookDocument, { url: receiver.url('/t') });
    assert.equal(direct.sendTestWebhook.status, 'DELIVERED');

    // 2xx decides, even when the body never ends (the server cuts it off at the timeout).
    const endless = createServer((_req, res) => {
      res.writeHead(200);
      const tick = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(tick));
    });
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    const streamed = await server.gql.request(SendTestWebhookDocument, {
      url: `http://127.0.0.1:${(endless.address() as AddressInfo).port}/stream`,
    });
    assert.equal(streamed.sendTestWebhook.status, 'DELIVERED');
    endless.closeAllConnections();
    endless.close();

    const down = await startReceiver(GLOBAL_SECRET);
    const downUrl = down.url('/nobody');
    await down.close();
    const failed = await server.gql.request(SendTestWebhookDocument, { url: downUrl });
    assert.equal(failed.sendTestWebhook.status, 'FAILED');
    assert.match(failed.sendTestWebhook.lastError ?? '', /ECONNREFUSED/);
    assert.equal(failed.sendTestWebhook.attempts, 1);
  });

  test('bad input to every webhook operation is a clear error and changes nothing', async () => {
    const gql = server.gql;
    await expectError(
      gql.request(WebhookDeliveriesDocument, { limit: 0 }),
      'BAD_USER_INPUT',
      /limit/,
    );
    await expectError(
      gql.request(WebhookDeliveriesDocument, { limit: 5000 }),
      'BAD_USER_INPUT',
      /1 to 1000/,
    );
    await expectError(
      gql.request(WebhookDeliveriesDocument, { filter: { event: 'client.updated' } }),
      'BAD_USER_INPUT',
      /Unknown webhook event "client.updated"/,
    );
    await expectError(
      gql.request(WebhookDeliveriesDocument, { filter: { clientId: 'no-such-client' } }),
      'NOT_FOUND',
    );
    await expectError(
      gql.request(WebhookDeliveryDocument, { id: 'msg_nope' }),
      'NOT_FOUND',
      /msg_nope/,
    );
    await expectError(
      gql.request(WebhookDeliveryDocument, { id: 'x'.repeat(100) }),
      'BAD_USER_INPUT',
    );
    await expectError(gql.request(ReplayWebhookDeliveryDocument, { id: 'msg_nope' }), 'NOT_FOUND');
    const delivered = (
      await gql.request(WebhookDeliveriesDocument, { filter: { status: 'DELIVERED' }, limit: 1 })
    ).webhookDeliveries[0]!;
    await expectError(
      gql.request(ReplayWebhookDeliveryDocument, { id: delivered.id }),
      'BAD_USER_INPUT',
      /is DELIVERED, not FAILED/,
    );
    assert.equal(
      (await gql.request(WebhookDeliveryDocument, { id: delivered.id })).webhookDelivery.status,
      'DELIVERED',
    );
    await expectError(
      gql.request(ReplayFailedWebhookDeliveriesDocument, { filter: { event: 'nope' } }),
      'BAD_USER_INPUT',
    );
    await expectError(
      gql.request(ReplayFailedWebhookDeliveriesDocument, { filter: { clientId: 'nobody' } }),
      'NOT_FOUND',
    );
    await expectError(
      gql.request(SendTestWebhookDocument, { url: 'ftp://example.com/' }),
      'BAD_USER_INPUT',
      /http or https/,
    );
    await expectError(
      gql.request(SendTestWebhookDocument, { url: 'not a url' }),
      'BAD_USER_INPUT',
      /not a URL/,
    );
    await expectError(
      gql.request(SendTestWebhookDocument, { url: 'http://169.254.169.254/latest/meta-data/' }),
      'BAD_USER_INPUT',
      /169\.254\.169\.254, which is link-local/,
    );
    await expectError(gql.request(SendTestWebhookDocument, { clientId: 'nobody' }), 'NOT_FOUND');

    const beforeChange = (await gql.request(ClientDocument, { id: agent.uuid })).client;
    await expectError(
      gql.request(ConfigureWebhookDocument, { id: agent.uuid, input: { webhookSecret: 'short' } }),
      'BAD_USER_INPUT',
      /webhookSecret is shorter than 16 bytes/,
    );
    await expectError(
      gql.request(ConfigureWebhookDocument, {
        id: agent.uuid,
        input: { webhookUrl: 'http://10.1.2.3/hook', webhookSecret: CLIENT_SECRET },
      }),
      'BAD_USER_INPUT',
      /10\.1\.2\.3, which is private/,
    );
    const afterChange = (await gql.request(ClientWebhookDocument, { id: agent.uuid })).client;
    assert.equal(afterChange?.webhookUrl, beforeChange?.webhookUrl ?? null);
    assert.equal(afterChange?.hasWebhookSecret, false, 'nothing changed');

    const sub = await server.subscribe(WebhookDeliveryFailedSubscription, {
      filter: { clientId: 'nobody' },
    });
    await assert.rejects(sub.next(), /NOT_FOUND|No client|subscription/);
    sub.close();
    assert.ok((await gql.request(ClientDocument, { id: agent.uuid })).client, 'server still up');
  });

  test('client.key_mismatch and client.disconnected arrive with their data', async () => {
    const pinned = (await server.gql.request(ClientDocument, { id: agent.uuid })).client
      ?.publicKeyFingerprint;
    await agent.stop();
    const disconnected = await arrival(
      '/global',
      (d) => d.payload?.event === 'client.disconnected',
      'client.disconnected',
    );
    assert.equal(typeof disconnected.payload?.data['reason'], 'string');
    assert.equal(typeof disconnected.payload?.data['connected_for_s'], 'number');

    const { stdout } = await agent.exec(['--generate-key']);
    const fresh = /New key: (SHA256:\S+)/.exec(stdout)?.[1];
    await agent.start();
    const mismatch = await arrival(
      '/global',
      (d) => d.payload?.event === 'client.key_mismatch',
      'client.key_mismatch',
    );
    assert.equal(mismatch.payload?.data['previous_fingerprint'], pinned);
    assert.equal(mismatch.payload?.data['new_fingerprint'], fresh);
    assert.equal(mismatch.payload?.client.uuid, agent.uuid);
  });
});
