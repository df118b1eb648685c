// The registry's policy, in process through the real hub and real agents: every filter and their
// combination, names (uuid, clientId, display name; case; ambiguity), updates and clearing,
// nothing-to-change refusals, decommission and restore, acceptKey.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClientFilter } from '../../src/fleet/index.js';
import {
  startFleetHarness,
  type FleetHarness,
  type HarnessAgent,
} from '../support/fleet-harness.js';
import { expectAppError } from '../support/app-error.js';

let h: FleetHarness;
let web1: HarnessAgent;
let web2: HarnessAgent;
let db1: HarnessAgent;
let away: HarnessAgent;

before(async () => {
  h = await startFleetHarness();
  [web1, web2, db1, away] = await Promise.all([
    h.addAgent({
      hostname: 'Web-01.Example',
      displayName: 'Shop Front',
      purpose: 'Serves the shop',
      tags: ['web', 'prod'],
      capabilities: ['docker', 'systemd'],
    }),
    h.addAgent({
      hostname: 'web-02',
      displayName: 'shop front',
      purpose: 'Serves the staging shop',
      tags: ['web', 'staging'],
      capabilities: ['docker'],
    }),
    h.addAgent({
      hostname: 'db-01',
      displayName: 'Ledger',
      purpose: 'Holds the ledger',
      tags: ['db', 'prod'],
      capabilities: ['systemd'],
    }),
    h.addAgent({ hostname: 'away-01', tags: ['web', 'prod'] }),
  ]);
  await away.stop();
  // Names are one namespace now (issue 17 item 2): the agent's clashing suggestion was dropped at
  // admission. Data written before that rule may still hold the clash: write it straight in.
  await h.store.clients.update(web2.uuid, { displayName: 'shop front' });
});
after(() => h.close());

const ids = async (filter: ClientFilter): Promise<string[]> =>
  (await h.fleet.clients.list(filter)).map((c) => c.clientId).sort();

test('the server derives clientIds from hostnames, lower case; the agent suggests the metadata', async () => {
  const view = await h.fleet.clients.get(web1.uuid);
  assert.equal(view.clientId, 'web-01.example');
  assert.equal(view.displayName, 'Shop Front');
  assert.deepEqual(view.tags, ['prod', 'web']);
  assert.deepEqual(view.capabilities, ['docker', 'systemd']);
  assert.equal(view.online, true);
  assert.equal((await h.fleet.clients.get(away.uuid)).online, false);
});

test('each filter alone', async () => {
  assert.deepEqual(await ids({}), ['away-01', 'db-01', 'web-01.example', 'web-02']);
  assert.deepEqual(await ids({ query: 'LEDGER' }), ['db-01']);
  assert.deepEqual(await ids({ query: 'web-0' }), ['web-01.example', 'web-02']);
  assert.deepEqual(await ids({ purpose: 'staging' }), ['web-02']);
  assert.deepEqual(await ids({ tags: ['prod'] }), ['away-01', 'db-01', 'web-01.example']);
  assert.deepEqual(await ids({ tags: ['web', 'prod'] }), ['away-01', 'web-01.example']);
  assert.deepEqual(await ids({ capabilities: ['docker'] }), ['web-01.example', 'web-02']);
  assert.deepEqual(await ids({ capabilities: ['docker', 'systemd'] }), ['web-01.example']);
  assert.deepEqual(await ids({ onlineOnly: true }), ['db-01', 'web-01.example', 'web-02']);
  assert.deepEqual(await ids({ keyMismatch: true }), []);
  assert.deepEqual(await ids({ tags: ['nobody'] }), []);
});

test('filters combine: every condition holds', async () => {
  assert.deepEqual(await ids({ tags: ['web'], onlineOnly: true }), ['web-01.example', 'web-02']);
  assert.deepEqual(await ids({ tags: ['prod'], capabilities: ['systemd'], query: 'shop' }), [
    'web-01.example',
  ]);
  assert.deepEqual(await ids({ tags: ['web'], purpose: 'ledger' }), []);
});

