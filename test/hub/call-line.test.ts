// The call line (src/protocol/call-line.ts) between the real hub and the real agent in one
// process, over SSH on loopback; a scripted agent (a raw ssh2 client) to see exactly what the hub
// sends and how it copes with a line that is refused or breaks; and the agent's end of the line
// against a scripted hub.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Duplex, PassThrough } from 'node:stream';
import net from 'node:net';
import ssh2 from '../../src/lib/ssh2.js';
import { pino } from 'pino';
import { serveChannel } from '../../src/agent/rpc-server.js';
import { AgentCallError } from '../../src/hub/errors.js';
import { readLine, readLines } from '../../src/lib/line-reader.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { CALL_LINE_FEATURE } from '../../src/protocol/call-line.js';
import { formatAgentLogin } from '../../src/protocol/identity.js';
import { MAX_MESSAGE_BYTES, replyLine, RpcErrorCode } from '../../src/protocol/rpc.js';
import {
  factsFor,
  sessionOf,
  startAgent,
  startHub,
  type InProcessHub,
} from '../support/in-process-hub.js';
import { TRUE_COMMAND_RESULT } from '../support/scripted-replies.js';
import { waitFor } from '../support/wait.js';

interface Request {
  id: number;
  method: string;
  params?: unknown;
}

const reply = (id: number | null, result: unknown) => replyLine(id, { result });

/**
 * An agent scripted by the test: it answers `hello` with the call-line feature, answers the line's
 * opening as `line` says, and hands every request on the line to `onLineRequest`.
 */
function scriptedAgent(
  port: number,
  script: {
    line: 'accept' | 'refuse';
    onLineRequest(channel: Duplex, request: Request): void;
  },
) {
  const uuid = randomUUID();
  const client = new ssh2.Client();
  const channels: string[] = []; // the first request of each channel, by method
  client.on('error', () => undefined);
  client.on('tcp connection', (_info, accept) => {
    const channel = accept();
    channel.on('error', () => undefined);
    void readLine(channel, MAX_MESSAGE_BYTES).then((line) => {
      const request = JSON.parse(line) as Request;
      channels.push(request.method);
      if (request.method === 'hello')
        return void channel.end(
          reply(request.id, { ...factsFor(uuid), features: [CALL_LINE_FEATURE] }),
        );
      if (request.method === 'call_line') {
        if (script.line === 'refuse') {
          const error = { code: RpcErrorCode.methodNotFound, message: 'no line here' };
          return void channel.end(replyLine(request.id, { error }));
        }
        channel.write(reply(request.id, {}));
        readLines(
          channel,
          MAX_MESSAGE_BYTES,
          (next) => script.onLineRequest(channel, JSON.parse(next) as Request),
          () => undefined,
        );
        return;
      }
      // A channel of its own: a command's answer, or a heartbeat's.
      const beat = { time: Date.now(), uptimeS: 1 };
      channel.end(reply(request.id, request.method === 'run_command' ? TRUE_COMMAND_RESULT : beat));
    });
  });
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.on('error', () => undefined);
  client.on('ready', () => client.forwardIn('127.0.0.1', 0, () => undefined));
  socket.once('connect', () =>
    client.connect({
      sock: socket,
      username: formatAgentLogin({ uuid, enrollmentToken: null }),
      privateKey: generateEd25519KeyPair().private,
      hostVerifier: () => true,
    }),
  );
  return { uuid, channels, end: () => client.end() };
}

