// Byte streams through the agent's connection (protocol/stream.ts), hub and agent in process:
// a forwarded TCP connection (echo, half-close, the agent's own ceiling) and a shell (PTY and
// pipes, exit status, resize).

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { AgentCallError } from '../../src/hub/errors.js';
import {
  createFrameDecoder,
  encodeFrame,
  encodeJsonFrame,
  ShellFrameType,
  type ShellFrame,
} from '../../src/protocol/shell-frames.js';
import { sessionOf, startAgent, startHub } from '../support/in-process-hub.js';

// The agent runs the login shell of its user ($SHELL): a plain one, so that no rc file of this
// machine's user (slow shell initialisation) decides how long a test takes.
process.env['SHELL'] = '/bin/sh';

const hub = await startHub();
const agent = startAgent(hub.port, { allowedForwards: ['127.0.0.1:*'] });
const session = await sessionOf(hub, agent.uuid);
after(async () => {
  await agent.stop();
  await hub.close();
});

function echoServer(): Promise<{ port: number; close(): void; halfClosed: Promise<void> }> {
  let sawEnd: () => void = () => undefined;
  const halfClosed = new Promise<void>((resolve) => (sawEnd = resolve));
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
    socket.on('end', () => {
      sawEnd();
      socket.end('bye');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => server.close(),
        halfClosed,
      }),
    ),
  );
}

function collect(channel: Duplex): Promise<Buffer> {
  const chunks: Buffer[] = [];
  channel.on('data', (chunk: Buffer) => chunks.push(chunk));
  channel.resume();
  return new Promise((resolve) => channel.once('end', () => resolve(Buffer.concat(chunks))));
}

test('a forwarded connection echoes, and a half-close still gets the reply', async () => {
  const echo = await echoServer();
  const { channel, ready, halfClose } = await session.openStream(
    { kind: 'forward', host: '127.0.0.1', port: echo.port },
    { timeoutMs: 10_000 },
  );
  assert.equal(ready.kind, 'forward');
  const received = collect(channel);
  channel.write('hello ');
  channel.write('world');
  halfClose();
  await echo.halfClosed;
  assert.equal((await received).toString(), 'hello worldbye');
  echo.close();
});

test("a target outside the agent's allowed_forwards is refused, naming the rule", async () => {
  await assert.rejects(
    session.openStream({ kind: 'forward', host: 'example.com', port: 80 }, { timeoutMs: 10_000 }),
    (error: unknown) =>
      error instanceof AgentCallError &&
      error.remoteCode === 'FORWARD_DENIED' &&
      /allowed_forwards/.test(error.message),
  );
});

function frames(channel: Duplex): { all: ShellFrame[]; ended: Promise<ShellFrame[]> } {
  const decoder = createFrameDecoder();
  const all: ShellFrame[] = [];
  channel.on('data', (chunk: Buffer) => all.push(...decoder.push(chunk)));
  channel.resume();
  return { all, ended: new Promise((resolve) => channel.once('close', () => resolve(all))) };
}

const output = (all: ShellFrame[]): string =>
  Buffer.concat(
    all.filter((f) => f.type === ShellFrameType.output).map((f) => f.payload),
  ).toString();

test('a PTY shell sees a terminal of the asked size, follows a resize, and exits with 7', async () => {
  const { channel, ready } = await session.openStream(
    { kind: 'shell', command: null, pty: true, cols: 101, rows: 33 },
    { timeoutMs: 10_000 },
  );
  assert.equal(ready.pty, true);
  const got = frames(channel);
  channel.write(encodeFrame(ShellFrameType.input, 'stty size; tty\n'));
  await waitUntil(() => /33 101/.test(output(got.all)));
  channel.write(encodeJsonFrame(ShellFrameType.resize, { cols: 120, rows: 40 }));
  channel.write(encodeFrame(ShellFrameType.input, 'stty size\nexit 7\n'));
  const all = await got.ended;
  assert.match(output(all), /\/dev\/pts\/\d+/);
  assert.match(output(all), /40 120/);
  const exit = all.find((f) => f.type === ShellFrameType.exit);
  assert.deepEqual(JSON.parse(exit?.payload.toString() ?? '{}'), { code: 7, signal: null });
});

test('a shell on pipes reads stdin to its end and reports stderr apart', async () => {
  const { channel, ready } = await session.openStream(
    { kind: 'shell', command: null, pty: false, cols: 80, rows: 24 },
    { timeoutMs: 10_000 },
  );
  assert.equal(ready.pty, false);
  const got = frames(channel);
  channel.write(encodeFrame(ShellFrameType.input, 'echo out; echo err >&2; exit 3\n'));
  channel.write(encodeFrame(ShellFrameType.eof));
  const all = await got.ended;
  assert.equal(output(all), 'out\n');
  const stderr = Buffer.concat(
    all.filter((f) => f.type === ShellFrameType.stderr).map((f) => f.payload),
  ).toString();
  assert.equal(stderr, 'err\n');
  const exit = all.find((f) => f.type === ShellFrameType.exit);
  assert.deepEqual(JSON.parse(exit?.payload.toString() ?? '{}'), { code: 3, signal: null });
});

async function waitUntil(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}
