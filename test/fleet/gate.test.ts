// The gate's policy, in process through the real hub and real agents (test/support/fleet-harness):
// offline and key-mismatched clients, every rate-limit mode with rpm and concurrency, path
// refusals by the server and by the agent, the failure table end to end, cancellation reaching
// the agent, and the audit of each refusal.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { expectAppError } from '../support/app-error.js';
import { isAlive } from '../support/processes.js';

let h: FleetHarness;
let inside: string;
let outside: string;

before(async () => {
  h = await startFleetHarness();
  inside = join(h.dir, 'inside');
  outside = join(h.dir, 'outside');
  await mkdir(inside);
  await mkdir(outside);
  await writeFile(join(inside, 'a.txt'), 'inside');
  await writeFile(join(outside, 'b.txt'), 'outside');
});
after(() => h.close());

const refusals = async (uuid: string, since: number) =>
  (await h.recorded({ type: 'operation_refused', clientUuid: uuid }, since)).map((e) => e.data);

test('an offline client is refused with CLIENT_OFFLINE, naming it; nothing reaches an agent', async () => {
  const agent = await h.addAgent({ hostname: 'gone-01' });
  await agent.stop();
  const since = h.events.mark();
  await expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller()),
    'CLIENT_OFFLINE',
    /"gone-01" is offline \(last seen .* ago\)/,
  );
  assert.deepEqual(await h.recorded({ clientUuid: agent.uuid }, since), []);
});

test('a client with a new key is refused with KEY_MISMATCH until acceptKey; the refusal is recorded', async () => {
  const agent = await h.addAgent({ hostname: 'rekeyed-01' });
  await agent.rekey();
  const since = h.events.mark();
  const error = await expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller('ops')),
    'KEY_MISMATCH',
    /"rekeyed-01" connected with a different SSH key/,
  );
  assert.equal(error.details?.['fingerprint'], agent.fingerprint);
  assert.deepEqual(await refusals(agent.uuid, since), [
    { operation: 'run_command', code: 'KEY_MISMATCH', fingerprint: agent.fingerprint },
  ]);
  assert.equal((await h.recorded({ type: 'operation_refused' }, since))[0]?.actor, 'ops');
  await h.fleet.clients.acceptKey(agent.uuid, h.caller('ops'));
  const result = await h.fleet.commands.run(agent.uuid, { cmd: 'echo ok' }, h.caller());
  assert.equal(result.stdout.trim(), 'ok');
});

test('ENFORCE over the per-minute limit: RATE_LIMITED, the breach and the refusal recorded', async () => {
  const agent = await h.addAgent();
  await h.fleet.clients.configure(
    agent.uuid,
    { rateLimitRpm: 2, rateLimitMode: 'ENFORCE' },
    h.caller(),
  );
  await h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller());
  await h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller());
  const since = h.events.mark();
  await expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller()),
    'RATE_LIMITED',
  );
  const [breach] = await h.recorded({ type: 'client.rate_limited', clientUuid: agent.uuid }, since);
  assert.equal(breach?.data['limit'], 'rpm');
  assert.equal(breach?.data['enforced'], true);
  assert.equal(breach?.data['rpm_limit'], 2);
  assert.equal((await refusals(agent.uuid, since))[0]?.['code'], 'RATE_LIMITED');
  assert.equal(
    (await h.recorded({ type: 'command_executed', clientUuid: agent.uuid }, since)).length,
    0,
  );
  const stats = await h.fleet.clients.rateLimitStats(agent.uuid);
  assert.equal(stats.rpmRejections, 1);
});

test('WARN over the per-minute limit: the request runs, the breach is recorded as not enforced', async () => {
  const agent = await h.addAgent();
  await h.fleet.clients.configure(
    agent.uuid,
    { rateLimitRpm: 1, rateLimitMode: 'WARN' },
    h.caller(),
  );
  const since = h.events.mark();
  for (let i = 0; i < 3; i += 1)
    await h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller());
  const breaches = await h.recorded({ type: 'client.rate_limited', clientUuid: agent.uuid }, since);
  assert.deepEqual(
    breaches.map((e) => [e.data['limit'], e.data['enforced'], e.data['mode']]),
    [
      ['rpm', false, 'WARN'],
      ['rpm', false, 'WARN'],
    ],
  );
  assert.deepEqual(await refusals(agent.uuid, since), []);
  assert.equal(
    (await h.recorded({ type: 'command_executed', clientUuid: agent.uuid }, since)).length,
    3,
  );
});

