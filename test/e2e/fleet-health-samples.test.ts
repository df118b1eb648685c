// fleetHealth from heartbeat samples: a client whose latest sample (every heartbeat carries one)
// is younger than maxAgeSeconds is answered from memory, the others are asked — counted by the
// agents themselves (bench/support/simulated-agents.ts counts every call by method). Mixed:
// agents whose heartbeats carry no metrics (no sample: asked), samples made stale by waiting
// (asked), and fresh ones (not asked). Bad maxAgeSeconds is refused and asks nobody.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSimulatedAgents,
  type SimulatedAgents,
} from '../../bench/support/simulated-agents.js';
import { graphql } from '../../src/generated/gql.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const SampledHealthDocument = graphql(`
  query SampledHealth($filter: ClientFilter, $maxAgeSeconds: Int) {
    fleetHealth(filter: $filter, maxAgeSeconds: $maxAgeSeconds) {
      online
      sampled
      failed
      samples {
        client {
          uuid
          clientId
        }
        cpuPercent
        sampleAgeSeconds
      }
    }
  }
`);

const OnlineIdsDocument = graphql(`
  query OnlineIdsForSamples {
    clients(filter: { onlineOnly: true }) {
      clientId
    }
  }
`);

/** Agents whose heartbeats carry metrics, and agents whose heartbeats do not. */
const WITH_METRICS = 4;
const WITHOUT_METRICS = 3;

describe('fleetHealth answers from fresh heartbeat samples and asks only the others', () => {
  let server: TestServer;
  let sampling: SimulatedAgents;
  let silent: SimulatedAgents;
  const calls = async (): Promise<number> =>
    ((await sampling.counters()).calls['get_metrics'] ?? 0) +
    ((await silent.counters()).calls['get_metrics'] ?? 0);
  const heartbeats = async (agents: SimulatedAgents): Promise<number> =>
    (await agents.counters()).calls['heartbeat'] ?? 0;

  before(async () => {
    // One heartbeat at attach, then none for an hour: samples age only as the test waits.
    server = await startServer({
      openEnrollment: true,
      env: { ETPHONEHOME_HEARTBEAT_INTERVAL_S: '3600' },
    });
    const options = { host: '127.0.0.1', sshPort: server.sshPort, metricsDelayMs: 0 };
    sampling = await startSimulatedAgents({ ...options, count: WITH_METRICS });
    silent = await startSimulatedAgents({
      ...options,
      count: WITHOUT_METRICS,
      firstIndex: 100,
      heartbeatMetrics: false,
    });
    assert.equal(sampling.report.connected + silent.report.connected, 7);
    await waitFor(
      async () =>
        (await server.gql.request(OnlineIdsDocument, {})).clients.length === 7 &&
        (await heartbeats(sampling)) === WITH_METRICS &&
        (await heartbeats(silent)) === WITHOUT_METRICS,
      { what: 'every agent online and heartbeaten once' },
    );
  });

  after(async () => {
    await sampling?.stop();
    await silent?.stop();
    await server?.close();
  });

  test('fresh samples are used, missing and stale ones asked, and the asked ones kept', async () => {
    // Default age (twice the interval): the heartbeat samples are fresh; no sample: asked.
    let before = await calls();
    let health = (await server.gql.request(SampledHealthDocument, {})).fleetHealth;
    assert.equal(health.online, 7);
    assert.equal(health.sampled, 7);
    assert.equal((await calls()) - before, WITHOUT_METRICS);
    for (const sample of health.samples) {
      assert.notEqual(sample.cpuPercent, null);
      assert.ok(sample.sampleAgeSeconds !== null && sample.sampleAgeSeconds >= 0);
    }

    // What was asked is now the client's latest sample: asked again by nobody.
    before = await calls();
    health = (await server.gql.request(SampledHealthDocument, {})).fleetHealth;
    assert.equal(health.sampled, 7);
    assert.equal((await calls()) - before, 0);

    // 0 asks every client.
    before = await calls();
    health = (await server.gql.request(SampledHealthDocument, { maxAgeSeconds: 0 })).fleetHealth;
    assert.equal(health.sampled, 7);
    assert.equal((await calls()) - before, 7);

    // Let every sample age past 3 s, refresh two of them, then accept samples up to 3 s old:
    // the two fresh ones are used, the five stale ones asked.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const refreshed = ['sim-00000', 'sim-00101'];
    before = await calls();
    for (const clientId of refreshed) {
      const one = await server.gql.request(SampledHealthDocument, {
        filter: { query: clientId },
        maxAgeSeconds: 0,
      });
      assert.deepEqual(
        one.fleetHealth.samples.map((s) => s.client.clientId),
        [clientId],
      );
    }
    assert.equal((await calls()) - before, 2);
    before = await calls();
    health = (await server.gql.request(SampledHealthDocument, { maxAgeSeconds: 3 })).fleetHealth;
    assert.equal(health.sampled, 7);
    assert.equal((await calls()) - before, 5);
    const ageOf = (clientId: string) =>
      health.samples.find((s) => s.client.clientId === clientId)?.sampleAgeSeconds;
    for (const clientId of refreshed) assert.ok((ageOf(clientId) ?? Infinity) < 3);
  });

  test('bad maxAgeSeconds is refused and asks nobody', async () => {
    const before = await calls();
    for (const maxAgeSeconds of [-1, 86_401]) {
      await expectError(
        server.gql.request(SampledHealthDocument, { maxAgeSeconds }),
        'BAD_USER_INPUT',
        /maxAgeSeconds must be a whole number of seconds from 0/,
      );
    }
    assert.equal((await calls()) - before, 0);
  });
});
