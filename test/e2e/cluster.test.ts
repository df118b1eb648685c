// Three real servers on one throwaway PostgreSQL (issue 14), on an empty database: one identity
// (the same SSH host key, so an agent pinned through one attaches to another; the same webhook
// signing secret), each server in the `servers` query and /health, and a SIGKILLed server shown
// as not alive once its renewals stop. One PostgreSQL and three servers for the whole file.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { graphql } from '../../src/generated/gql.js';
import { openStore } from '../../src/store/open.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll, spawnProcess } from '../support/processes.js';
import { AGENT_BIN, startServer, type TestServer } from '../support/server.js';
import {
  ClientDocument,
  ClientEventsSubscription,
  EventsDocument,
  RunCommandDocument,
  UpdateClientDocument,
} from '../support/operations.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import { SendTestWebhookDocument } from '../support/webhook-operations.js';

after(killAll);

const execFileAsync = promisify(execFile);

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

const HeldByDocument = graphql(`
  query TestHeldBy($id: ID!) {
    client(id: $id) {
      uuid
      online
      heldBy
    }
    clients(filter: { onlineOnly: true }) {
      uuid
    }
  }
`);

const HealthDocument = graphql(`
  query TestRemoteHealth($id: ID!) {
    client(id: $id) {
      health
      healthReason
      healthSince
    }
  }
`);

const NAMES = ['etph-1', 'etph-2', 'etph-3'] as const;

/** Where `server` says the client is: online, held by which server, listed as online. */
async function heldBy(server: TestServer, uuid: string) {
  const answer = await server.gql.request(HeldByDocument, { id: uuid });
  return {
    online: answer.client?.online ?? false,
    heldBy: answer.client?.heldBy ?? null,
    listedOnline: answer.clients.some((c) => c.uuid === uuid),
  };
}

/** How many client.connected and client.disconnected events `uuid` has in the trail. */
async function sessionsOf(server: TestServer, uuid: string) {
  const events = (
    await server.gql.request(EventsDocument, {
      filter: { clientId: uuid, events: ['client.connected', 'client.disconnected'] },
      limit: 500,
    })
  ).events;
  const connected = events.filter((e) => e.event === 'client.connected').length;
  return { connected, disconnected: events.length - connected };
}

