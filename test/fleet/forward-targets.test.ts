// Issue 16: the server's bound on port forwards. A client's `forwardTargets` (configureClient)
// is checked when a tunnel opens, before anything reaches the agent; the agent's own
// allowed_forwards still bounds each connection. A target must pass both.
// Real fleet and store, real hub, a real agent tunnel, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { AppError, ErrorCode } from '../../src/errors.js';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';

let f: InProcessFleet;
let echo: net.Server;
let echoPort: number;
let accepted = 0;
const caller = { actor: 'test' };

before(async () => {
  f = await startInProcessFleet();
  echo = net.createServer((socket) => {
    accepted++;
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', () => resolve()));
  echoPort = (echo.address() as net.AddressInfo).port;
});

after(async () => {
  echo.close();
  await f.close();
});

function isForwardDenied(error: unknown, pattern: RegExp): boolean {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, ErrorCode.forwardDenied);
  assert.match(error.message, pattern);
  return true;
}

test("a client without forwardTargets opens no tunnel, naming the rule; the agent's ceiling alone is not enough", async () => {
  const agent = await f.agent({ allowedForwards: ['127.0.0.1:*'] });
  const before = accepted;
  await assert.rejects(
    f.fleet.tunnels.open(agent.uuid, { host: '127.0.0.1', port: echoPort }, caller),
    (error) => isForwardDenied(error, /allows no port forwards \(its forwardTargets/),
  );
  assert.equal(accepted, before);
  assert.equal((await f.fleet.tunnels.list()).length, 0);
});

test('forwardTargets are validated, normalised and shown; a target outside them is refused before the agent', async () => {
  const agent = await f.agent({ allowedForwards: ['*:*'] });
  await assert.rejects(
    f.fleet.clients.configure(agent.uuid, { forwardTargets: ['127.0.0.1:70000'] }, caller),
    (error) => error instanceof AppError && error.code === ErrorCode.badUserInput,
  );
  assert.deepEqual((await f.fleet.clients.find(agent.uuid))?.forwardTargets, []);

  const view = await f.fleet.clients.configure(
    agent.uuid,
    { forwardTargets: ['127.0.0.1:1-65535', 'DB.Internal:5432', '127.0.0.1:*'] },
    caller,
  );
  assert.deepEqual(view.forwardTargets, ['127.0.0.1:*', 'db.internal:5432']);
  const [event] = await f.fleet.events.list(
    { clientId: agent.uuid, events: ['client.updated'] },
    1,
  );
  assert.deepEqual(event?.data['forward_targets'], ['127.0.0.1:*', 'db.internal:5432']);

  const before = accepted;
  await assert.rejects(
    f.fleet.tunnels.open(agent.uuid, { host: 'localhost', port: echoPort }, caller),
    (error) =>
      isForwardDenied(
        error,
        /outside client .* forwardTargets \(127\.0\.0\.1:\*, db\.internal:5432\)/,
      ),
  );
  assert.equal(accepted, before);

  // Inside both bounds: the tunnel opens and carries a connection.
  const tunnel = await f.fleet.tunnels.open(
    agent.uuid,
    { host: '127.0.0.1', port: echoPort },
    caller,
  );
  const connection = await tunnel.connect();
  connection.channel.resume();
  const reply = new Promise<string>((resolve) =>
    connection.channel.once('data', (chunk: Buffer) => resolve(chunk.toString())),
  );
  connection.channel.write('ping');
  assert.equal(await reply, 'ping');
  tunnel.close('test done');
  assert.equal(accepted, before + 1);

  // Cleared: none again.
  await f.fleet.clients.configure(agent.uuid, { forwardTargets: [] }, caller);
  await assert.rejects(
    f.fleet.tunnels.open(agent.uuid, { host: '127.0.0.1', port: echoPort }, caller),
    (error) => isForwardDenied(error, /allows no port forwards/),
  );
});

test("inside forwardTargets but outside the agent's allowed_forwards: the agent refuses, nothing connected", async () => {
  const agent = await f.agent({ allowedForwards: ['127.0.0.2:*'] });
  await f.fleet.clients.configure(agent.uuid, { forwardTargets: ['127.0.0.1:*'] }, caller);
  const before = accepted;
  const tunnel = await f.fleet.tunnels.open(
    agent.uuid,
    { host: '127.0.0.1', port: echoPort },
    caller,
  );
  await assert.rejects(tunnel.connect(), (error) => isForwardDenied(error, /allowed_forwards/));
  tunnel.close('test done');
  assert.equal(accepted, before);
});

test('an IPv6 target given in brackets ("[::1]") is dialled bare and shown once bracketed', async (t) => {
  const echo6 = net.createServer((socket) => socket.pipe(socket));
  const listening = await new Promise<boolean>((resolve) => {
    echo6.once('error', () => resolve(false));
    echo6.listen(0, '::1', () => resolve(true));
  });
  if (!listening) {
    t.skip('no IPv6 loopback on this machine');
    return;
  }
  try {
    const port = (echo6.address() as net.AddressInfo).port;
    const agent = await f.agent({ allowedForwards: ['[::1]:*'] });
    await f.fleet.clients.configure(agent.uuid, { forwardTargets: ['[::1]:*'] }, caller);
    const tunnel = await f.fleet.tunnels.open(agent.uuid, { host: '[::1]', port }, caller);
    assert.equal(tunnel.view().host, '::1');
    const connection = await tunnel.connect();
    connection.channel.resume();
    const reply = new Promise<string>((resolve) =>
      connection.channel.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    );
    connection.channel.write('ping6');
    assert.equal(await reply, 'ping6');
    tunnel.close('test done');
  } finally {
    echo6.close();
  }
});
