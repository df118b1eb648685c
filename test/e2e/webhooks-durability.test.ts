// Webhooks that never lose an event: the receiver is down while 500 events happen, then comes
// back — every event arrives (deduplicated by webhook-id); the server is SIGKILLed with
// deliveries pending and in flight, then restarted — every event arrives. The receiver verifies
// each delivery with `standardwebhooks`.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { RunCommandDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import {
  ConfigureWebhookDocument,
  WebhookDeliveriesDocument,
} from '../support/webhook-operations.js';
import net, { type AddressInfo } from 'node:net';
import { mapWithConcurrency } from '../../src/lib/map-with-concurrency.js';

after(killAll);

const SECRET = 'whsec_' + Buffer.alloc(32, 9).toString('base64');

describe('webhook durability', () => {
  let server: TestServer;
  let agent: TestAgent;
  let receiver: Receiver;
  let stuckAgent: TestAgent;
  // A listener that accepts connections and never answers: a hung receiver.
  const blackhole = net.createServer(() => undefined);

  before(async () => {
    receiver = await startReceiver(SECRET);
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_WEBHOOK_URL: receiver.url('/hook'),
        ETPHONEHOME_WEBHOOK_SECRET: SECRET,
        ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
        ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '50',
        // Long enough that a stuck attempt is still stuck when the other endpoint is done.
        ETPHONEHOME_WEBHOOK_TIMEOUT_MS: '60000',
        ETPHONEHOME_RATE_LIMIT_MODE: 'off',
      },
    });
    agent = await createAgent(server);
    await agent.start();
    await agent.waitOnline(server);
    stuckAgent = await createAgent(server);
    await stuckAgent.start();
    await stuckAgent.waitOnline(server);
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await agent.close();
    await stuckAgent.close();
    blackhole.close();
    await server.close();
    await receiver.close();
  });

  async function runMany(tag: string, count: number): Promise<void> {
    const items = Array.from({ length: count }, (_, i) => i);
    await mapWithConcurrency(items, 8, async (i) => {
      await server.gql.request(RunCommandDocument, {
        clientId: agent.uuid,
        cmd: `echo ${tag}-${i}`,
      });
    });
  }

  /** The commands of `tag` the receiver has, verified and deduplicated by webhook-id. */
  function receivedCommands(tag: string): Set<string> {
    const commands = new Set<string>();
    for (const d of receiver.unique().values()) {
      const command = d.payload?.data['command'];
      if (
        d.payload?.event === 'command_executed' &&
        typeof command === 'string' &&
        command.startsWith(`echo ${tag}-`)
      )
        commands.add(command);
    }
    return commands;
  }

  async function deliveriesOf(tag: string) {
    const list = (
      await server.gql.request(WebhookDeliveriesDocument, {
        filter: { event: 'command_executed', clientId: agent.uuid },
        limit: 1000,
      })
    ).webhookDeliveries;
    return list.filter((d) => d.payload.includes(`"echo ${tag}-`));
  }

  test('a hung endpoint does not delay the others', async () => {
    const port = (blackhole.address() as AddressInfo).port;
    await server.gql.request(ConfigureWebhookDocument, {
      id: stuckAgent.uuid,
      input: { webhookUrl: `http://127.0.0.1:${port}/hung` },
    });
    const items = Array.from({ length: 30 }, (_, i) => i);
    await mapWithConcurrency(items, 4, async (i) => {
      await server.gql.request(RunCommandDocument, {
        clientId: stuckAgent.uuid,
        cmd: `echo hung-${i}`,
      });
    });
    await runMany('healthy', 30);
    await waitFor(() => receivedCommands('healthy').size === 30, {
      what: 'the healthy endpoint’s 30 events',
    });
    // Every delivery to the hung endpoint is still on its first attempt (or queued behind it):
    // the healthy ones did not wait for them.
    const hung = (
      await server.gql.request(WebhookDeliveriesDocument, {
        filter: { clientId: stuckAgent.uuid, event: 'command_executed' },
      })
    ).webhookDeliveries;
    assert.equal(hung.length, 30);
    assert.ok(hung.every((d) => d.status === 'PENDING' && d.attempts === 0));

    // A graceful stop cuts the hung attempts short instead of waiting out their 60 s timeout,
    // and does not count them: after the restart they are still on their first attempt.
    await server.stop();
    await server.restart();
    const afterRestart = (
      await server.gql.request(WebhookDeliveriesDocument, {
        filter: { clientId: stuckAgent.uuid, event: 'command_executed' },
      })
    ).webhookDeliveries;
    assert.ok(afterRestart.every((d) => d.status === 'PENDING' && d.attempts === 0));
    await agent.waitOnline(server);
    await stuckAgent.waitOnline(server);
    await server.gql.request(ConfigureWebhookDocument, {
      id: stuckAgent.uuid,
      input: { webhookUrl: '' },
    });
  });

  test('receiver down while 500 events happen, then back: all 500 delivered, none lost', async () => {
    await receiver.down();
    await runMany('outage', 500);
    const during = await deliveriesOf('outage');
    assert.equal(during.length, 500, 'one outbox row per event, written with the event');
    assert.equal(during.filter((d) => d.status === 'DELIVERED').length, 0);
    await waitFor(async () => (await deliveriesOf('outage')).some((d) => d.attempts > 0), {
      what: 'failed attempts during the outage',
    });
    assert.equal(receivedCommands('outage').size, 0);

    await receiver.up();
    await waitFor(() => receivedCommands('outage').size === 500, {
      timeoutMs: 180_000,
      what: 'all 500 events at the receiver',
    });
    const expected = new Set(Array.from({ length: 500 }, (_, i) => `echo outage-${i}`));
    assert.deepEqual(receivedCommands('outage'), expected);
    await waitFor(
      async () => (await deliveriesOf('outage')).every((d) => d.status === 'DELIVERED'),
      { what: 'every delivery DELIVERED' },
    );
    const ids = new Set((await deliveriesOf('outage')).map((d) => d.id));
    for (const d of receiver.all)
      if (d.body.includes('"echo outage-'))
        assert.ok(ids.has(d.id), 'retries reuse the webhook-id');
  });

  test('server SIGKILLed with deliveries pending and in flight, restarted: none lost', async () => {
    // A slow receiver: deliveries are in flight (claimed) and queued when the server dies.
    receiver.answer = () => ({ status: 200, delayMs: 1500 });
    await runMany('crash', 200);
    await waitFor(() => receiver.all.some((d) => d.body.includes('"echo crash-')), {
      what: 'first attempts in flight',
    });
    await server.stop('SIGKILL');
    const beforeRestart = receivedCommands('crash').size;
    assert.ok(beforeRestart < 200, `${beforeRestart} of 200 arrived before the crash`);

    receiver.answer = () => ({ status: 200 });
    await server.restart();
    await waitFor(() => receivedCommands('crash').size === 200, {
      timeoutMs: 120_000,
      what: 'all 200 events after the restart',
    });
    await waitFor(
      async () => {
        const rows = await deliveriesOf('crash');
        return rows.length === 200 && rows.every((d) => d.status === 'DELIVERED');
      },
      { what: 'every delivery DELIVERED after the restart' },
    );
  });
});
