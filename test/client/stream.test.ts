// openServerStream's frames on the wire: a raw HTTP server takes the WebSocket upgrade by hand
// and reads the first frame's bytes, so the masking key the client chose is visible.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import { maskingNeeded, openServerStream, StreamRefusedError } from '../../src/client/stream.js';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A server that accepts the upgrade, hands back the first frame's header, then refuses. */
async function rawServer(): Promise<{ url: string; header: Promise<Buffer>; close(): void }> {
  let resolveHeader!: (header: Buffer) => void;
  const header = new Promise<Buffer>((resolve) => (resolveHeader = resolve));
  const server = createServer();
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req, socket: Duplex) => {
    const accept = createHash('sha1')
      .update(`${String(req.headers['sec-websocket-key'])}${WS_GUID}`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    sockets.add(socket);
    let seen = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      seen = Buffer.concat([seen, chunk]);
      if (seen.length < 8) return;
      resolveHeader(seen.subarray(0, 8));
      const refusal = Buffer.from(JSON.stringify({ ok: false, code: 'NOT_FOUND', message: 'no' }));
      socket.end(Buffer.concat([Buffer.from([0x81, refusal.length]), refusal]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    header,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

test('on a loopback connection the frames go with a zero masking key', async (t) => {
  const server = await rawServer();
  t.after(() => server.close());
  const opening = openServerStream(
    { url: server.url, apiKey: 'k' },
    { op: 'connect', tunnel: 'tun_x' },
  );
  await assert.rejects(opening, StreamRefusedError);
  const header = await server.header;
  // A masked text frame of under 126 bytes: the key is bytes 2-5.
  assert.equal(header[0], 0x81);
  assert.equal((header[1] ?? 0) & 0x80, 0x80, 'still a masked frame, as RFC 6455 requires');
  assert.deepEqual([...header.subarray(2, 6)], [0, 0, 0, 0]);
});

test('masking is skipped only over TLS and on loopback', () => {
  const needed = (url: string) => maskingNeeded(new URL(url));
  assert.equal(needed('wss://fleet.example.com/stream'), false);
  assert.equal(needed('ws://127.0.0.1:8765/stream'), false);
  assert.equal(needed('ws://127.3.2.1/stream'), false);
  assert.equal(needed('ws://localhost:8765/stream'), false);
  assert.equal(needed('ws://[::1]:8765/stream'), false);
  assert.equal(needed('ws://fleet.example.com/stream'), true);
  assert.equal(needed('ws://10.0.0.5:8765/stream'), true);
  assert.equal(needed('ws://127.0.0.1.example.com/stream'), true);
});
