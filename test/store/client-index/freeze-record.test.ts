// The records the client index keeps are frozen copies: nothing the caller still holds can change
// them, and their tag lists are deduplicated and sorted. A record frozen again with one field
// changed (a heartbeat's lastSeen, 10,000 records a minute) keeps the lists frozen before rather
// than copying them; a frozen list from anywhere else is still copied and normalised.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freezeRecord } from '../../../src/store/client-index/client-match.js';
import { clientRecord } from '../../support/store.js';

test('a frozen record is a copy: lists frozen, tags deduplicated and sorted', () => {
  const given = clientRecord(1, {
    tags: ['web', 'eu', 'web'],
    capabilities: ['docker'],
    allowedPaths: ['/srv'],
  });
  const frozen = freezeRecord(given);
  assert.ok(Object.isFrozen(frozen));
  assert.deepEqual(frozen.tags, ['eu', 'web']);
  for (const list of [frozen.tags, frozen.capabilities, frozen.allowedPaths])
    assert.ok(Object.isFrozen(list));
  (given.tags as string[]).push('db');
  (given.allowedPaths as string[]).push('/etc');
  assert.deepEqual(frozen.tags, ['eu', 'web'], 'the caller’s lists are not the record’s');
  assert.deepEqual(frozen.allowedPaths, ['/srv']);
});

test('frozen again with one field changed, the record keeps its lists', () => {
  const frozen = freezeRecord(clientRecord(2, { tags: ['b', 'a'], allowedPaths: ['/srv'] }));
  const touched = freezeRecord({ ...frozen, lastSeen: new Date('2026-02-01T00:00:00Z') });
  assert.notEqual(touched, frozen);
  assert.equal(touched.lastSeen.toISOString(), '2026-02-01T00:00:00.000Z');
  assert.equal(touched.tags, frozen.tags, 'the same frozen tag list, not a copy');
  assert.equal(touched.capabilities, frozen.capabilities);
  assert.equal(touched.allowedPaths, frozen.allowedPaths);
});

test('a frozen list made elsewhere is copied and normalised all the same', () => {
  const outside = Object.freeze(['web', 'db', 'web']) as string[];
  const frozen = freezeRecord(clientRecord(3, { tags: outside }));
  assert.notEqual(frozen.tags, outside);
  assert.deepEqual(frozen.tags, ['db', 'web']);
});
