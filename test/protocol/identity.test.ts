import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkEnrollmentToken,
  describeLogin,
  formatAgentLogin,
  parseAgentLogin,
} from '../../src/protocol/identity.js';

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

test('enrollment tokens as pasted: trimmed, or a problem that never repeats them', () => {
  assert.deepEqual(checkEnrollmentToken('  etph_AbC-123_xyz\n'), { token: 'etph_AbC-123_xyz' });
  assert.deepEqual(checkEnrollmentToken(' '), { problem: 'the enrollment token is empty' });
  const inner = checkEnrollmentToken('etph_AbC 123_xyz');
  assert.ok('problem' in inner && /whitespace inside it/.test(inner.problem));
  assert.ok('problem' in inner && !inner.problem.includes('123_xyz'));
  const short = checkEnrollmentToken('etph');
  assert.ok('problem' in short && /8 to 256 characters \(this one has 4\)/.test(short.problem));
});

test('describeLogin: what identifies an attempt, never the token', () => {
  const token = `etph_${'S'.repeat(43)}`;
  assert.deepEqual(describeLogin(`${uuid}+${token} `), {
    usernameLength: 36 + 1 + token.length + 1,
    uuid,
    tokenLength: token.length + 1,
    tokenPrefix: 'etph_SSSSSS',
    problem: 'the enrollment token has whitespace around it',
  });
  const alone = describeLogin(token);
  assert.equal(alone.uuid, undefined);
  assert.equal(alone.tokenPrefix, undefined);
  assert.equal(alone.problem, 'the username is an enrollment token without the UUID before it');
  assert.equal(describeLogin(`${uuid}+short`).tokenPrefix, undefined, 'a short token: no prefix');
  assert.equal(describeLogin('root').problem, 'the username does not start with a UUID');
});
