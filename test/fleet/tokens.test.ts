// Enrollment tokens, in process through the real hub and real
// agents, with open enrollment off (as a server runs by default): who gets in with which token,
// what a token gives the clients it admits, revocation.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startFleetHarness, type FleetHarness } from '../support/fleet-harness.js';
import { expectAppError } from '../support/app-error.js';
import { waitFor } from '../support/wait.js';

let h: FleetHarness;
before(async () => {
  h = await startFleetHarness({ openEnrollment: false });
});
after(() => h.close());

/** Resolves once the hub has refused a login of `uuid` (after `since` log lines). */
const refusedLogin = (uuid: string, since: number) =>
  waitFor(
    () =>
      h.log.lines
        .slice(since)
        .find((line) => line['msg'] === 'login refused' && line['uuid'] === uuid),
    { what: `a refused login of ${uuid}` },
  );

test('without a token an unknown key is refused; a token admits it with the metadata it carries', async () => {
  const stranger = await h.addAgent({ start: false });
  const from = h.log.lines.length;
  await stranger.start({ online: false });
  const refusal = await refusedLogin(stranger.uuid, from);
  assert.match(String(refusal['reason']), /open enrollment is off/);
  assert.equal(await h.fleet.clients.find(stranger.uuid), null);
  await stranger.close();

  const created = await h.fleet.tokens.create(
    { name: 'rack 7', displayName: 'Rack Seven', purpose: 'Batch jobs', tags: ['rack7'] },
    h.caller('ops'),
  );
  assert.match(created.token, /^etph_/);
  assert.equal(created.view.maxUses, 1, 'one use unless told');
  assert.equal(created.view.createdBy, 'ops');
  const enrolled = await h.addAgent({ hostname: 'rack7-01', enrollmentToken: created.token });
  const view = await h.fleet.clients.get(enrolled.uuid);
  assert.equal(view.enrolledVia, `enrollment_token:${created.view.prefix}`);
  assert.equal(view.displayName, 'Rack Seven');
  assert.equal(view.purpose, 'Batch jobs');
  assert.deepEqual(view.tags, ['rack7']);
  // Its key is pinned now: it comes back without the token.
  await enrolled.cut();

  const [used] = (await h.fleet.tokens.list(true)).filter((t) => t.id === created.view.id);
  assert.equal(used?.uses, 1);
  assert.equal(used?.active, false, 'used up');
  assert.deepEqual(
    (await h.fleet.tokens.list(false)).map((t) => t.id),
    [],
    'inactive tokens are listed only when asked',
  );

  const late = await h.addAgent({ start: false, enrollmentToken: created.token });
  const again = h.log.lines.length;
  await late.start({ online: false });
  await refusedLogin(late.uuid, again);
  await late.close();
});

test('a revoked token admits nobody; revoking an unknown token is NOT_FOUND', async () => {
  const created = await h.fleet.tokens.create({ maxUses: null }, h.caller());
  const revoked = await h.fleet.tokens.revoke(created.view.prefix);
  assert.equal(revoked.active, false);
  assert.ok(revoked.revokedAt);
  const agent = await h.addAgent({ start: false, enrollmentToken: created.token });
  const from = h.log.lines.length;
  await agent.start({ online: false });
  await refusedLogin(agent.uuid, from);
  await agent.close();
  await expectAppError(h.fleet.tokens.revoke('etph_nothing'), 'NOT_FOUND');
});

test('a token with bad settings is refused', async () => {
  await expectAppError(h.fleet.tokens.create({ maxUses: 0 }, h.caller()), 'BAD_USER_INPUT');
  await expectAppError(
    h.fleet.tokens.create({ expiresInSeconds: -1 }, h.caller()),
    'BAD_USER_INPUT',
  );
  await expectAppError(
    h.fleet.tokens.create({ tags: ['Not A Tag!'] }, h.caller()),
    'BAD_USER_INPUT',
  );
});
