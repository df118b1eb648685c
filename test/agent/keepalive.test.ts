// The agent's keepalives wait for the server to go quiet: a real ssh2 client and server on
// loopback, with a relay between them counting the bytes the client sends. While the server
// writes to a channel every 20 ms (and the client sends nothing of its own), no keepalive goes
// out; once the server falls silent, they do again. ssh2 alone sends them whatever the traffic.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import type { ClientChannel } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { keepaliveOnSilence } from '../../src/agent/keepalive.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';

// Long enough that a stalled event loop under a loaded test run does not pass for silence.
const INTERVAL_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An ssh2 server whose exec channels get a byte every 20 ms until `quiet()`. */
async function startServer() {
  const ticking = new Set<NodeJS.Timeout>();
  const server = new ssh2.Server(
    { hostKeys: [generateEd25519KeyPair('test-host').private] },
    (connection) => {
      connection.on('authentication', (ctx) => ctx.accept());
      connection.on('error', () => undefined);
      connection.on('session', (accept) => {
        accept().on('exec', (acceptExec) => {
          const channel = acceptExec();
          const timer = setInterval(() => channel.write('x'), 20);
          ticking.add(timer);
          channel.on('close', () => clearInterval(timer));
        });
      });
    },
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as net.AddressInfo).port,
    quiet: () => {
      for (const timer of ticking) clearInterval(timer);
    },
    close: () => server.close(),
  };
}

/** A relay to `port` counting the bytes its clients send upstream. */
async function startRelay(port: number) {
  let upstreamBytes = 0;
  const relay = net.createServer((inbound) => {
    const outbound = net.connect(port, '127.0.0.1');
    inbound.on('data', (chunk: Buffer) => (upstreamBytes += chunk.length));
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  });
  relay.listen(0, '127.0.0.1');
  await once(relay, 'listening');
  return {
    port: (relay.address() as net.AddressInfo).port,
    sent: () => upstreamBytes,
    close: () => relay.close(),
  };
}

async function run(onSilence: boolean): Promise<{ whileSending: number; whenQuiet: number }> {
  const server = await startServer();
  const relay = await startRelay(server.port);
  const client = new ssh2.Client();
  const socket = net.connect(relay.port, '127.0.0.1');
  await once(socket, 'connect');
  client.connect({
    sock: socket,
    username: 'agent',
    keepaliveInterval: INTERVAL_MS,
    keepaliveCountMax: 1000,
  });
  await once(client, 'ready');
  if (onSilence) keepaliveOnSilence(client, socket, INTERVAL_MS);
  const channel = await new Promise<ClientChannel>((resolve, reject) =>
    client.exec('tick', (error, opened) => (error ? reject(error) : resolve(opened))),
  );
  channel.on('data', () => undefined);
  await sleep(INTERVAL_MS / 2); // the channel's own packets are out
  let from = relay.sent();
  await sleep(4 * INTERVAL_MS);
  const whileSending = relay.sent() - from;
  server.quiet();
  await sleep(INTERVAL_MS);
  from = relay.sent();
  await sleep(3 * INTERVAL_MS);
  const whenQuiet = relay.sent() - from;
  client.end();
  relay.close();
  server.close();
  return { whileSending, whenQuiet };
}

test('no keepalive goes out while the server is sending; they start again when it is quiet', async () => {
  const { whileSending, whenQuiet } = await run(true);
  assert.equal(whileSending, 0, 'the client sent bytes while the server was sending');
  assert.ok(whenQuiet > 0, 'no keepalive once the server was quiet');
});

test('without it, ssh2 sends its keepalives whatever the traffic', async () => {
  const { whileSending } = await run(false);
  assert.ok(whileSending > 0);
});