describe('the call line', () => {
  let hub: InProcessHub;
  const cleanups: Array<() => unknown> = [];

  before(async () => {
    hub = await startHub();
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    await hub.close();
  });

  test('the agent takes many calls at once on one line; commands keep channels of their own', async () => {
    const agent = startAgent(hub.port);
    cleanups.push(() => agent.stop());
    const session = await sessionOf(hub, agent.uuid);
    const [beats, samples] = await Promise.all([
      Promise.all(
        Array.from({ length: 20 }, () => session.call('heartbeat', {}, { timeoutMs: 20_000 })),
      ),
      Promise.all(
        Array.from({ length: 5 }, () =>
          session.call('get_metrics', { summary: true }, { timeoutMs: 20_000 }),
        ),
      ),
    ]);
    assert.ok(beats.every((beat) => typeof beat.time === 'number'));
    assert.ok(samples.every((sample) => 'cpuPercent' in sample));
    const command = await session.call(
      'run_command',
      { cmd: 'echo own', timeoutMs: 10_000 },
      { timeoutMs: 10_000 },
    );
    assert.equal(command.stdout, 'own\n');
    assert.equal(agent.log.find('call line open').length, 1, 'one line for every call');
    assert.deepEqual(hub.log.find(/call line/), [], 'the hub never gave the line up');
  });

  test('a call given up on the line fails alone, and the line carries on', async () => {
    const agent = startAgent(hub.port);
    cleanups.push(() => agent.stop());
    const session = await sessionOf(hub, agent.uuid);
    await assert.rejects(
      session.call('get_metrics', { summary: false }, { timeoutMs: 1 }),
      (error: AgentCallError) => error instanceof AgentCallError && error.kind === 'timeout',
    );
    const beat = await session.call('heartbeat', {}, { timeoutMs: 10_000 });
    assert.equal(typeof beat.time, 'number');
    assert.equal(agent.log.find('call line open').length, 1);
    assert.deepEqual(hub.log.find(/call line/), []);
  });

  test('an agent from before the call line is called on a channel per call', async () => {
    const agent = startAgent(hub.port, { callLine: false });
    cleanups.push(() => agent.stop());
    const session = await sessionOf(hub, agent.uuid);
    assert.equal(session.facts?.features?.includes(CALL_LINE_FEATURE) ?? false, false);
    const result = await session.call(
      'run_command',
      { cmd: 'echo old', timeoutMs: 10_000 },
      { timeoutMs: 10_000 },
    );
    assert.equal(result.stdout, 'old\n');
    assert.deepEqual(agent.log.find('call line open'), []);
  });

  test('the hub opens the line after hello and matches replies that come back out of order', async () => {
    const held: Request[] = [];
    const agent = scriptedAgent(hub.port, {
      line: 'accept',
      onLineRequest(channel, request) {
        held.push(request);
        if (held.length < 4) return; // the harness's first heartbeat, then the test's three
        // A reply to no call is dropped; then the answers, last asked first, each naming its id.
        channel.write(reply(9999, { time: 0, uptimeS: 0 }));
        for (const r of held.reverse()) channel.write(reply(r.id, { time: r.id, uptimeS: 1 }));
      },
    });
    cleanups.push(() => agent.end());
    const session = await sessionOf(hub, agent.uuid);
    const times = await Promise.all(
      [1, 2, 3].map(() =>
        session.call('heartbeat', {}, { timeoutMs: 10_000 }).then((beat) => beat.time),
      ),
    );
    // Ids grow with each call: every caller got the reply to its own request.
    assert.deepEqual(
      times,
      [...times].sort((x, y) => x - y),
    );
    assert.equal(new Set(times).size, 3);
    await session.call('run_command', { cmd: 'true', timeoutMs: 10_000 }, { timeoutMs: 10_000 });
    // hello on its own channel, then the line for the heartbeats; the command on a channel.
    assert.deepEqual(agent.channels, ['hello', 'call_line', 'run_command']);
  });

  test('a refused line leaves the agent served on a channel per call', async () => {
    const agent = scriptedAgent(hub.port, { line: 'refuse', onLineRequest: () => undefined });
    cleanups.push(() => agent.end());
    const session = await sessionOf(hub, agent.uuid);
    await session.call('heartbeat', {}, { timeoutMs: 10_000 });
    await session.call('heartbeat', {}, { timeoutMs: 10_000 });
    assert.equal(agent.channels.filter((m) => m === 'call_line').length, 1, 'asked once');
    assert.ok(agent.channels.filter((m) => m === 'heartbeat').length >= 2);
    assert.equal(hub.log.find('agent did not open the call line; a channel per call').length, 1);
  });

  test('a line that turns to garbage fails its calls with the reason; later calls take channels', async () => {
    let garbage = false;
    const agent = scriptedAgent(hub.port, {
      line: 'accept',
      onLineRequest(channel, request) {
        if (!garbage) return void channel.write(reply(request.id, { time: 0, uptimeS: 1 }));
        channel.write('this is not JSON\n');
      },
    });
    cleanups.push(() => agent.end());
    const session = await sessionOf(hub, agent.uuid);
    await session.call('heartbeat', {}, { timeoutMs: 10_000 });
    garbage = true;
    await assert.rejects(
      session.call('heartbeat', {}, { timeoutMs: 10_000 }),
      (error: AgentCallError) =>
        error.kind === 'protocol' &&
        /call line failed: a reply that is not JSON/.test(error.message),
    );
    const beat = await session.call('heartbeat', {}, { timeoutMs: 10_000 });
    assert.equal(beat.uptimeS, 1);
    assert.equal(agent.channels.at(-1), 'heartbeat', 'the last call took a channel of its own');
    assert.equal(hub.log.find('call line failed; a channel per call now').length, 1);
  });
});

