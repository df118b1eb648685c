// Health end to end with real agents: an agent that stops answering (SIGSTOP) turns UNHEALTHY
// after the configured failures and client.unhealthy arrives on a subscription; SIGCONT brings
// client.recovered; failures inside the grace period do not count; a resource threshold crossed
// makes a client unhealthy with that reason; SSH keepalives cut a silently dead network path.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { graphql } from '../../src/generated/gql.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ConfigureClientDocument, EventsDocument } from '../support/operations.js';
import { sleep, waitFor } from '../support/wait.js';

after(killAll);

const HealthDocument = graphql(`
  query HealthOfClient($id: ID!) {
    client(id: $id) {
      online
      health
      healthReason
      healthSince
      lastHeartbeatAt
      heartbeatFailures
      resourceChecks
      cpuThreshold
      memoryThreshold
      diskThreshold
      lastResourceSample
      recentEvents(limit: 20) {
        event
        data
      }
    }
  }
`);

const HealthEventsSubscription = graphql(`
  subscription HealthEvents($filter: EventFilter, $after: ID) {
    clientEvents(filter: $filter, after: $after) {
      event
      timestamp
      data
      client {
        uuid
        online
        health
        healthReason
      }
    }
  }
`);

const fastHeartbeats = {
  ETPHONEHOME_HEARTBEAT_INTERVAL_S: '1',
  ETPHONEHOME_HEARTBEAT_FAILURES: '3',
  ETPHONEHOME_HEALTH_GRACE_S: '0',
  ETPHONEHOME_HEARTBEAT_TIMEOUT_S: '1',
};

/**
 * The newest event's id: subscriptions resume after it, so an event caused while the server is
 * still setting the subscription up (it has no acknowledgement) is replayed, not missed.
 */
async function cursor(server: TestServer): Promise<string> {
  const { events } = await server.gql.request(EventsDocument, { limit: 1 });
  return events[0]?.id ?? '0';
}

async function health(server: TestServer, id: string) {
  const { client } = await server.gql.request(HealthDocument, { id });
  assert.ok(client);
  return client;
}

function signal(agent: TestAgent, name: NodeJS.Signals): void {
  const pid = agent.process?.child.pid;
  assert.ok(pid, 'the agent runs');
  process.kill(pid, name);
}

describe('health: heartbeats', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true, env: fastHeartbeats });
    agent = await createAgent(server, { displayName: 'beating' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
  });

  test('a connected client answers heartbeats and is HEALTHY', async () => {
    await waitFor(async () => (await health(server, agent.uuid)).lastHeartbeatAt !== null, {
      what: 'a heartbeat answered',
    });
    const client = await health(server, agent.uuid);
    assert.equal(client.health, 'HEALTHY');
    assert.equal(client.healthReason, null);
    assert.equal(client.heartbeatFailures, 0);
    assert.equal(client.resourceChecks, false);
    assert.deepEqual(
      [client.cpuThreshold, client.memoryThreshold, client.diskThreshold],
      [80, 85, 85],
      'the guide’s thresholds are the defaults',
    );
  });

  test('SIGSTOP: UNHEALTHY after 3 failed heartbeats, with client.unhealthy on a subscription; SIGCONT: client.recovered', async () => {
    const subscription = await server.subscribe(HealthEventsSubscription, {
      after: await cursor(server),
      filter: { events: ['client.unhealthy', 'client.recovered'], clientId: agent.uuid },
    });
    signal(agent, 'SIGSTOP');
    let resumed = false;
    try {
      const unhealthy = (await subscription.next(undefined, 30_000)).clientEvents;
      assert.equal(unhealthy.event, 'client.unhealthy');
      const data = unhealthy.data as Record<string, unknown>;
      assert.equal(data['consecutive_failures'], 3);
      assert.equal(data['check'], 'heartbeat');
      assert.match(
        String(data['reason']),
        /^3 heartbeats in a row failed \(last: no heartbeat within 2 s\)$/,
      );
      assert.equal(unhealthy.client.health, 'UNHEALTHY', 'the event carries the client as it is');

      const stopped = await health(server, agent.uuid);
      assert.equal(stopped.online, true, 'still connected: unhealthy, not offline');
      assert.equal(stopped.health, 'UNHEALTHY');
      assert.match(stopped.healthReason ?? '', /heartbeats in a row failed/);
      assert.ok(stopped.healthSince && Date.parse(stopped.healthSince) > 0);
      assert.ok(stopped.heartbeatFailures >= 3);

      signal(agent, 'SIGCONT');
      resumed = true;
      const recovered = (await subscription.next(undefined, 30_000)).clientEvents;
      assert.equal(recovered.event, 'client.recovered');
      const recoveredData = recovered.data as Record<string, unknown>;
      assert.match(String(recoveredData['previous_reason']), /heartbeats in a row failed/);
      assert.equal(typeof recoveredData['unhealthy_for_s'], 'number');
      const back = await health(server, agent.uuid);
      assert.equal(back.health, 'HEALTHY');
      assert.equal(back.healthReason, null);
      assert.equal(back.heartbeatFailures, 0);
    } finally {
      if (!resumed) signal(agent, 'SIGCONT');
      subscription.close();
    }
  });

  test('a resource threshold crossed (resourceChecks on) makes the client UNHEALTHY with that reason', async () => {
    const subscription = await server.subscribe(HealthEventsSubscription, {
      after: await cursor(server),
      filter: { events: ['client.unhealthy', 'client.recovered'], clientId: agent.uuid },
    });
    try {
      await server.gql.request(ConfigureClientDocument, {
        id: agent.uuid,
        // Only memory can breach: a loaded machine (CI) runs over the default CPU threshold
        // (80 %), and its disk may be over 85 %; either would keep the client unhealthy.
        input: { resourceChecks: true, memoryThreshold: 0, cpuThreshold: 100, diskThreshold: 100 },
      });
      const unhealthy = (await subscription.next(undefined, 30_000)).clientEvents;
      assert.equal(unhealthy.event, 'client.unhealthy');
      const data = unhealthy.data as Record<string, unknown>;
      assert.equal(data['check'], 'resources');
      assert.match(String(data['reason']), /memory [\d.]+% over the 0% threshold \(3 samples/);
      assert.equal(typeof (data['metrics'] as Record<string, unknown>)['memoryPercent'], 'number');
      const client = await health(server, agent.uuid);
      assert.equal(client.health, 'UNHEALTHY');
      assert.equal(client.resourceChecks, true);
      assert.equal(client.memoryThreshold, 0);
      const sample = client.lastResourceSample as Record<string, unknown>;
      assert.equal(typeof sample['at'], 'string');
      assert.equal(typeof sample['cpuPercent'], 'number');

      await server.gql.request(ConfigureClientDocument, {
        id: agent.uuid,
        input: { memoryThreshold: 100 },
      });
      const recovered = (await subscription.next(undefined, 30_000)).clientEvents;
      assert.equal(recovered.event, 'client.recovered');
      assert.equal((await health(server, agent.uuid)).health, 'HEALTHY');
    } finally {
      subscription.close();
      await server.gql.request(ConfigureClientDocument, {
        id: agent.uuid,
        input: {
          resourceChecks: null,
          memoryThreshold: null,
          cpuThreshold: null,
          diskThreshold: null,
        },
      });
    }
  });
});

