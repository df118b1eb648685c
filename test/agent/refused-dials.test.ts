// The agent's own tunnel dialling a port where nothing listens (a server restarting) and a port
// that accepts and hangs up. The first is a refused dial: the agent dials again within the refused
// cap, so a restarted server finds its fleet at the door. The second is a failed connection, with
// the usual backoff. Real sockets; the waits are what the reconnect loop decided, not timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { ReconnectWait } from '../../src/agent/reconnect.js';
import { startAgent } from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

const REFUSED_CAP_MS = 50;

/** The agent dialling `port` until it has chosen `count` waits; returns them. */
async function waitsDialling(port: number, count: number): Promise<ReconnectWait[]> {
  const agent = startAgent(port, {
    // Near the top of every window: the usual waits would be seconds, the refused ones ≤ 50 ms.
    random: () => 0.99,
    backoff: {
      baseMs: 10_000,
      capMs: 30_000,
      healthyMs: 60_000,
      refused: { capMs: REFUSED_CAP_MS, forMs: 60_000 },
    },
  });
  try {
    await waitFor(() => agent.waits.length >= count, { what: `${count} waits` });
  } finally {
    await agent.stop();
  }
  return agent.waits.slice(0, count);
}

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

test('dials refused (nothing listening): the agent dials again within the refused cap', async () => {
  const probe = net.createServer();
  const port = await listening(probe);
  await new Promise((resolve) => probe.close(resolve)); // the port is free: dials are refused
  const waits = await waitsDialling(port, 4);
  for (const wait of waits) {
    assert.equal(wait.refused, true);
    assert.ok(wait.delayMs < REFUSED_CAP_MS, `waited ${wait.delayMs} ms after a refused dial`);
  }
  assert.ok(waits[3]!.attempt >= 4, 'the attempts still count');
});

test('a server that accepts and hangs up is not a refusal: the usual backoff', async () => {
  const server = net.createServer((socket) => socket.destroy());
  const port = await listening(server);
  const [wait] = await waitsDialling(port, 1).finally(
    () => new Promise((resolve) => server.close(resolve)),
  );
  assert.equal(wait!.refused, false);
  assert.ok(wait!.delayMs >= 9000, `waited ${wait!.delayMs} ms: the 10 s window`);
});
