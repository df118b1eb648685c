// The one table from agent failures to the error catalogue: every way a call fails and every
// code an agent reports maps to a catalogue code, with the messages the doors show.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError, ErrorCode } from '../../src/errors.js';
import { AgentCallError, AgentCallFailure } from '../../src/hub/errors.js';
import { AgentErrorCode } from '../../src/protocol/rpc.js';
import {
  agentErrorCodes,
  agentFailure,
  agentFailureKinds,
  codeOfAgentError,
  mapAgentFailure,
} from '../../src/fleet/failures.js';

const remote = (code: string, message = 'it went wrong') =>
  new AgentCallError('remote', message, { remoteCode: code, remoteData: { path: '/x' } });

test('every agent error code has an entry, and each maps where it should', () => {
  assert.deepEqual(Object.keys(agentErrorCodes).sort(), Object.values(AgentErrorCode).sort());
  const expected = {
    PATH_DENIED: ErrorCode.pathDenied,
    NOT_FOUND: ErrorCode.notFound,
    BAD_USER_INPUT: ErrorCode.badUserInput,
    TOO_LARGE: ErrorCode.badUserInput,
    PERMISSION_DENIED: ErrorCode.pathDenied,
    NOT_A_FILE: ErrorCode.agentError,
    NOT_A_DIRECTORY: ErrorCode.agentError,
    FAILED: ErrorCode.agentError,
  };
  for (const [agentCode, code] of Object.entries(expected)) {
    assert.equal(codeOfAgentError(agentCode), code, agentCode);
    const error = agentFailure(remote(agentCode, 'no such file'), 'web-01', 'read_file');
    assert.ok(error instanceof AppError);
    assert.equal(error.code, code, agentCode);
    assert.equal(error.message, 'Client "web-01": no such file');
    assert.deepEqual(error.details, { agentCode });
  }
});

test('a code the agent invents, or none, is AGENT_ERROR', () => {
  assert.equal(codeOfAgentError('SOMETHING_NEW'), ErrorCode.agentError);
  assert.equal(codeOfAgentError('toString'), ErrorCode.agentError, 'no inherited keys');
  assert.equal(codeOfAgentError(undefined), ErrorCode.agentError);
  assert.equal(agentFailure(remote('__proto__'), 'web-01', 'x').code, ErrorCode.agentError);
});

test('every way a call fails maps to a code, with a message naming the client and the step', () => {
  assert.deepEqual(
    Object.keys(agentFailureKinds).sort(),
    Object.values(AgentCallFailure)
      .filter((kind) => kind !== 'remote')
      .sort(),
  );
  const cases = [
    [
      'timeout',
      ErrorCode.timeout,
      'run_command on "web-01" timed out (no reply within 5 s); it was cancelled on the client.',
    ],
    [
      'aborted',
      ErrorCode.timeout,
      'run_command on "web-01" was abandoned by the caller and cancelled on the client.',
    ],
    [
      'closed',
      ErrorCode.agentUnavailable,
      'The link to "web-01" broke during run_command (no reply within 5 s). Check that the client is back online and retry.',
    ],
    [
      'protocol',
      ErrorCode.agentUnavailable,
      'Client "web-01" sent an unusable reply to run_command: no reply within 5 s.',
    ],
  ] as const;
  for (const [kind, code, message] of cases) {
    const error = agentFailure(
      new AgentCallError(kind, 'no reply within 5 s'),
      'web-01',
      'run_command',
    );
    assert.equal(error.code, code, kind);
    assert.equal(error.message, message);
  }
});

test('anything that is not an agent failure passes through unchanged', () => {
  const bug = new TypeError('a bug');
  assert.equal(mapAgentFailure(bug, 'web-01', 'x'), bug);
  const expected = new AppError(ErrorCode.badUserInput, 'bad');
  assert.equal(mapAgentFailure(expected, 'web-01', 'x'), expected);
});
