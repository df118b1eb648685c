import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screamingEnum, type ValueOf } from '../../src/lib/screaming-enum.js';

test('each key maps to its SCREAMING_CASE wire value, at run time and in the type', () => {
  const State = screamingEnum('running', 'notStarted', 'ipv6Only');
  // The annotations fail `npm run check` if the type widened to string or spelled a value wrong.
  const notStarted: 'NOT_STARTED' = State.notStarted;
  const names: ValueOf<typeof State>[] = ['RUNNING', 'NOT_STARTED', 'IPV6_ONLY'];
  assert.equal(notStarted, 'NOT_STARTED');
  assert.deepEqual(Object.values(State), names);
  assert.deepEqual(Object.keys(State), ['running', 'notStarted', 'ipv6Only']);
  assert.ok(Object.isFrozen(State));
});