test('OFF: no limit counts, nothing is recorded', async () => {
  const agent = await h.addAgent();
  await h.fleet.clients.configure(
    agent.uuid,
    { rateLimitRpm: 1, rateLimitConcurrent: 1, rateLimitMode: 'OFF' },
    h.caller(),
  );
  const since = h.events.mark();
  await Promise.all(
    [1, 2, 3].map(() => h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller())),
  );
  assert.deepEqual(
    await h.recorded({ type: 'client.rate_limited', clientUuid: agent.uuid }, since),
    [],
  );
});

test('ENFORCE over the concurrency limit refuses the second; cancelling the first kills it on the client', async () => {
  const agent = await h.addAgent();
  await h.fleet.clients.configure(
    agent.uuid,
    { rateLimitConcurrent: 1, rateLimitMode: 'ENFORCE' },
    h.caller(),
  );
  const pidFile = join(h.dir, `${agent.uuid}.pid`);
  const abort = new AbortController();
  const since = h.events.mark();
  const first = h.fleet.commands.run(
    agent.uuid,
    { cmd: `echo $$ > ${pidFile}; exec sleep 600` },
    h.caller('test', abort.signal),
  );
  let pid = 0;
  while (pid === 0) pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || 0;
  const refused = await expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller()),
    'RATE_LIMITED',
  );
  assert.equal(refused.details?.['limit'], 'concurrent');
  assert.equal((await refusals(agent.uuid, since))[0]?.['code'], 'RATE_LIMITED');
  assert.ok(isAlive(pid), 'the first command runs on');
  abort.abort();
  await expectAppError(first, 'TIMEOUT', /abandoned by the caller and cancelled on the client/);
  while (isAlive(pid)) await sleep(20);
  // The permit came back with the cancelled call.
  await h.fleet.commands.run(agent.uuid, { cmd: 'true' }, h.caller());
});

test('the server refuses a path outside allowedPaths with PATH_DENIED, recorded, before the agent', async () => {
  const agent = await h.addAgent({ hostname: 'paths-01' });
  await h.fleet.clients.update(agent.uuid, { allowedPaths: [inside] }, h.caller());
  const since = h.events.mark();
  await expectAppError(
    h.fleet.files.read(agent.uuid, { path: join(outside, 'b.txt') }, h.caller()),
    'PATH_DENIED',
    /path ".*outside\/b\.txt" is outside the allowed paths of "paths-01"/,
  );
  await expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'pwd', cwd: outside }, h.caller()),
    'PATH_DENIED',
    /cwd ".*outside" is outside/,
  );
  assert.deepEqual(await refusals(agent.uuid, since), [
    { operation: 'read_file', code: 'PATH_DENIED', path: join(outside, 'b.txt') },
    { operation: 'run_command', code: 'PATH_DENIED', path: outside },
  ]);
  const read = await h.fleet.files.read(agent.uuid, { path: join(inside, 'a.txt') }, h.caller());
  assert.equal(read.content, 'inside');
});

test("the agent refuses a path outside its own ceiling: PATH_DENIED, recorded as the agent's", async () => {
  const agent = await h.addAgent({ allowedPaths: [inside] });
  const since = h.events.mark();
  await expectAppError(
    h.fleet.files.read(agent.uuid, { path: join(outside, 'b.txt') }, h.caller()),
    'PATH_DENIED',
  );
  assert.deepEqual(await refusals(agent.uuid, since), [
    {
      operation: 'read_file',
      code: 'PATH_DENIED',
      path: join(outside, 'b.txt'),
      refused_by: 'agent',
    },
  ]);
});

test('the failure table end to end: NOT_FOUND, AGENT_ERROR, BAD_USER_INPUT, a timed-out command, AGENT_UNAVAILABLE', async () => {
  const agent = await h.addAgent({ hostname: 'failing-01' });
  const missing = await expectAppError(
    h.fleet.files.read(agent.uuid, { path: join(inside, 'missing') }, h.caller()),
    'NOT_FOUND',
    /^Client "failing-01": /,
  );
  assert.equal(missing.details?.['agentCode'], 'NOT_FOUND');
  const directory = await expectAppError(
    h.fleet.files.read(agent.uuid, { path: inside }, h.caller()),
    'AGENT_ERROR',
  );
  assert.equal(directory.details?.['agentCode'], 'NOT_A_FILE');
  await expectAppError(
    h.fleet.files.read(agent.uuid, { path: 'relative/path' }, h.caller()),
    'BAD_USER_INPUT',
  );
  // A command over its own timeout is an outcome, not a failure: killed, and said so.
  const slow = await h.fleet.commands.run(agent.uuid, { cmd: 'sleep 600', timeout: 1 }, h.caller());
  assert.equal(slow.timedOut, true);
  const broken = expectAppError(
    h.fleet.commands.run(agent.uuid, { cmd: 'sleep 600' }, h.caller()),
    'AGENT_UNAVAILABLE',
    /The link to "failing-01" broke during run_command/,
  );
  await sleep(200);
  await agent.kill();
  await broken;
});
