import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { coalesceWrites } from '../../src/lib/coalesce-writes.js';

/** A loopback TCP pair: the client socket, and everything the server side reads until EOF. */
async function pair(): Promise<{ client: net.Socket; received: Promise<Buffer>; close(): void }> {
  let resolveReceived!: (data: Buffer) => void;
  const received = new Promise<Buffer>((resolve) => (resolveReceived = resolve));
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolveReceived(Buffer.concat(chunks)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const client = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  return { client, received, close: () => server.close() };
}

test('writes of one event-loop turn are held and go out together when the turn ends', async (t) => {
  const { client, received, close } = await pair();
  t.after(() => {
    client.destroy();
    close();
  });
  coalesceWrites(client);
  const parts = Array.from({ length: 50 }, (_, i) => Buffer.from(`part ${i};`));
  for (const part of parts) client.write(part);
  // Held: nothing has gone to the kernel yet, every write waits for the turn to end.
  assert.equal(client.writableCorked, 1);
  assert.equal(client.writableLength, Buffer.concat(parts).length);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(client.writableCorked, 0);
  assert.equal(client.writableLength, 0);
  // The next turn's writes are held again, and end() sends them without waiting.
  client.write('tail;');
  assert.equal(client.writableCorked, 1);
  client.end();
  assert.equal((await received).toString(), `${parts.join('')}tail;`);
});

test('a write callback still fires, in order, after the held writes went out', async (t) => {
  const { client, received, close } = await pair();
  t.after(() => {
    client.destroy();
    close();
  });
  coalesceWrites(client);
  const order: number[] = [];
  await new Promise<void>((resolve) => {
    client.write('a', () => order.push(1));
    client.write('b', () => {
      order.push(2);
      resolve();
    });
  });
  assert.deepEqual(order, [1, 2]);
  client.end();
  assert.equal((await received).toString(), 'ab');
});
