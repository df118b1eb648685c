// Issue 17 item 10: a frozen peer (a stopped process, a black-holed path) never acknowledges the
// end of its connection. On keepalive timeout the hub must destroy the socket, not half-close it
// and wait for a FIN that never comes: the session closes while the peer is still frozen.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { sessionOf, startAgent, startHub } from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

/** A TCP relay that can freeze: nothing flows, nothing is closed, a FIN is never answered. */
async function frozenRelay(target: number) {
  let frozen = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    const upstream = net.connect({ host: '127.0.0.1', port: target, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => void (frozen || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (frozen || client.write(chunk)));
    client.on('end', () => void (frozen || upstream.end()));
    upstream.on('end', () => void (frozen || client.end()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => (frozen = true),
    close() {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

test('a frozen peer is cut off at keepalive timeout: the session closes while it is still frozen', async () => {
  const hub = await startHub({ limits: { keepaliveIntervalMs: 200, keepaliveCountMax: 2 } });
  cleanups.push(() => hub.close());
  const relay = await frozenRelay(hub.port);
  cleanups.push(() => relay.close());
  // The agent's own keepalives are off the table: only the hub's verdict is tested.
  const agent = startAgent(relay.port, { keepalive: { intervalMs: 600_000, countMax: 1 } });
  cleanups.push(() => agent.stop());
  const session = await sessionOf(hub, agent.uuid);
  const closed = new Promise<string>((resolve) => session.once('close', resolve));

  relay.freeze();
  const reason = await closed;
  assert.match(reason, /keepalive timeout/i);
  assert.equal(hub.hub.connections, 0, 'the socket is gone, not half-closed');
  assert.equal(hub.log.find('keepalive timeout: the agent stopped answering; cut off').length, 1);
  // The frozen side never saw the end: the agent still believes it is connected.
  assert.equal(agent.waits.length, 0, 'the agent has not noticed anything yet');
});

test('a session the hub ends is destroyed when the peer does not close it within the grace period', async () => {
  const hub = await startHub({ limits: { closeGraceMs: 300 } });
  cleanups.push(() => hub.close());
  const relay = await frozenRelay(hub.port);
  cleanups.push(() => relay.close());
  const agent = startAgent(relay.port, { keepalive: { intervalMs: 600_000, countMax: 1 } });
  cleanups.push(() => agent.stop());
  const session = await sessionOf(hub, agent.uuid);
  relay.freeze();
  session.close('replaced by a new connection');
  await waitFor(() => hub.hub.connections === 0, { what: 'the socket destroyed after the grace' });
  assert.equal(agent.waits.length, 0, 'the frozen agent never answered');
});

test('an agent gives up on a frozen server after its own keepalive window, and dials again', async () => {
  const hub = await startHub();
  cleanups.push(() => hub.close());
  const relay = await frozenRelay(hub.port);
  cleanups.push(() => relay.close());
  // A keepalive every 300 ms; the link is cut when one is still unanswered at the next.
  const agent = startAgent(relay.port, { keepalive: { intervalMs: 300, countMax: 1 } });
  cleanups.push(() => agent.stop());
  await sessionOf(hub, agent.uuid);
  // Alive and silent: the hub answers the keepalives, so the link stays up.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  assert.equal(agent.waits.length, 0, 'a silent but answering server is kept');
  relay.freeze();
  await waitFor(() => agent.waits.length > 0, { what: 'the agent to drop the link and wait' });
  assert.equal(agent.log.find('disconnected').length, 1);
});
