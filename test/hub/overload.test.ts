// Issue 13: a hub at its capacity (descriptor budget, handshake queue) refuses new connections
// at once with a notice and a retry hint, and the agent's reconnect waits at least that long;
// a small reconnect storm after a "restart" comes back whole. Real hub, real agent tunnels.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { readOpenFileLimits } from '../../src/lib/open-files.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import {
  sessionOf,
  startAgent,
  startHub,
  type InProcessAgent,
  type InProcessHub,
} from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

/** Every wait that followed a retry hint lasted at least the hint. */
function assertHonoured(agent: InProcessAgent): void {
  for (const wait of agent.waits) {
    if (wait.retryAfterMs === undefined) continue;
    assert.ok(
      wait.delayMs >= wait.retryAfterMs,
      `waited ${wait.delayMs} ms after a hint of ${wait.retryAfterMs} ms`,
    );
  }
}

describe('overload: refusals with a retry hint', () => {
  const hubs: InProcessHub[] = [];
  const agents: InProcessAgent[] = [];
  after(async () => {
    for (const agent of agents) await agent.stop();
    for (const hub of hubs) await hub.close();
  });

  test('the capacity comes from the open-files budget unless set', async () => {
    const hub = await startHub();
    hubs.push(hub);
    const limits = readOpenFileLimits();
    assert.ok(limits, 'RLIMIT_NOFILE is readable here');
    const { capacity } = hub.hub;
    assert.equal(capacity.basis, 'descriptors');
    assert.deepEqual(capacity.openFiles, limits);
    assert.equal(capacity.raise, 'already', 'Node raised the soft limit to the hard one at start');
    assert.equal(
      capacity.reservedDescriptors,
      Math.min(2048, Math.max(256, Math.ceil(limits.soft * 0.1))),
    );
    assert.equal(capacity.maxConnections, limits.soft - capacity.reservedDescriptors);
  });

  test('past its connection budget the hub refuses with a hint; the agent waits at least that long, then gets in', async () => {
    const hub = await startHub({ limits: { maxConnections: 2, retryAfterMaxMs: 1500 } });
    hubs.push(hub);
    assert.equal(hub.hub.capacity.basis, 'limits');
    assert.equal(hub.hub.capacity.maxConnections, 2);
    const first = startAgent(hub.port);
    const second = startAgent(hub.port);
    agents.push(first, second);
    await sessionOf(hub, first.uuid);
    await sessionOf(hub, second.uuid);

    const third = startAgent(hub.port);
    agents.push(third);
    await waitFor(() => third.waits.length >= 2, { what: 'two refusals of the third agent' });
    const notice = third.notices[0];
    assert.equal(notice?.code, 'overloaded');
    assert.equal(notice?.retryAfterMs, 1500);
    assert.match(notice?.message ?? '', /open-files budget allows \(2\)/);
    assert.equal(third.waits[0]?.retryAfterMs, 1500);
    assertHonoured(third);
    assert.ok(
      third.log.find(/^the server says: /).some((line) => line['code'] === 'overloaded'),
      "the agent's log says what the server decided",
    );
    assert.ok(hub.log.find('connection refused: at connection capacity').length >= 1);
    assert.equal(hub.sessions.has(third.uuid), false);

    await first.stop();
    await sessionOf(hub, third.uuid);
    assertHonoured(third);
  });

  test('with its handshake queue full the hub refuses with a hint; the agent gets in once it drains', async () => {
    const hub = await startHub({
      limits: {
        maxConcurrentHandshakes: 1,
        maxConcurrentHandshakesPerSource: 1,
        maxQueuedHandshakes: 2,
        authTimeoutMs: 600_000,
      },
    });
    hubs.push(hub);
    // Three sockets that identify and then stall: one in the slot, two queued.
    const stalled: net.Socket[] = [];
    for (let i = 0; i < 3; i += 1) {
      const socket = net.connect({ host: '127.0.0.1', port: hub.port, localAddress: '127.0.0.5' });
      socket.on('error', () => undefined);
      socket.write('SSH-2.0-OpenSSH_9.6\r\n');
      stalled.push(socket);
    }
    await waitFor(() => hub.hub.handshakesQueued === 2, { what: 'a full queue' });

    const agent = startAgent(hub.port);
    agents.push(agent);
    await waitFor(() => agent.waits.length >= 1, { what: 'a refusal' });
    assert.equal(agent.notices[0]?.code, 'overloaded');
    assert.ok((agent.notices[0]?.retryAfterMs ?? 0) >= 1000, 'at least the minimum hint');
    assertHonoured(agent);
    assert.ok(hub.log.find('connection refused: handshake queue full').length >= 1);

    for (const socket of stalled) socket.destroy();
    await sessionOf(hub, agent.uuid);
    assertHonoured(agent);
  });

  test('a small reconnect storm: every agent comes back through a narrow gate, none gives up, hints honoured', async () => {
    const hostKey = generateEd25519KeyPair().private; // the same server, as the agents pinned it
    const first = await startHub({ hostKey });
    const port = first.port;
    const storm = Array.from({ length: 24 }, () => startAgent(port));
    agents.push(...storm);
    await waitFor(() => storm.every((agent) => first.sessions.has(agent.uuid)), {
      what: 'all 24 attached',
    });
    await first.close(); // the "crash": every link drops at once

    // Restarted on the same port (the agents dial where they always do), with a narrow gate.
    const reborn = await startHub({
      port,
      hostKey,
      limits: {
        maxConcurrentHandshakes: 2,
        maxConcurrentHandshakesPerSource: 2,
        maxQueuedHandshakes: 3,
        maxPendingPerSource: 6,
        retryAfterMaxMs: 3000,
      },
    });
    hubs.push(reborn);
    await waitFor(() => storm.every((agent) => reborn.sessions.has(agent.uuid)), {
      timeoutMs: 120_000,
      what: 'all 24 back',
    });
    const refused = storm.filter((agent) => agent.notices.some((n) => n.code === 'overloaded'));
    assert.ok(refused.length > 0, 'the narrow gate turned some away with a hint');
    for (const agent of storm) assertHonoured(agent);
  });
});
