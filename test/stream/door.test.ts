// The /stream door survives what a key holder can send it: a frame ws refuses (over the size
// limit) closes that one socket and nothing else — the server keeps answering.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { WebSocket } from 'ws';
import { MAX_STREAM_MESSAGE_BYTES, STREAM_PATH } from '../../src/protocol/ws-stream.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

let server: InProcessServer;

before(async () => {
  server = await startInProcessServer();
});

after(() => server.close());

test('an oversized frame closes its own socket; the server keeps serving', async () => {
  const ws = new WebSocket(`ws://127.0.0.1:${server.httpPort}${STREAM_PATH}`, {
    headers: { authorization: `Bearer ${server.apiKey}` },
  });
  ws.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.send(Buffer.alloc(MAX_STREAM_MESSAGE_BYTES + 1024));
  assert.equal(await closed, 1009, 'closed as too big');
  const health = await fetch(`http://127.0.0.1:${server.httpPort}/health`);
  assert.equal(health.status, 200);
});

test('an upgrade reset while its key is being checked does not crash the server', async () => {
  // Until ws takes the socket, Node leaves it without an error listener: a reset arriving while
  // the key is looked up was an uncaught ECONNRESET. Many at once, to meet the lookup's await.
  const key = `etpk_${'a'.repeat(12)}_${'b'.repeat(40)}`;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      const socket = net.connect(server.httpPort, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(
        `GET ${STREAM_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${Buffer.alloc(16, 1).toString('base64')}\r\nAuthorization: Bearer ${key}\r\n\r\n`,
      );
      await new Promise((resolve) => setImmediate(resolve));
      socket.resetAndDestroy();
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  const health = await fetch(`http://127.0.0.1:${server.httpPort}/health`);
  assert.equal(health.status, 200);
});