/** Two connected ends, like a channel seen from the hub and from the agent. */
function channelPair(): { hub: Duplex; agent: Duplex } {
  const toAgent = new PassThrough();
  const toHub = new PassThrough();
  return {
    hub: Duplex.from({ readable: toHub, writable: toAgent }),
    agent: Duplex.from({ readable: toAgent, writable: toHub }),
  };
}

describe("the agent's end of the call line", () => {
  test('refuses what has a channel of its own and a reused id; a cancelled call answers nothing', async () => {
    const { hub, agent } = channelPair();
    const served = serveChannel(agent, {
      logger: pino({ level: 'silent' }),
      allowedPaths: null,
      facts: async () => factsFor(randomUUID()),
    });
    const replies: Array<{ id: number | null; result?: unknown; error?: { message: string } }> = [];
    readLines(
      hub,
      MAX_MESSAGE_BYTES,
      (line) => replies.push(JSON.parse(line)),
      () => undefined,
    );
    const send = (message: object) =>
      hub.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
    send({ id: 1, method: 'call_line', params: {} });
    send({ id: 2, method: 'get_metrics', params: { summary: false } });
    send({ id: 2, method: 'heartbeat', params: {} });
    send({ id: 3, method: 'download_file', params: { path: '/etc/hostname', offset: 0 } });
    send({ id: 4, method: 'run_command', params: { cmd: 'true', timeoutMs: 1000 } });
    send({ id: 5, method: 'hello', params: { hubVersion: 'x' } });
    send({ method: 'cancel', params: { id: 2 } });
    send({ id: 6, method: 'heartbeat', params: {} });
    await waitFor(() => replies.some((r) => r.id === 6), { what: 'the last reply' });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // longer than a metrics sample
    const byId = (id: number) => replies.filter((r) => r.id === id);
    assert.deepEqual(byId(1), [{ jsonrpc: '2.0', id: 1, result: {} }]);
    assert.equal(byId(2).length, 1, 'the reused id is refused; the cancelled call says nothing');
    assert.match(byId(2)[0]?.error?.message ?? '', /already in flight/);
    for (const id of [3, 4, 5])
      assert.match(byId(id)[0]?.error?.message ?? '', /channel of its own/);
    assert.equal(typeof (byId(6)[0]?.result as { time?: unknown }).time, 'number');
    hub.destroy();
    await served;
  });
});

describe('an agent without the call line', () => {
  test('refuses the request for it as an unknown method, and offers no feature in hello', async () => {
    const serve = (request: object) => {
      const { hub, agent } = channelPair();
      void serveChannel(agent, {
        logger: pino({ level: 'silent' }),
        allowedPaths: null,
        facts: async () => factsFor(randomUUID()),
        callLine: false,
      });
      hub.write(JSON.stringify({ jsonrpc: '2.0', ...request }) + '\n');
      return readLine(hub, MAX_MESSAGE_BYTES).then((line) => JSON.parse(line));
    };
    const refused = await serve({ id: 1, method: 'call_line', params: {} });
    assert.equal(refused.error.code, RpcErrorCode.methodNotFound);
    const hello = await serve({ id: 2, method: 'hello', params: { hubVersion: 'x' } });
    assert.deepEqual(hello.result.features, []);
  });
});