/** The client.disconnected events of `uuid` as `server` reads the trail, oldest first. */
async function disconnections(server: TestServer, uuid: string) {
  const events = (
    await server.gql.request(EventsDocument, {
      filter: { clientId: uuid, events: ['client.disconnected'] },
      limit: 100,
    })
  ).events;
  return events.map((e) => e.data as { reason?: string; server?: string }).reverse();
}

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
            // Heartbeats every second, three failures: health changes within seconds.
            ETPHONEHOME_HEARTBEAT_INTERVAL_S: '1',
            ETPHONEHOME_HEARTBEAT_FAILURES: '3',
            ETPHONEHOME_HEARTBEAT_TIMEOUT_S: '2',
            ETPHONEHOME_HEALTH_GRACE_S: '0',
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

  test('a client is online on every server, held by the one it is connected to', async () => {
    const [first, second] = servers as [TestServer, TestServer, TestServer];
    for (const server of [first, second])
      await waitFor(async () => (await heldBy(server, agent.uuid)).heldBy === 'etph-3', {
        what: `${server.url} to say etph-3 holds the agent`,
      });
    assert.deepEqual(await heldBy(first, agent.uuid), {
      online: true,
      heldBy: 'etph-3',
      listedOnline: true,
    });
    const status = await health(first);
    assert.equal(status['clientsHeld'], 0, 'held elsewhere, not here');
    assert.ok(
      Number((status['clients'] as { online: number }).online) >= 1,
      JSON.stringify(status),
    );
  });

  test('a server that just started: the agents it holds are online on the others at once', async () => {
    const [first] = servers as [TestServer, TestServer, TestServer];
    // Enrolled beforehand (one host key for the cluster), so it dials etph-4 as soon as it runs.
    const newcomer = await createAgent(first);
    const fourth = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_DATABASE_URL: databaseUrl,
        ETPHONEHOME_SERVER_NAME: 'etph-4',
        ETPHONEHOME_PEER_URL: 'http://etph-4.test:8766',
      },
    });
    try {
      await newcomer.start(['-s', `127.0.0.1:${fourth.sshPort}`]);
      await newcomer.waitOnline(fourth);
      // etph-1 reads the servers at its renewals (every 5 s); a hold naming a server it has not
      // read yet must not show the agent offline until then.
      assert.deepEqual(await heldBy(first, newcomer.uuid), {
        online: true,
        heldBy: 'etph-4',
        listedOnline: true,
      });
    } finally {
      await newcomer.close();
      // A clean stop: its row goes (a later test lists the servers).
      await fourth.stop('SIGTERM');
      await fourth.close();
    }
  });

  test('health as the holder judges it, on every server: UNHEALTHY while the agent is stopped, HEALTHY after', async () => {
    const [first, second] = servers as [TestServer, TestServer, TestServer];
    const healthOf = async (server: TestServer) =>
      (await server.gql.request(HealthDocument, { id: agent.uuid })).client;
    assert.equal((await healthOf(first))?.health, 'HEALTHY', 'judged healthy at attach');
    const pid = agent.process?.child.pid;
    assert.ok(pid, 'the agent runs');
    process.kill(pid, 'SIGSTOP');
    let seen: Awaited<ReturnType<typeof healthOf>>;
    try {
      await waitFor(async () => (await healthOf(first))?.health === 'UNHEALTHY', {
        timeoutMs: 60_000,
        what: 'server 1 to show the agent UNHEALTHY (etph-3 holds it)',
      });
      // Read while the agent is still stopped: once continued, its next beat makes it HEALTHY.
      seen = await healthOf(second);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    assert.equal(seen?.health, 'UNHEALTHY');
    assert.match(seen?.healthReason ?? '', /heartbeat/);
    assert.ok(seen?.healthSince, 'since when');
    await waitFor(async () => (await healthOf(second))?.health === 'HEALTHY', {
      timeoutMs: 60_000,
      what: 'server 2 to show the agent HEALTHY again',
    });
    assert.equal((await healthOf(first))?.healthReason, null);
  });

  test('a subscriber on server 2 sees connects, disconnects and commands from all three, once each, in trail order', async () => {
    const [first, second, third] = servers as [TestServer, TestServer, TestServer];
    const watching = await second.subscribe(ClientEventsSubscription, {
      filter: { events: ['client.connected', 'client.disconnected', 'command_executed'] },
    });
    type Seen = { id: string; event: string; uuid: string; cmd: string };
    const seen: Seen[] = [];
    const collecting = (async () => {
      for await (const result of watching.results) {
        const event = result.data?.clientEvents;
        if (!event) continue;
        seen.push({
          id: event.id,
          event: event.event,
          uuid: event.client?.uuid ?? '',
          cmd: String((event.data as { command?: string } | null)?.command ?? ''),
        });
      }
    })();
    try {
      // An agent through server 1 and one through server 2 come, run a command and go; the one
      // held by server 3 runs a command there.
      const visitors: TestAgent[] = [];
      for (const [server, word] of [
        [first, 'one'],
        [second, 'two'],
      ] as const) {
        const visitor = await createAgent(server);
        visitors.push(visitor);
        await visitor.start();
        await visitor.waitOnline(server);
        await server.gql.request(RunCommandDocument, {
          clientId: visitor.uuid,
          cmd: `echo ${word}`,
        });
        await visitor.stop();
      }
      await third.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'echo three' });
      // A last command: once it is seen, everything before it in the trail was.
      await third.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'echo marker' });
      await waitFor(() => seen.some((e) => e.cmd === 'echo marker'), {
        what: 'the marker command seen on server 2',
      });
      const [one, two] = visitors as [TestAgent, TestAgent];
      const of = (uuid: string) => seen.filter((e) => e.uuid === uuid).map((e) => e.event);
      assert.deepEqual(of(one.uuid), [
        'client.connected',
        'command_executed',
        'client.disconnected',
      ]);
      assert.deepEqual(of(two.uuid), [
        'client.connected',
        'command_executed',
        'client.disconnected',
      ]);
      assert.deepEqual(
        seen.filter((e) => e.uuid === agent.uuid).map((e) => e.cmd),
        ['echo three', 'echo marker'],
      );
      const ids = seen.map((e) => Number(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
        'in the order of the trail',
      );
      assert.equal(new Set(ids).size, ids.length, 'each event once');
      for (const visitor of visitors) await visitor.close();
    } finally {
      watching.close();
      await collecting.catch(() => undefined);
    }
  });

  test('updateClient through server 1 is what server 3 returns', async () => {
    const [first, , third] = servers as [TestServer, TestServer, TestServer];
    const purpose = `routed-${Date.now()}`;
    await first.gql.request(UpdateClientDocument, {
      id: agent.uuid,
      input: { displayName: 'cluster-edge', purpose },
    });
    const answered = (await third.gql.request(ClientDocument, { id: 'cluster-edge' })).client;
    assert.equal(answered?.uuid, agent.uuid, 'found by its new name on another server');
    assert.equal(answered?.purpose, purpose);
  });

  test('a live server whose renewals came late takes its swept holds back: the link stays, one event each way', async () => {
    const [first, , third] = servers as [TestServer, TestServer, TestServer];
    const psql = (sql: string) =>
      execFileAsync('psql', ['-qAt', '-v', 'ON_ERROR_STOP=1', databaseUrl, '-c', sql]);
    const before = await sessionsOf(first, agent.uuid);
    const sweptBefore = (await disconnections(first, agent.uuid)).length;
    const heardBefore = agent.process?.stderr.length ?? 0;
    // etph-3 keeps renewing; its row is aged again and again until a survivor sweeps its holds.
    await waitFor(
      async () => {
        await psql(
          "update cluster_server set renewed_at = now() - interval '1 minute' where name = 'etph-3'",
        );
        const released = (await disconnections(first, agent.uuid)).slice(sweptBefore);
        return released.some((d) => /etph-3 stopped renewing/.test(d.reason ?? ''));
      },
      { timeoutMs: 60_000, intervalMs: 250, what: "a survivor to sweep etph-3's holds" },
    );
    await psql("update cluster_server set renewed_at = now() where name = 'etph-3'");
    await waitFor(async () => (await heldBy(first, agent.uuid)).heldBy === 'etph-3', {
      what: 'etph-3 holding the agent again',
    });
    // The hold is back at its commit; its event is recorded a moment later.
    await waitFor(
      async () =>
        (
          await first.gql.request(EventsDocument, {
            filter: { clientId: agent.uuid, events: ['client.connected'] },
            limit: 5,
          })
        ).events.some((e) => (e.data as { reclaimed?: boolean }).reclaimed === true),
      { what: 'a client.connected saying the hold was taken back' },
    );
    // The same connection: the agent heard nothing and never dialled again.
    const heard = (agent.process?.stderr ?? []).slice(heardBefore);
    assert.ok(
      !heard.some((line) => /disconnected|connected; waiting|replaced/.test(line)),
      heard.join('\n'),
    );
    // Each release has its taking back (a second sweep may still be taken back as this reads).
    await waitFor(
      async () => {
        const after = await sessionsOf(first, agent.uuid);
        return after.connected - before.connected === after.disconnected - before.disconnected;
      },
      { what: 'one client.connected (reclaimed) for each release' },
    );
    const answer = await third.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'echo still-here',
    });
    assert.equal(answer.runCommand.stdout.trim(), 'still-here');
  });

  test('a client connected twice is held once: the newest connection wins, the older server lets go, one event says why', async () => {
    const [first, second] = servers as [TestServer, TestServer, TestServer];
    // A clone of the agent (its config, key and UUID) phones server 1 while the agent holds on
    // through server 3.
    const cloneDir = await mkdtemp(join(tmpdir(), 'etph-clone-'));
    await cp(agent.configDir, cloneDir, { recursive: true });
    const clone = spawnProcess(process.execPath, [
      AGENT_BIN,
      '--config-dir',
      cloneDir,
      '-s',
      `127.0.0.1:${first.sshPort}`,
    ]);
    try {
      await waitFor(
        async () =>
          (await disconnections(second, agent.uuid)).some((d) =>
            d.reason?.includes('replaced by a connection to server etph-1'),
          ),
        { timeoutMs: 60_000, what: 'etph-3 to let go of the agent for etph-1' },
      );
    } finally {
      await clone.kill('SIGKILL');
      await rm(cloneDir, { recursive: true, force: true });
    }
    // The agent comes back through server 3 on its own backoff.
    await waitFor(async () => (await heldBy(first, agent.uuid)).heldBy === 'etph-3', {
      timeoutMs: 90_000,
      what: 'the agent held by etph-3 again',
    });
    assert.ok(
      agent.process?.stderr.some((line) => line.includes('replaced')),
      'the agent heard why',
    );
    // Every connection but the live one ended once in the trail, however often they traded places.
    // The hold is visible at the attach's commit, its two events a moment later: the trail is
    // read until it settles (or the wait fails with the counts it saw).
    let counts = { connected: 0, disconnected: 0 };
    await waitFor(
      async () => {
        counts = await sessionsOf(second, agent.uuid);
        return counts.disconnected === counts.connected - 1;
      },
      { what: 'one end for every connection but the live one' },
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}: ${counts.connected} connected, ${counts.disconnected} disconnected`,
      );
    });
    // And it stays settled: nothing recorded twice after the fact.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const settled = await sessionsOf(second, agent.uuid);
    assert.equal(
      settled.disconnected,
      settled.connected - 1,
      `${settled.connected} connected, ${settled.disconnected} disconnected`,
    );
  });

  test('a SIGKILLed server is shown not alive once its renewals stop, its clients offline with one event; a stopped one is gone', async () => {
    const [first, second, third] = servers as [TestServer, TestServer, TestServer];
    const before = (await disconnections(first, agent.uuid)).length;
    await third.stop('SIGKILL');
    await waitFor(
      async () =>
        (await first.gql.request(ServersDocument, {})).servers.find((s) => s.name === 'etph-3')
          ?.alive === false,
      { timeoutMs: 30_000, what: 'etph-3 not alive after SIGKILL' },
    );
    // Not alive means its clients are offline everywhere at once; then a survivor releases each
    // hold, with one client.disconnected naming the server, whichever of the two sweeps first.
    assert.equal((await heldBy(second, agent.uuid)).online, false);
    await waitFor(async () => (await disconnections(first, agent.uuid)).length > before, {
      timeoutMs: 30_000,
      what: "etph-3's hold of the agent released",
    });
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // another sweep of both
    const released = (await disconnections(first, agent.uuid)).slice(before);
    assert.equal(released.length, 1, JSON.stringify(released));
    assert.equal(released[0]?.server, 'etph-3');
    assert.match(released[0]?.reason ?? '', /etph-3 stopped renewing/);
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

  test('an agent that knows two servers comes back through the other when its server is killed', async () => {
    const [first, , third] = servers as [TestServer, TestServer, TestServer];
    await third.restart();
    const roaming = await createAgent(first, { servers: [first, third] });
    try {
      await roaming.start();
      const holderName = await waitFor(async () => (await heldBy(first, roaming.uuid)).heldBy, {
        timeoutMs: 60_000,
        what: 'the agent held by one of its two servers',
      });
      const [holder, other] = holderName === 'etph-1' ? [first, third] : [third, first];
      const otherName = holderName === 'etph-1' ? 'etph-3' : 'etph-1';
      // The hold commits before the holder records client.connected: killed in between, the
      // trail would lack that event (a window this test must not hit).
      await waitFor(async () => (await sessionsOf(other, roaming.uuid)).connected === 1, {
        what: 'the first client.connected in the trail',
      });
      await holder.stop('SIGKILL');
      await waitFor(async () => (await heldBy(other, roaming.uuid)).heldBy === otherName, {
        timeoutMs: 90_000,
        what: `the agent held by ${otherName}`,
      });
      assert.ok(
        roaming.process?.stderr.some(
          (line) => line.includes(`127.0.0.1:${other.sshPort}`) && line.includes('connected'),
        ),
        'the agent dialled the other server',
      );
      // The killed server's connection ended once: recorded by the server the agent came back
      // through (its holder was gone), and not again by the sweep after it.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const { connected, disconnected } = await sessionsOf(other, roaming.uuid);
      assert.equal(
        disconnected,
        connected - 1,
        `${connected} connected, ${disconnected} disconnected`,
      );
    } finally {
      await roaming.close();
    }
  });
});
