// Issue 17 item 8 (the hub's parts): publickey attempts per connection are capped, refusals are
// logged a few at a time with a summary, and reconnect churn is throttled per UUID and per
// address — the throttled agent is told when to come back, and waits at least that long.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import ssh2 from '../../src/lib/ssh2.js';
import type { AgentSession } from '../../src/hub/agent-session.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import {
  startAgent,
  startHub,
  type InProcessAgent,
  type InProcessHub,
} from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

describe('floods at the hub', () => {
  const hubs: InProcessHub[] = [];
  const agents: InProcessAgent[] = [];
  after(async () => {
    for (const agent of agents) await agent.stop();
    for (const hub of hubs) await hub.close();
  });

  test('a connection that keeps offering keys is cut off after maxAuthAttempts; refusals are logged a few at a time, then summed up', async () => {
    let authorizeCalls = 0;
    const hub = await startHub({
      limits: { maxAuthAttempts: 10, logBurst: 3, logIntervalMs: 500 },
      authorize: async () => {
        authorizeCalls += 1;
        return { accept: false, reason: 'unknown key' };
      },
    });
    hubs.push(hub);
    const client = new ssh2.Client();
    const socket = net.connect({ host: '127.0.0.1', port: hub.port });
    socket.on('error', () => undefined);
    client.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    let offered = 0;
    const username = randomUUID(); // SSH lets the server hang up on a change of username
    socket.once('connect', () =>
      client.connect({
        sock: socket,
        username,
        hostVerifier: () => true,
        // A fresh key on every round, for as long as the server keeps listening.
        authHandler: (_methods, _partial, next) => {
          offered += 1;
          next(
            offered > 40
              ? (false as never)
              : {
                  type: 'publickey',
                  username,
                  key: generateEd25519KeyPair().private,
                },
          );
        },
      }),
    );
    await closed;
    assert.ok(authorizeCalls <= 10, `the hub stopped asking after 10 attempts (${authorizeCalls})`);
    assert.ok(offered < 40, 'the client was cut off before it ran out of keys');
    assert.equal(
      hub.log.find('too many authentication attempts on one connection; disconnecting').length,
      1,
    );
    assert.equal(hub.log.find('login refused').length, 3, 'three refusals one by one');
    await waitFor(() => hub.log.find(/^login refused: \d+ more in the last 0\.5 s/).length === 1, {
      what: 'the summary line',
    });
    const [summary] = hub.log.find(/^login refused: \d+ more/);
    assert.equal(summary?.['suppressed'], authorizeCalls - 3);
    assert.deepEqual(summary?.['byKey'], { 'unknown key': authorizeCalls - 3 });
  });

  test('an agent that reconnects in a loop is throttled: told when to come back, and it waits that long', async () => {
    const attached: AgentSession<unknown>[] = [];
    const hub = await startHub({
      limits: { reloginBurst: 3, reloginRefillMs: 1500, logIntervalMs: 60_000 },
      // Churn: every session is dropped as soon as it is up.
      onSession: async (session) => {
        attached.push(session);
        setTimeout(() => session.close('churn'), 20);
      },
    });
    hubs.push(hub);
    const agent = startAgent(hub.port);
    agents.push(agent);
    await waitFor(() => agent.notices.filter((n) => n.code === 'throttled').length >= 2, {
      what: 'two throttled notices',
    });
    await agent.stop();
    const [notice] = agent.notices;
    assert.equal(notice?.code, 'throttled');
    assert.match(notice?.message ?? '', new RegExp(`agent ${agent.uuid} reconnected too often`));
    assert.ok((notice?.retryAfterMs ?? 0) > 0 && (notice?.retryAfterMs ?? 0) <= 1500);
    for (const wait of agent.waits) {
      if (wait.retryAfterMs !== undefined) assert.ok(wait.delayMs >= wait.retryAfterMs);
    }
    assert.ok(
      agent.log.find(/^the server says: /).some((line) => line['code'] === 'throttled'),
      "the agent's log says it was throttled",
    );
    // Three at once, then one per 1.5 s: however long the loop ran, no more got through.
    const spanMs = Date.now() - (attached[0]?.connectedAt.getTime() ?? Date.now());
    assert.ok(attached.length <= 3 + Math.ceil(spanMs / 1500), `${attached.length} sessions`);
    assert.equal(hub.log.find('login throttled: reconnecting too often').length, 1, 'logged once');
  });

  test('many UUIDs churning from one address are bounded by the address budget', async () => {
    const churning = new Set<string>();
    const hub = await startHub({
      limits: { reloginBurst: 100, sourceReloginBurst: 2, sourceReloginRefillMs: 60_000 },
      onSession: async (session) => {
        if (churning.has(session.identity.uuid)) setTimeout(() => session.close('churn'), 20);
      },
    });
    hubs.push(hub);
    const churners = [startAgent(hub.port), startAgent(hub.port)];
    for (const agent of churners) churning.add(agent.uuid);
    agents.push(...churners);
    await waitFor(
      () => churners.some((agent) => agent.notices.some((n) => n.code === 'throttled')),
      { what: 'a throttled re-login' },
    );
    const notice = churners.flatMap((agent) => agent.notices).find((n) => n.code === 'throttled');
    assert.match(notice?.message ?? '', /address 127\.0\.0\.1 reconnected too often/);
    // A first login is not a re-login: a new agent from the same address still gets in.
    const newcomer = startAgent(hub.port);
    agents.push(newcomer);
    await waitFor(
      () =>
        newcomer.log.find('registered by the server').length > 0 ||
        newcomer.log.find('connected; waiting for calls').length > 0,
      {
        what: 'the newcomer admitted',
      },
    );
    assert.equal(newcomer.notices.length, 0);
  });
});