describe('health: grace period', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      env: {
        ...fastHeartbeats,
        ETPHONEHOME_HEARTBEAT_FAILURES: '2',
        ETPHONEHOME_HEALTH_GRACE_S: '60',
      },
    });
    agent = await createAgent(server);
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
  });

  test('failures within the grace period after connecting do not make a client unhealthy', async () => {
    signal(agent, 'SIGSTOP');
    try {
      await sleep(5000); // ≥ 3 failed heartbeats of 1 s at a limit of 2
      const client = await health(server, agent.uuid);
      assert.equal(client.health, 'HEALTHY');
      assert.ok(!client.recentEvents.some((e) => e.event === 'client.unhealthy'));
    } finally {
      signal(agent, 'SIGCONT');
    }
  });
});

describe('health: SSH keepalives', () => {
  let server: TestServer;
  let agent: TestAgent;
  let proxy: net.Server;
  const pipes = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let blackhole = false;

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_SSH_KEEPALIVE_S: '1',
        ETPHONEHOME_SSH_KEEPALIVE_COUNT: '2',
        ETPHONEHOME_HEARTBEAT_INTERVAL_S: '3600',
      },
    });
    // A TCP relay that can go silent without closing anything: a dead network path.
    proxy = net.createServer((client) => {
      if (blackhole) return client.destroy();
      const upstream = net.connect(server.sshPort, '127.0.0.1');
      const pipe = { client, upstream };
      pipes.add(pipe);
      client.on('data', (chunk) => void (blackhole || upstream.write(chunk)));
      upstream.on('data', (chunk) => void (blackhole || client.write(chunk)));
      const close = () => {
        pipes.delete(pipe);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    agent = await createAgent(server, { port: (proxy.address() as net.AddressInfo).port });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    proxy.close();
    for (const { client, upstream } of pipes) {
      client.destroy();
      upstream.destroy();
    }
    await server.close();
  });

  test('a silently dead network path is cut by keepalives: the client goes offline', async () => {
    const subscription = await server.subscribe(HealthEventsSubscription, {
      after: await cursor(server),
      filter: { events: ['client.disconnected'], clientId: agent.uuid },
    });
    blackhole = true; // nothing flows any more, and no socket is closed
    const event = (await subscription.next(undefined, 30_000)).clientEvents;
    subscription.close();
    assert.equal(event.event, 'client.disconnected');
    assert.equal(event.client.online, false);
    assert.match(String((event.data as Record<string, unknown>)['reason']), /keepalive/i);
  });
});