test('a filter over its limits is refused, naming the field', async () => {
  await expectAppError(
    h.fleet.clients.list({ query: 'x'.repeat(257) }),
    'BAD_USER_INPUT',
    /filter\.query is at most 256 characters/,
  );
  await expectAppError(
    h.fleet.clients.list({ tags: Array.from({ length: 65 }, (_, i) => `t${i}`) }),
    'BAD_USER_INPUT',
    /filter\.tags/,
  );
});

test('a client is found by uuid, clientId or display name, ignoring case', async () => {
  assert.equal((await h.fleet.clients.get(db1.uuid.toUpperCase())).uuid, db1.uuid);
  assert.equal((await h.fleet.clients.get('db-01')).uuid, db1.uuid);
  assert.equal((await h.fleet.clients.get('DB-01')).uuid, db1.uuid);
  assert.equal((await h.fleet.clients.get('  ledger ')).uuid, db1.uuid);
});

test('an ambiguous display name is refused naming the candidates; an unknown one is NOT_FOUND', async () => {
  const error = await expectAppError(
    h.fleet.clients.get('Shop Front'),
    'AMBIGUOUS_CLIENT',
    /"Shop Front" matches more than one client: .*web-01\.example.*web-02.*Use the uuid or clientId/,
  );
  assert.deepEqual(
    [...(error.details?.['candidates'] as string[])].sort(),
    [web1.uuid, web2.uuid].sort(),
  );
  await expectAppError(h.fleet.clients.get('nobody'), 'NOT_FOUND', /No client matches "nobody"/);
  await expectAppError(h.fleet.clients.get('  '), 'BAD_USER_INPUT', /client id is required/);
  assert.equal(await h.fleet.clients.find('nobody'), null);
});

test('an update changes only what it names, and is recorded', async () => {
  const since = h.events.mark();
  const updated = await h.fleet.clients.update(
    'db-01',
    { purpose: 'Holds the books', tags: ['db', 'prod', 'db'] },
    h.caller('ops'),
  );
  assert.equal(updated.purpose, 'Holds the books');
  assert.deepEqual(updated.tags, ['db', 'prod']);
  assert.equal(updated.displayName, 'Ledger');
  const [event] = await h.recorded({ type: 'client.updated', clientUuid: db1.uuid }, since);
  assert.deepEqual(event?.data, { purpose: 'Holds the books', tags: ['db', 'prod'] });
  assert.equal(event?.actor, 'ops');
  // What the operator set survives the agent's reconnect (its suggestions are for admission only).
  await db1.cut();
  const again = await h.fleet.clients.get(db1.uuid);
  assert.equal(again.purpose, 'Holds the books');
});

test('null clears a field, [] empties a list, "" is refused as a display name', async () => {
  await h.fleet.clients.update(web2.uuid, { allowedPaths: ['/srv'] }, h.caller());
  const cleared = await h.fleet.clients.update(
    web2.uuid,
    { displayName: null, allowedPaths: [], tags: [] },
    h.caller(),
  );
  assert.equal(cleared.displayName, null);
  assert.equal(cleared.allowedPaths, null);
  assert.deepEqual(cleared.tags, []);
  await expectAppError(
    h.fleet.clients.update(web2.uuid, { displayName: '  ' }, h.caller()),
    'BAD_USER_INPUT',
    /displayName must be 1 to 256 characters/,
  );
  const configured = await h.fleet.clients.configure(
    web2.uuid,
    { rateLimitRpm: 5, rateLimitMode: 'ENFORCE' },
    h.caller(),
  );
  assert.equal(configured.rateLimitRpm, 5);
  const restored = await h.fleet.clients.configure(
    web2.uuid,
    { rateLimitRpm: null, rateLimitMode: null },
    h.caller(),
  );
  assert.equal(restored.rateLimitRpm, 60, 'the server default again');
  assert.equal(restored.rateLimitMode, 'WARN');
});

