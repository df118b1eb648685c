// The agent's own tunnel dialling a port where nothing listens (a server restarting) and a port
// that accepts and hangs up. The first is a refused dial: the agent dials again within the refused
// cap, so a restarted server finds its fleet at the door. The second is a failed connection, with
// the usual backoff. Real sockets; the waits are what the reconnect loop decided, not timings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { hostname } from 'node:os';
import { pino } from 'pino';
import type { ReconnectWait } from '../../src/agent/reconnect.js';
import { startTunnel } from '../../src/agent/tunnel.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { waitFor } from '../support/wait.js';

const REFUSED_CAP_MS = 50;

function tunnelTo(port: number, waits: ReconnectWait[]) {
  const uuid = randomUUID();
  return startTunnel({
    servers: [{ host: '127.0.0.1', port, pinnedFingerprint: null }],
    uuid,
    privateKey: generateEd25519KeyPair().private,
    enrollmentToken: null,
    allowedPaths: null,
    logger: pino({ level: 'silent' }),
    facts: async () => ({
      uuid,
      hostname: hostname(),
      platform: 'Linux',
      platformRelease: '',
      arch: 'x64',
      agentVersion: 'test',
      username: 'test',
      capabilities: [],
      allowedPaths: null,
      suggested: {},
    }),
    onTrustFirstUse: async () => undefined,
    onRegistered: async () => undefined,
    // Near the top of every window: the usual waits would be seconds, the refused ones ≤ 50 ms.
    random: () => 0.99,
    backoff: {
      baseMs: 10_000,
      capMs: 30_000,
      healthyMs: 60_000,
      refusedCapMs: REFUSED_CAP_MS,
      refusedForMs: 60_000,
    },
    onWait: (wait) => waits.push(wait),
  });
}

async function listening(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

test('dials refused (nothing listening): the agent dials again within the refused cap', async () => {
  const probe = net.createServer();
  const port = await listening(probe);
  await new Promise((resolve) => probe.close(resolve)); // the port is free: dials are refused
  const waits: ReconnectWait[] = [];
  const tunnel = tunnelTo(port, waits);
  try {
    await waitFor(() => waits.length >= 4, { what: 'four waits' });
  } finally {
    tunnel.stop();
    await tunnel.done;
  }
  for (const wait of waits.slice(0, 4)) {
    assert.equal(wait.refused, true);
    assert.ok(wait.delayMs < REFUSED_CAP_MS, `waited ${wait.delayMs} ms after a refused dial`);
  }
  assert.ok(waits[3]!.attempt >= 4, 'the attempts still count');
});

test('a server that accepts and hangs up is not a refusal: the usual backoff', async () => {
  const server = net.createServer((socket) => socket.destroy());
  const port = await listening(server);
  const waits: ReconnectWait[] = [];
  const tunnel = tunnelTo(port, waits);
  try {
    await waitFor(() => waits.length >= 1, { what: 'a wait' });
  } finally {
    tunnel.stop();
    await tunnel.done;
    await new Promise((resolve) => server.close(resolve));
  }
  assert.equal(waits[0]!.refused, false);
  assert.ok(waits[0]!.delayMs >= 9000, `waited ${waits[0]!.delayMs} ms: the 10 s window`);
});
