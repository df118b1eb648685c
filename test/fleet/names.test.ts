// Issue 17, item 2: one client must not take another's name. A new agent whose hostname equals
// another client's display name (or clientId) gets a clientId of its own; a display name another
// client holds is refused (CONFLICT) when an operator sets it and dropped when a token presets
// it or the agent suggests it; a name that still leads to two clients is AMBIGUOUS_CLIENT, never
// the first one found. Real store, real hub, real agents in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, ErrorCode } from '../../src/errors.js';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';

let f: InProcessFleet;
const caller = { actor: 'test' };

const code = (expected: string, pattern?: RegExp) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, expected, error.message);
  if (pattern) assert.match(error.message, pattern);
  return true;
};

before(async () => {
  f = await startInProcessFleet();
});

after(async () => {
  await f.close();
});

test("an agent whose hostname is another client's display name does not receive its commands", async () => {
  const victim = await f.agent({ facts: { hostname: 'db-primary' } });
  await f.fleet.clients.update(victim.uuid, { displayName: 'payroll' }, caller);

  // The impostor reports the victim's display name as its hostname, in another case.
  const impostor = await f.agent({ facts: { hostname: 'PAYROLL' } });
  const record = await f.fleet.clients.get(impostor.uuid);
  assert.notEqual(record.clientId.toLowerCase(), 'payroll', 'no clientId equal to a display name');
  assert.equal(record.clientId, 'payroll-2');

  // "payroll" still leads to the victim, and only to it.
  const run = await f.fleet.commands.run(
    'payroll',
    { cmd: 'echo $PPID >/dev/null; echo ok' },
    caller,
  );
  assert.equal(run.returncode, 0);
  const last = await f.fleet.events.list({ events: ['command_executed'] }, 1);
  assert.equal(last[0]?.clientUuid, victim.uuid);

  // And a hostname equal to an existing clientId, in another case, gets a suffix too.
  const twin = await f.agent({ facts: { hostname: 'DB-Primary' } });
  assert.equal((await f.fleet.clients.get(twin.uuid)).clientId, 'db-primary-2');
});

test('a display name another client holds (as clientId or display name) is refused with CONFLICT and changes nothing', async () => {
  const a = await f.agent({ facts: { hostname: 'web-a' } });
  const b = await f.agent({ facts: { hostname: 'web-b' } });
  await f.fleet.clients.update(a.uuid, { displayName: 'Frontend' }, caller);
  const events = (await f.fleet.events.list({}, 1000)).length;

  await assert.rejects(
    f.fleet.clients.update(b.uuid, { displayName: 'web-a' }, caller),
    code(ErrorCode.conflict, /Display name "web-a" is already the clientId of client web-a \(/),
  );
  await assert.rejects(
    f.fleet.clients.update(b.uuid, { displayName: ' frontend ' }, caller),
    code(ErrorCode.conflict, /already the display name of client web-a/),
  );
  assert.equal((await f.fleet.clients.get(b.uuid)).displayName, null, 'unchanged');
  assert.equal((await f.fleet.events.list({}, 1000)).length, events, 'nothing recorded');

  // A client may carry its own clientId as display name, and rename itself in another case.
  assert.equal(
    (await f.fleet.clients.update(b.uuid, { displayName: 'WEB-B' }, caller)).displayName,
    'WEB-B',
  );
  assert.equal(
    (await f.fleet.clients.update(a.uuid, { displayName: 'FRONTEND' }, caller)).displayName,
    'FRONTEND',
  );
});

test('an enrollment token cannot preset a name that is taken, nor give one name to several clients', async () => {
  const holder = await f.agent({ facts: { hostname: 'token-holder' } });
  await f.fleet.clients.update(holder.uuid, { displayName: 'Build Box' }, caller);
  await assert.rejects(
    f.fleet.tokens.create({ displayName: 'build box' }, caller),
    code(ErrorCode.conflict, /already the display name of client token-holder/),
  );
  await assert.rejects(
    f.fleet.tokens.create({ displayName: 'Runner', maxUses: 5 }, caller),
    code(ErrorCode.badUserInput, /can name one client only, but this token admits 5 clients/),
  );
  assert.equal((await f.fleet.tokens.list(true)).length, 0, 'no token created');
});

test('a preset or suggested display name taken meanwhile is dropped at first admission, and the event says so', async () => {
  const first = await f.agent({
    facts: { hostname: 'suggest-1', suggested: { displayName: 'Lab Printer' } },
  });
  assert.equal((await f.fleet.clients.get(first.uuid)).displayName, 'Lab Printer');

  const second = await f.agent({
    facts: { hostname: 'suggest-2', suggested: { displayName: 'lab printer' } },
  });
  const record = await f.fleet.clients.get(second.uuid);
  assert.equal(record.displayName, null);
  const [connected] = await f.fleet.events.list(
    { clientId: second.uuid, events: ['client.connected'] },
    1,
  );
  assert.deepEqual(connected?.data['display_name_dropped'], {
    name: 'lab printer',
    source: 'agent',
    reason: `already the display name of client suggest-1 (${first.uuid})`,
  });

  // A token's preset, taken between the token's creation and its use.
  const { token } = await f.fleet.tokens.create({ displayName: 'Kiosk' }, caller);
  const squatter = await f.agent({ facts: { hostname: 'kiosk' } });
  const late = await f.agent({ facts: { hostname: 'kiosk-real' }, enrollmentToken: token });
  assert.equal((await f.fleet.clients.get(late.uuid)).displayName, null);
  const [event] = await f.fleet.events.list(
    { clientId: late.uuid, events: ['client.connected'] },
    1,
  );
  assert.deepEqual(event?.data['display_name_dropped'], {
    name: 'Kiosk',
    source: 'enrollment_token',
    reason: `already the clientId of client kiosk (${squatter.uuid})`,
  });
  assert.equal((await f.fleet.clients.get('kiosk')).uuid, squatter.uuid);
});

test('a name that leads to two clients (data from before the rule) is AMBIGUOUS_CLIENT, never the first found', async () => {
  const a = await f.agent({ facts: { hostname: 'legacy-a' } });
  const b = await f.agent({ facts: { hostname: 'legacy-b' } });
  // Written straight to the store, as an older server would have allowed.
  await f.testStore.store.clients.update(b.uuid, { displayName: 'LEGACY-A' });
  await assert.rejects(
    f.fleet.commands.run('legacy-a', { cmd: 'true' }, caller),
    code(
      ErrorCode.ambiguousClient,
      /"legacy-a" matches more than one client: .*legacy-a.*legacy-b|legacy-b.*legacy-a/,
    ),
  );
  await assert.rejects(f.fleet.clients.get('Legacy-A'), code(ErrorCode.ambiguousClient));
  assert.equal((await f.fleet.clients.get(a.uuid)).clientId, 'legacy-a', 'the uuid still works');
});
