// Metrics and fleet health end to end: clientMetrics in full and summary form from a real agent,
// a live stream of samples, and fleetHealth over 20 real agents — every one sampled, the counts
// right (offline, recently offline, key mismatch), a client with low thresholds flagged.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ConfigureClientDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const MetricsDocument = graphql(`
  query MetricsOfClient($id: ID!, $summary: Boolean) {
    clientMetrics(id: $id, summary: $summary)
  }
`);

const MetricsSubscription = graphql(`
  subscription MetricsStream($id: ID!, $summary: Boolean, $intervalS: Int) {
    clientMetrics(id: $id, summary: $summary, intervalS: $intervalS) {
      timestamp
      metrics
      error {
        code
        message
      }
      client {
        uuid
        online
      }
    }
  }
`);

const FleetHealthDocument = graphql(`
  query FleetHealthOfTests($filter: ClientFilter, $timeoutS: Int) {
    fleetHealth(filter: $filter, timeoutS: $timeoutS) {
      total
      online
      offline
      keyMismatches
      unhealthy
      recentlyOffline
      recentlyOfflineHours
      sampled
      failed
      durationMs
      collectedAt
      samples {
        client {
          uuid
        }
        cpuPercent
        memoryPercent
        diskPercent
        load1
        summary
        over {
          resource
          percent
          threshold
        }
        thresholds {
          cpu
          memory
          disk
        }
        error {
          code
        }
      }
      overCpu {
        client {
          uuid
        }
      }
      overMemory {
        client {
          uuid
        }
        memoryPercent
      }
      overDisk {
        client {
          uuid
        }
        diskPercent
      }
      keyMismatchClients {
        uuid
      }
      recentlyOfflineClients {
        uuid
      }
      unhealthyClients {
        uuid
      }
    }
  }
