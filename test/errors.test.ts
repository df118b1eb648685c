// The error catalogue is the one place codes are written: every code has its meaning, a next step
// for each door, an HTTP status and an exit status, and the doors' statuses keep the meanings
// scripts rely on (docs/cli.md's exit statuses).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppError,
  ErrorCode,
  errorCatalog,
  errorCodes,
  exitCodeOf,
  isAppError,
  isErrorCode,
} from '../src/errors.js';

test('every code of ErrorCode has a catalogue entry, and nothing else has one', () => {
  assert.deepEqual([...errorCodes].sort(), Object.values(ErrorCode).sort());
  for (const code of errorCodes) {
    const entry = errorCatalog[code];
    assert.match(code, /^[A-Z][A-Z_]+$/, 'SCREAMING_CASE');
    assert.ok(entry.meaning.endsWith('.'), `${code}: a sentence`);
    for (const door of ['graphql', 'mcp', 'cli'] as const)
      assert.ok(entry.next[door].length > 10, `${code}: a next step for ${door}`);
    assert.ok(Number.isInteger(entry.exitStatus) && entry.exitStatus >= 1 && entry.exitStatus < 64);
    if (entry.origin === 'client') assert.equal(entry.httpStatus, null, code);
    else assert.ok(entry.httpStatus !== null && entry.httpStatus >= 400, code);
  }
});

test('each door words the next step in its own names', () => {
  assert.match(errorCatalog.KEY_MISMATCH.next.graphql, /acceptKey/);
  assert.match(errorCatalog.KEY_MISMATCH.next.mcp, /accept_key/);
  assert.match(errorCatalog.KEY_MISMATCH.next.cli, /etphonehome clients accept-key/);
  assert.match(errorCatalog.PATH_DENIED.next.graphql, /updateClient\(allowedPaths:\)/);
  assert.match(errorCatalog.PATH_DENIED.next.mcp, /update_client \(allowed_paths\)/);
  assert.match(errorCatalog.PATH_DENIED.next.cli, /--allowed-paths/);
});

test('exit statuses keep the meanings scripts rely on', () => {
  assert.deepEqual(
    {
      BAD_USER_INPUT: exitCodeOf.BAD_USER_INPUT,
      NOT_FOUND: exitCodeOf.NOT_FOUND,
      AMBIGUOUS_CLIENT: exitCodeOf.AMBIGUOUS_CLIENT,
      CLIENT_OFFLINE: exitCodeOf.CLIENT_OFFLINE,
      AGENT_UNAVAILABLE: exitCodeOf.AGENT_UNAVAILABLE,
      KEY_MISMATCH: exitCodeOf.KEY_MISMATCH,
      PATH_DENIED: exitCodeOf.PATH_DENIED,
      RATE_LIMITED: exitCodeOf.RATE_LIMITED,
      TIMEOUT: exitCodeOf.TIMEOUT,
      UNAUTHENTICATED: exitCodeOf.UNAUTHENTICATED,
      AGENT_ERROR: exitCodeOf.AGENT_ERROR,
      INTERNAL_SERVER_ERROR: exitCodeOf.INTERNAL_SERVER_ERROR,
      SERVER_UNREACHABLE: exitCodeOf.SERVER_UNREACHABLE,
    },
    {
      BAD_USER_INPUT: 2,
      NOT_FOUND: 3,
      AMBIGUOUS_CLIENT: 3,
      CLIENT_OFFLINE: 4,
      AGENT_UNAVAILABLE: 4,
      KEY_MISMATCH: 5,
      PATH_DENIED: 6,
      RATE_LIMITED: 7,
      TIMEOUT: 8,
      UNAUTHENTICATED: 9,
      AGENT_ERROR: 10,
      INTERNAL_SERVER_ERROR: 1,
      SERVER_UNREACHABLE: 4,
    },
  );
  // The codes for roles and names (issues 15 and 17) get statuses of their own.
  const taken = new Set(
    errorCodes
      .filter((code) => code !== 'FORBIDDEN' && code !== 'CONFLICT')
      .map((code) => exitCodeOf[code]),
  );
  assert.ok(!taken.has(exitCodeOf.FORBIDDEN) && !taken.has(exitCodeOf.CONFLICT));
  assert.notEqual(exitCodeOf.FORBIDDEN, exitCodeOf.CONFLICT);
});

test('only AGENT_ERROR carries the client’s own words; the transient codes are retryable', () => {
  assert.deepEqual(
    errorCodes.filter((code) => errorCatalog[code].clientWorded),
    ['AGENT_ERROR'],
  );
  assert.deepEqual(errorCodes.filter((code) => errorCatalog[code].retryable).sort(), [
    'AGENT_UNAVAILABLE',
    'CLIENT_OFFLINE',
    'RATE_LIMITED',
    'SERVER_UNREACHABLE',
    'TIMEOUT',
  ]);
});

test('isErrorCode reads codes from the wire; AppError carries one', () => {
  assert.ok(isErrorCode('NOT_FOUND'));
  for (const value of ['not_found', 'TOO_LARGE', 'toString', '', null, 3, undefined])
    assert.equal(isErrorCode(value), false, String(value));
  const error = new AppError(ErrorCode.conflict, 'Name "web-01" is taken by client web-01.', {
    other: 'web-01',
  });
  assert.ok(isAppError(error));
  assert.equal(error.code, 'CONFLICT');
  assert.deepEqual(error.details, { other: 'web-01' });
  assert.equal(isAppError(new Error('x')), false);
});
