// Request-and-reply shells (fleet/reach/shells.ts) in process, against the real fleet, hub and an
// agent: a full buffer drops its oldest bytes and the next read says how many (nothing else is
// lost); one read returns at most MAX_SHELL_READ_BYTES and says what is pending; a cancelled read
// takes nothing; a shell is its opener's (another caller is told NOT_FOUND); revoking the key
// that holds a shell closes it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MAX_SHELL_BUFFER_BYTES, MAX_SHELL_READ_BYTES } from '../../src/fleet/limits.js';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { waitFor } from '../support/wait.js';

let harness: FleetHarness;
let clientUuid: string;
before(async () => {
  harness = await startFleetHarness();
  clientUuid = (await harness.addAgent()).uuid;
});
after(async () => harness.close());

const open = (actor: string) =>
  harness.fleet.shells.open(
    clientUuid,
    { cols: 80, rows: 24, origin: 'test' },
    harness.caller(actor),
  );

test('a full buffer drops the oldest bytes and says how many; nothing else is lost', async () => {
  const me = harness.caller('overflow');
  const { session } = await open('overflow');
  const total = 3 * MAX_SHELL_BUFFER_BYTES;
  await harness.fleet.shells.send(
    session.id,
    `head -c ${total} /dev/zero | tr '\\0' x; echo; echo end-of-flood`,
    true,
    me,
  );
  // Let the flood arrive unread: the buffer overflows.
  await waitFor(
    async () => {
      const [view] = (await harness.fleet.sessions.list({ openOnly: true }, 100)).filter(
        (s) => s.id === session.id,
      );
      return (view?.bytesOut ?? 0) > total;
    },
    { what: 'the flood to arrive', timeoutMs: 60_000 },
  );
  const first = await harness.fleet.shells.read(session.id, 0, me);
  assert.ok(first.droppedBytes >= total - MAX_SHELL_BUFFER_BYTES, String(first.droppedBytes));
  assert.equal(Buffer.byteLength(first.output), MAX_SHELL_READ_BYTES);
  assert.ok(first.pendingBytes > 0);

  let read = Buffer.byteLength(first.output);
  let dropped = first.droppedBytes;
  let text = first.output;
  for (;;) {
    const next = await harness.fleet.shells.read(session.id, 2, me);
    read += Buffer.byteLength(next.output);
    dropped += next.droppedBytes;
    text += next.output;
    if (/end-of-flood/.test(text.slice(-200)) && next.pendingBytes === 0) break;
  }
  const [view] = (await harness.fleet.sessions.list({ openOnly: true }, 100)).filter(
    (s) => s.id === session.id,
  );
  // Every byte the shell printed was either read or counted as dropped.
  assert.equal(read + dropped, view?.bytesOut);
  await harness.fleet.shells.close(session.id, me);
});

test('a cancelled read takes nothing; a shell is its opener’s', async () => {
  const me = harness.caller('owner');
  const { session } = await open('owner');
  // Drain the prompt.
  await harness.fleet.shells.read(session.id, 1, me);
  const controller = new AbortController();
  const waiting = harness.fleet.shells.read(
    session.id,
    60_000,
    harness.caller('owner', controller.signal),
  );
  controller.abort();
  await assert.rejects(waiting, { code: 'TIMEOUT' });

  const stranger = harness.caller('stranger');
  await assert.rejects(harness.fleet.shells.send(session.id, 'id', true, stranger), {
    code: 'NOT_FOUND',
  });
  await assert.rejects(harness.fleet.shells.read(session.id, 0, stranger), { code: 'NOT_FOUND' });
  await assert.rejects(harness.fleet.shells.close(session.id, stranger), { code: 'NOT_FOUND' });
  assert.deepEqual(harness.fleet.shells.list(stranger), []);
  assert.deepEqual(
    harness.fleet.shells.list(me).map((s) => s.id),
    [session.id],
  );

  await harness.fleet.shells.send(session.id, 'echo still-$((40+2))', true, me);
  let text = '';
  while (!/still-42/.test(text))
    text += (await harness.fleet.shells.read(session.id, 5, me)).output;
  const closed = await harness.fleet.shells.close(session.id, me);
  assert.equal(closed.endedAt !== null, true);
});

test('each send counts toward the client’s rate limit: past it, RATE_LIMITED and nothing typed', async () => {
  // A client of its own: the other tests' operations count toward the limit for a minute.
  const limited = (await harness.addAgent()).uuid;
  await harness.fleet.clients.configure(
    limited,
    { rateLimitRpm: 4, rateLimitMode: 'ENFORCE' },
    harness.caller('admin'),
  );
  const me = harness.caller('typist');
  // Opening takes one of the four; three sends take the rest.
  const { session } = await harness.fleet.shells.open(
    limited,
    { cols: 80, rows: 24, origin: 'test' },
    me,
  );
  for (const n of [1, 2, 3])
    await harness.fleet.shells.send(session.id, `echo sent-${n}`, true, me);
  await assert.rejects(harness.fleet.shells.send(session.id, 'echo sent-4', true, me), {
    code: 'RATE_LIMITED',
  });
  let text = '';
  while (!/sent-3/.test(text.replace(/echo sent-3/g, '')))
    text += (await harness.fleet.shells.read(session.id, 5, me)).output;
  assert.doesNotMatch(text, /sent-4/, 'the refused send typed nothing');
  await harness.fleet.shells.close(session.id, me);
});

test('a shell a signal ended names the signal', async () => {
  const me = harness.caller('signalled');
  const { session } = await open('signalled');
  await harness.fleet.shells.send(session.id, 'kill -KILL $$', true, me);
  const read = await waitFor(
    async () => {
      const r = await harness.fleet.shells.read(session.id, 1, me);
      return r.session.endedAt ? r : null;
    },
    { what: 'the shell killed' },
  );
  assert.equal(read.session.exitSignal, 'SIGKILL');
  assert.equal(read.session.exitStatus, null);
});

test('revoking the key that holds a shell closes it', async () => {
  const created = await harness.fleet.keys.create(
    { name: 'shell-holder', role: 'OPERATOR' },
    harness.caller('admin'),
  );
  const principal = await harness.fleet.keys.authenticate(created.secret);
  const caller = { actor: 'holder', principal };
  const { session } = await harness.fleet.shells.open(
    clientUuid,
    { cols: 80, rows: 24, origin: 'test' },
    caller,
  );
  await harness.fleet.keys.revoke(created.apiKey.id, harness.caller('admin'));
  const read = await waitFor(
    async () => {
      const r = await harness.fleet.shells.read(session.id, 0, caller);
      return r.session.endedAt ? r : null;
    },
    { what: 'the shell closed by the revocation' },
  );
  assert.match(read.session.closeReason ?? '', /revoked/);
});
