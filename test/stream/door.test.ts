// The /stream door survives what a key holder can send it: a frame ws refuses (over the size
// limit) closes that one socket and nothing else — the server keeps answering.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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
