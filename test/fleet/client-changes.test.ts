// Operator changes through the fleet itself (no door): a change with nothing in it is refused
// whatever door it came from, naming the fields one may give; a real change is saved and
// recorded; bulk tag changes apply to every client a filter selects.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pino from 'pino';
import { AppError, ErrorCode } from '../../src/errors.js';
import { createAuthorizedKeys } from '../../src/fleet/authorized-keys.js';
import { createFleet, type Fleet } from '../../src/fleet/index.js';
import { clientRecord, openTestStore, type TestStore } from '../support/store.js';

let testStore: TestStore;
let fleet: Fleet;
const caller = { actor: 'test' };

before(async () => {
  testStore = await openTestStore();
  const logger = pino({ level: 'silent' });
  fleet = createFleet({
    store: testStore.store,
    logger,
    authorizedKeys: createAuthorizedKeys(join('/nonexistent', 'authorized_keys'), logger),
    openEnrollment: false,
    rateLimitDefaults: { rpm: 60, concurrent: 10, mode: 'WARN' },
    health: {
      heartbeatIntervalS: 30,
      heartbeatFailures: 3,
      graceS: 60,
      heartbeatTimeoutS: 10,
      resourceChecks: false,
      thresholds: { cpu: 80, memory: 85, disk: 85 },
    },
    version: 'test',
  });
  await testStore.store.clients.insert(clientRecord(1, { clientId: 'web-01', tags: ['web'] }));
  await testStore.store.clients.insert(clientRecord(2, { clientId: 'web-02', tags: ['web'] }));
});

after(async () => {
  await fleet.stop();
  await testStore.close();
});

const refusal = (pattern: RegExp) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, ErrorCode.badUserInput);
  assert.match(error.message, pattern);
  return true;
};

test('an update or a configuration with nothing to change is refused, and changes nothing', async () => {
  const events = (await fleet.events.list({}, 100)).length;
  await assert.rejects(
    fleet.clients.update('web-01', {}, caller),
    refusal(
      /^Nothing to change for "web-01": give at least one of displayName, purpose, tags, allowedPaths \(MCP: display_name, purpose, tags, allowed_paths\)\.$/,
    ),
  );
  await assert.rejects(
    fleet.clients.update('web-01', { tags: null }, caller),
    refusal(/Nothing to change/),
  );
  await assert.rejects(
    fleet.clients.configure('web-01', {}, caller),
    refusal(
      /^Nothing to change for "web-01": give at least one of webhookUrl, webhookSecret, rateLimitRpm, .*resourceChecks \(MCP: webhook_url, .*resource_checks\)\.$/,
    ),
  );
  assert.equal((await fleet.events.list({}, 100)).length, events, 'nothing recorded');
});

test('a change is saved, returned and recorded; null clears, as before', async () => {
  const updated = await fleet.clients.update(
    'web-01',
    { displayName: ' Web One ', tags: ['web', 'production', 'web'] },
    caller,
  );
  assert.equal(updated.displayName, 'Web One');
  assert.deepEqual(updated.tags, ['production', 'web']);
  assert.deepEqual(await fleet.clients.get('web-01'), updated, 'as stored');
  const configured = await fleet.clients.configure(
    'web-01',
    { rateLimitRpm: 5, rateLimitMode: 'ENFORCE', resourceChecks: true },
    caller,
  );
  assert.equal(configured.rateLimitRpm, 5);
  assert.equal(configured.rateLimitMode, 'ENFORCE');
  assert.equal(configured.resourceChecks, true);
  const cleared = await fleet.clients.configure('web-01', { rateLimitRpm: null }, caller);
  assert.equal(cleared.rateLimitRpm, 60, 'back to the server default');
  const [latest] = await fleet.events.list({ clientId: 'web-01', events: ['client.updated'] }, 1);
  assert.deepEqual(latest?.data, { rate_limit_rpm: null });
});

test('tags change on every client a filter selects, in one go', async () => {
  const changed = await fleet.clients.updateMany(
    { tags: ['web'] },
    { addTags: ['fleet'], removeTags: ['production'] },
    caller,
  );
  assert.deepEqual(
    changed.map((c) => [c.clientId, c.tags]),
    [
      ['web-01', ['fleet', 'web']],
      ['web-02', ['fleet', 'web']],
    ],
  );
  assert.deepEqual((await fleet.clients.get('web-02')).tags, ['fleet', 'web']);
  await assert.rejects(
    fleet.clients.updateMany({ tags: ['web'] }, {}, caller),
    refusal(/Give addTags or removeTags/),
  );
});
