import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAgentLogin, parseAgentLogin } from '../../src/protocol/identity.js';

const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';

test('agent logins round-trip, with and without an enrollment token', () => {
  assert.deepEqual(parseAgentLogin(formatAgentLogin({ uuid, enrollmentToken: null })), {
    uuid,
    enrollmentToken: null,
  });
  const token = 'etph_AbC-123_xyz';
  assert.deepEqual(parseAgentLogin(formatAgentLogin({ uuid, enrollmentToken: token })), {
    uuid,
    enrollmentToken: token,
  });
  assert.deepEqual(parseAgentLogin(uuid.toUpperCase()), { uuid, enrollmentToken: null });
});

test('anything else is not an agent login', () => {
  for (const bad of [
    'root',
    '',
    `${uuid}+`,
    `${uuid}+bad token`,
    `${uuid}+a`,
    `x${uuid}`,
    `${uuid}+${'a'.repeat(300)}`,
  ]) {
    assert.equal(parseAgentLogin(bad), null, JSON.stringify(bad));
  }
});