`);

type Json = Record<string, unknown>;

function assertPercent(value: unknown, what: string): void {
  assert.equal(typeof value, 'number', what);
  assert.ok((value as number) >= 0 && (value as number) <= 100, `${what} = ${String(value)}`);
}

describe('metrics and fleet health', () => {
  let server: TestServer;
  const agents: TestAgent[] = [];

  before(async () => {
    server = await startServer({ openEnrollment: true });
    for (let i = 0; i < 20; i += 1)
      agents.push(await createAgent(server, { displayName: `node-${i}`, tags: ['fleet'] }));
    await Promise.all(agents.map((agent) => agent.start()));
    await Promise.all(agents.map((agent) => agent.waitOnline(server, 60_000)));
  });
  after(async () => {
    await Promise.all(agents.map((agent) => agent.close()));
    await server.close();
  });

  test('clientMetrics: the full form has CPU, memory, swap, every disk, network, uptime, boot time, processes', async () => {
    const agent = agents[0] as TestAgent;
    const metrics = (await server.gql.request(MetricsDocument, { id: agent.uuid }))
      .clientMetrics as Json;
    for (const key of ['hostname', 'platform', 'platformRelease', 'arch', 'bootTime'])
      assert.equal(typeof metrics[key], 'string', key);
    assert.equal(typeof metrics['uptimeS'], 'number');
    assert.ok(Number(metrics['processCount']) > 0);
    const cpu = metrics['cpu'] as Json;
    assertPercent(cpu['usagePercent'], 'cpu.usagePercent');
    assert.ok(Number(cpu['cores']) >= 1);
    assert.equal((cpu['load'] as number[]).length, 3);
    for (const part of ['memory', 'swap']) {
      const usage = metrics[part] as Json;
      for (const key of ['totalBytes', 'usedBytes', 'freeBytes'])
        assert.equal(typeof usage[key], 'number', `${part}.${key}`);
      assertPercent(usage['percent'], `${part}.percent`);
    }
    const disks = metrics['disks'] as Json[];
    assert.ok(disks.length >= 1, 'at least one real disk');
    for (const disk of disks) {
      assert.equal(typeof disk['mount'], 'string');
      assert.ok(Number(disk['totalBytes']) > 0);
      assertPercent(disk['percent'], `disk ${String(disk['mount'])}`);
    }
    const network = metrics['network'] as Json[];
    assert.ok(network.some((n) => n['interface'] === 'lo'));
  });

  test('clientMetrics summary: the compact form', async () => {
    const agent = agents[0] as TestAgent;
    const summary = (await server.gql.request(MetricsDocument, { id: agent.uuid, summary: true }))
      .clientMetrics as Json;
    assert.deepEqual(Object.keys(summary).sort(), [
      'cpuPercent',
      'diskPercent',
      'hostname',
      'load1',
      'memoryPercent',
      'platform',
      'uptimeS',
    ]);
    assertPercent(summary['memoryPercent'], 'memoryPercent');
    assertPercent(summary['diskPercent'], 'diskPercent');
  });

  test('the clientMetrics subscription streams samples at the chosen interval, and errors as samples', async () => {
    const agent = agents[1] as TestAgent;
    const subscription = await server.subscribe(MetricsSubscription, {
      id: agent.uuid,
      intervalS: 1,
    });
    const first = (await subscription.next()).clientMetrics;
    const second = (await subscription.next()).clientMetrics;
    assert.equal(first.error, null);
    assertPercent((first.metrics as Json)['cpuPercent'], 'cpuPercent');
    const gapMs = Date.parse(second.timestamp) - Date.parse(first.timestamp);
    assert.ok(gapMs >= 900, `samples ${gapMs} ms apart`);

    await agent.stop('SIGKILL');
    const missing = (await subscription.next((data) => data.clientMetrics.error !== null, 20_000))
      .clientMetrics;
    subscription.close();
    assert.equal(missing.error?.code, 'CLIENT_OFFLINE');
    assert.equal(missing.client.online, false);
    await agent.start();
    await agent.waitOnline(server);
  });

  test('fleetHealth over 20 real agents: every one sampled; low thresholds flagged; counts right', async () => {
    const [low, offline, rekeyed] = [agents[2], agents[3], agents[4]] as [
      TestAgent,
      TestAgent,
      TestAgent,
    ];
    await server.gql.request(ConfigureClientDocument, {
      id: low.uuid,
      input: { cpuThreshold: 0, memoryThreshold: 0.01, diskThreshold: 0.01 },
    });
    await offline.stop('SIGKILL');
    await rekeyed.stop();
    await rekeyed.exec(['--generate-key']);
    await rekeyed.start();
    await waitFor(
      async () =>
        (await server.gql.request(FleetHealthDocument, {})).fleetHealth.keyMismatches === 1,
      { what: 'the re-keyed client waiting for acceptKey' },
    );

    const report = (
      await server.gql.request(FleetHealthDocument, { filter: { tags: ['fleet'] }, timeoutS: 20 })
    ).fleetHealth;
    assert.equal(report.total, 20);
    assert.equal(report.online, 19);
    assert.equal(report.offline, 1);
    assert.equal(report.recentlyOffline, 1);
    assert.deepEqual(
      report.recentlyOfflineClients.map((c) => c.uuid),
      [offline.uuid],
    );
    assert.equal(report.recentlyOfflineHours, 24);
    assert.equal(report.keyMismatches, 1);
    assert.deepEqual(
      report.keyMismatchClients.map((c) => c.uuid),
      [rekeyed.uuid],
    );
    assert.equal(report.samples.length, 18, 'every online client but the quarantined one');
    assert.equal(report.sampled, 18);
    assert.equal(report.failed, 0);
    const sampledIds = new Set(report.samples.map((s) => s.client.uuid));
    for (const agent of agents) {
      if (agent === offline || agent === rekeyed) continue;
      assert.ok(sampledIds.has(agent.uuid), `${agent.uuid} sampled`);
    }
    for (const sample of report.samples) {
      assert.equal(sample.error, null);
      assertPercent(sample.memoryPercent, 'memoryPercent');
      assertPercent(sample.diskPercent, 'diskPercent');
      assert.equal((sample.summary as Json)['memoryPercent'], sample.memoryPercent);
    }
    assert.deepEqual(
      report.overMemory.map((s) => s.client.uuid),
      [low.uuid],
    );
    assert.deepEqual(
      report.overDisk.map((s) => s.client.uuid),
      [low.uuid],
    );
    const flagged = report.samples.find((s) => s.client.uuid === low.uuid);
    assert.deepEqual(flagged?.thresholds, { cpu: 0, memory: 0.01, disk: 0.01 });
    assert.ok(flagged?.over.some((b) => b.resource === 'MEMORY' && b.threshold === 0.01));
    assert.equal(report.unhealthy, 0, 'flagged, but resource checks are off: not unhealthy');
    assert.ok(report.durationMs >= 0);
  });

  test('bad arguments are refused with a clear error', async () => {
    await expectError(
      server.gql.request(FleetHealthDocument, { timeoutS: 0 }),
      'BAD_USER_INPUT',
      /timeoutS must be a whole number of seconds from 1 to 120/,
    );
    await expectError(
      server.gql.request(MetricsDocument, { id: 'no-such-client' }),
      'NOT_FOUND',
      /No client matches "no-such-client"/,
    );
    await expectError(
      server.gql.request(ConfigureClientDocument, {
        id: (agents[0] as TestAgent).uuid,
        input: { cpuThreshold: 101 },
      }),
      'BAD_USER_INPUT',
      /cpuThreshold must be a percentage from 0 to 100/,
    );
    const subscription = await server.subscribe(MetricsSubscription, {
      id: (agents[0] as TestAgent).uuid,
      intervalS: 0,
    });
    const result = await subscription.results.next();
    subscription.close();
    assert.match(JSON.stringify(result.value), /intervalS must be a whole number/);
  });
});