test('an update or configuration with nothing to change is refused and records nothing', async () => {
  const since = h.events.mark();
  await expectAppError(
    h.fleet.clients.update('db-01', {}, h.caller()),
    'BAD_USER_INPUT',
    /Nothing to change for "db-01": give at least one of displayName/,
  );
  await expectAppError(
    h.fleet.clients.update('db-01', { tags: null }, h.caller()),
    'BAD_USER_INPUT',
    /Nothing to change/,
  );
  await expectAppError(
    h.fleet.clients.configure('db-01', {}, h.caller()),
    'BAD_USER_INPUT',
    /Nothing to change for "db-01": give at least one of webhookUrl/,
  );
  await expectAppError(
    h.fleet.clients.configure('db-01', { rateLimitMode: 'LOUD' }, h.caller()),
    'BAD_USER_INPUT',
  );
  assert.deepEqual(await h.recorded({ clientUuid: db1.uuid }, since), []);
});

test('decommission cuts the link and hides the client; restore brings it back', async () => {
  const agent = await h.addAgent({ hostname: 'retired-01', tags: ['retire'] });
  const since = h.events.mark();
  const result = await h.fleet.clients.decommission(
    'retired-01',
    { stopService: false, reason: 'replaced' },
    h.caller('ops'),
  );
  assert.equal(result.serviceStop, null);
  await h.events.next({ type: 'client.disconnected', clientUuid: agent.uuid }, { since });
  assert.deepEqual(await ids({ tags: ['retire'] }), []);
  assert.deepEqual(await ids({ tags: ['retire'], includeDecommissioned: true }), ['retired-01']);
  const [event] = await h.recorded(
    { type: 'client.decommissioned', clientUuid: agent.uuid },
    since,
  );
  assert.equal(event?.data['reason'], 'replaced');
  assert.equal(event?.actor, 'ops');
  await expectAppError(
    h.fleet.clients.decommission('retired-01', { stopService: false }, h.caller()),
    'BAD_USER_INPUT',
    /already decommissioned .*restoreClient/,
  );
  await h.fleet.clients.restore('retired-01', h.caller('ops'));
  assert.deepEqual(await ids({ tags: ['retire'] }), ['retired-01']);
  assert.ok(
    (await h.recorded({ type: 'client.restored', clientUuid: agent.uuid }, since)).length === 1,
  );
  await expectAppError(
    h.fleet.clients.restore('retired-01', h.caller()),
    'BAD_USER_INPUT',
    /is not decommissioned; nothing to restore/,
  );
});

test('acceptKey trusts the presented key, records who; with no change waiting it is refused', async () => {
  const agent = await h.addAgent({ hostname: 'rekey-02' });
  const old = (await h.fleet.clients.get(agent.uuid)).trustedFingerprint;
  await agent.rekey();
  assert.deepEqual(await ids({ keyMismatch: true }), ['rekey-02']);
  const waiting = await h.fleet.clients.get(agent.uuid);
  assert.equal(waiting.keyMismatch, true);
  const since = h.events.mark();
  const accepted = await h.fleet.clients.acceptKey('rekey-02', h.caller('ops'));
  assert.equal(accepted.keyMismatch, false);
  assert.equal(accepted.trustedFingerprint, agent.fingerprint);
  assert.equal(accepted.previousFingerprint, old);
  assert.equal(accepted.keyAcceptedBy, 'ops');
  const [event] = await h.recorded({ type: 'client.key_accepted', clientUuid: agent.uuid }, since);
  assert.equal(event?.data['previous_fingerprint'], old);
  await expectAppError(
    h.fleet.clients.acceptKey('rekey-02', h.caller()),
    'BAD_USER_INPUT',
    /has no key change waiting/,
  );
});
