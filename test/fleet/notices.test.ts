// The fleet's decisions reach the agent as notices (src/fleet/notices.ts over the hub's
// src/protocol/notice.ts): a decommissioned client is told so (when its link is closed and at
// every login after), a key turned away while the pinned key is online hears `key_mismatch`
// with a retry hint, a quarantined session hears `quarantined`, and a session another
// connection took over hears `replaced`. Real fleet, hub and agent tunnels, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { waitFor } from '../support/wait.js';

let h: FleetHarness;
before(async () => {
  h = await startFleetHarness();
});
after(() => h.close());

test('a decommissioned client is told so when its link is closed and at each login after', async () => {
  const agent = await h.addAgent({ hostname: 'retired-01' });
  await h.fleet.clients.decommission('retired-01', { stopService: false }, h.caller());
  await waitFor(() => agent.notices.length >= 2 || undefined, {
    what: 'the decommissioned notice on close and at the next login',
  });
  for (const notice of agent.notices) assert.equal(notice.code, 'decommissioned');
  assert.match(agent.notices[0]?.message ?? '', /"retired-01" was decommissioned/);
  assert.equal((await h.fleet.clients.get(agent.uuid)).online, false);
  await agent.close();
});

test('another key while the pinned key is online hears key_mismatch, with a retry hint', async () => {
  const pinned = await h.addAgent({ hostname: 'pinned-01' });
  const since = h.events.mark();
  const other = await h.addAgent({ uuid: pinned.uuid, start: false });
  await other.start({ online: false });
  await waitFor(() => other.notices.length >= 1 || undefined, { what: 'the key_mismatch notice' });
  assert.equal(other.notices[0]?.code, 'key_mismatch');
  assert.equal(other.notices[0]?.retryAfterMs, 60_000);
  assert.match(other.notices[0]?.message ?? '', /online with its pinned key/);
  const refused = await h.events.next(
    { type: 'client.key_mismatch', clientUuid: pinned.uuid },
    { since },
  );
  assert.equal(refused.data['refused'], true);
  assert.equal(refused.data['new_fingerprint'], other.fingerprint);
  assert.equal(pinned.notices.length, 0, 'the pinned agent is left alone');
  await other.close();
  await pinned.close();
});

test('a quarantined session hears quarantined; replaced by the pinned key, it hears replaced', async () => {
  const pinned = await h.addAgent({ hostname: 'rotating-01' });
  await pinned.stop();
  const newcomer = await h.addAgent({ uuid: pinned.uuid, start: false });
  await newcomer.start();
  await waitFor(() => newcomer.notices.length >= 1 || undefined, { what: 'the quarantine notice' });
  assert.equal(newcomer.notices[0]?.code, 'quarantined');
  assert.match(newcomer.notices[0]?.message ?? '', /acceptKey/);
  assert.equal((await h.fleet.clients.get(pinned.uuid)).keyMismatch, true);

  const since = h.events.mark();
  await pinned.start({ online: false });
  await h.events.next({ type: 'client.connected', clientUuid: pinned.uuid }, { since });
  await waitFor(() => newcomer.notices.some((n) => n.code === 'replaced') || undefined, {
    what: 'the replaced notice',
  });
  assert.match(
    newcomer.notices.find((n) => n.code === 'replaced')?.message ?? '',
    /newer connection of client "rotating-01"/,
  );
  await newcomer.close();
  await pinned.close();
});
