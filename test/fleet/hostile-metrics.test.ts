// Issue 17, item 6: a hostile agent pads its heartbeat's metrics summary (4 KB grew the database
// and webhook bodies to 46 MB in 40 s). Only the validated fields may reach the client.unhealthy
// event, its webhook delivery and the API; a summary whose figures are out of range is a failed
// heartbeat, not a sample. Real fleet and store, real hub, a raw SSH client as the agent.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Duplex } from 'node:stream';
import { readWebhookSettings } from '../../src/fleet/webhooks/settings.js';
import { connectHostile, helloReply, type HostileAgent } from '../support/hostile-agent.js';
import {
  startInProcessFleet,
  fastHealth,
  type InProcessFleet,
} from '../support/in-process-fleet.js';
import type { TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

let f: InProcessFleet;
const hostile: HostileAgent[] = [];

const SUMMARY_FIELDS = [
  'cpuPercent',
  'diskPercent',
  'hostname',
  'load1',
  'memoryPercent',
  'platform',
  'uptimeS',
];

function reply(channel: Duplex, id: number, result: unknown): void {
  channel.end(JSON.stringify({ jsonrpc: '2.0', id, result }) + '\n');
}

/** An agent whose heartbeat summaries carry `extra` beside figures over every threshold. */
function paddingAgent(extra: Record<string, unknown>, figures: Record<string, unknown> = {}) {
  const agent = connectHostile({ sshPort: f.port } as TestServer, {
    polite: false,
    onCall(channel, request) {
      if (request.method === 'hello') return void channel.end(helloReply(request.id, agent.uuid));
      if (request.method !== 'heartbeat') return void channel.end();
      reply(channel, request.id, {
        time: Date.now(),
        uptimeS: 1,
        junkBesideTheSummary: 'y'.repeat(100_000),
        metrics: {
          hostname: 'hostile',
          platform: 'linux',
          cpuPercent: 99,
          memoryPercent: 99,
          diskPercent: 99,
          load1: 4,
          uptimeS: 100,
          ...figures,
          ...extra,
        },
      });
    },
  });
  hostile.push(agent);
  return agent;
}

before(async () => {
  f = await startInProcessFleet({
    health: {
      ...fastHealth,
      resourceChecks: true,
      thresholds: { cpu: 50, memory: 50, disk: 50 },
    },
    webhooks: {
      settings: {
        ...readWebhookSettings({
          ETPHONEHOME_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
          ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
        }),
        retryBaseMs: 3_600_000,
      },
      globalSecret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    },
  });
});

after(async () => {
  if (process.env['DEBUG_LOG']) console.log(f.log.raw.join('\n'));
  for (const agent of hostile) agent.end();
  await f.close();
});

test('extra fields in a heartbeat summary reach neither the event, the webhook body nor the API', async () => {
  const agent = paddingAgent({
    padding: 'x'.repeat(500_000),
    nested: { deep: Array.from({ length: 1000 }, (_, i) => ({ i, s: 'z'.repeat(100) })) },
  });
  await agent.ready;
  const [event] = await waitFor(
    async () => {
      const events = await f.fleet.events.list(
        { clientId: agent.uuid, events: ['client.unhealthy'] },
        1,
      );
      return events.length > 0 ? events : null;
    },
    { timeoutMs: 30_000, what: 'client.unhealthy' },
  );
  const metrics = event!.data['metrics'] as Record<string, unknown>;
  assert.deepEqual(Object.keys(metrics).sort(), SUMMARY_FIELDS);
  assert.equal(metrics['cpuPercent'], 99);
  assert.ok(JSON.stringify(event!.data).length < 2000, 'the event stays small');

  const deliveries = await f.testStore.store.deliveries.list({
    clientUuid: agent.uuid,
    event: 'client.unhealthy',
    limit: 10,
  });
  assert.equal(deliveries.length, 1);
  assert.ok(
    deliveries[0]!.payload.length < 2000,
    `webhook body is ${deliveries[0]!.payload.length} bytes`,
  );
  assert.doesNotMatch(deliveries[0]!.payload, /padding|nested|junk/);

  const client = await f.fleet.clients.get(agent.uuid);
  assert.deepEqual(Object.keys(client.lastSample?.metrics ?? {}).sort(), SUMMARY_FIELDS);
});

test('a summary with figures out of range is a failed heartbeat, never stored', async () => {
  const agent = paddingAgent({}, { cpuPercent: 1e300, hostname: 'h'.repeat(10_000) });
  await agent.ready;
  const [event] = await waitFor(
    async () => {
      const events = await f.fleet.events.list(
        { clientId: agent.uuid, events: ['client.unhealthy'] },
        1,
      );
      return events.length > 0 ? events : null;
    },
    { timeoutMs: 30_000, what: 'client.unhealthy' },
  );
  assert.equal(event!.data['check'], 'heartbeat');
  assert.match(String(event!.data['reason']), /malformed/);
  assert.equal(event!.data['metrics'], undefined);
  assert.ok(JSON.stringify(event!.data).length < 2000, 'the event stays small');
});
