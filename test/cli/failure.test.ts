// How a failed command ends: the stderr line and the exit status of docs/cli.md, for each kind
// of failure (usage, connection, the server's codes, the CLI's own, parseArgs, the network).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from 'node:util';
import { ConnectionError, GraphQLRequestError } from '../../src/client/index.js';
import { reportFailure } from '../../src/cli/failure.js';
import { CommandError, UsageError, type CommandIO } from '../../src/cli/output.js';
import { ErrorCode, exitCodeOf } from '../../src/errors.js';

function report(error: unknown): { status: number; stderr: string } {
  const lines: string[] = [];
  const io: CommandIO = { out: () => undefined, err: (t) => void lines.push(t), env: {} };
  const status = reportFailure(error, io);
  return { status, stderr: lines.join('\n') };
}

const serverError = (code: string | undefined, message = 'it failed') =>
  new GraphQLRequestError([{ message, ...(code ? { extensions: { code } } : {}) }], 200);

test('usage and connection errors: exit 2 with the message', () => {
  assert.deepEqual(report(new UsageError('run needs a client')), {
    status: 2,
    stderr: 'etphonehome: run needs a client',
  });
  assert.equal(report(new ConnectionError('No API key')).status, 2);
});

test("the server's code: its catalogue status, the code after the message", () => {
  for (const code of Object.values(ErrorCode)) {
    const { status, stderr } = report(serverError(code));
    assert.equal(status, exitCodeOf[code], code);
    assert.equal(stderr, `etphonehome: it failed (${code})`);
  }
  // A code outside the catalogue (a newer server's) is shown, and fails with 1.
  assert.deepEqual(report(serverError('SOME_NEWER_CODE')), {
    status: 1,
    stderr: 'etphonehome: it failed (SOME_NEWER_CODE)',
  });
  assert.deepEqual(report(serverError(undefined)), { status: 1, stderr: 'etphonehome: it failed' });
});

test("the CLI's own failures: the code's status, or the command's own", () => {
  assert.deepEqual(report(new CommandError(ErrorCode.notFound, 'No client "x".')), {
    status: 3,
    stderr: 'etphonehome: No client "x". (NOT_FOUND)',
  });
  assert.equal(report(new CommandError(ErrorCode.unauthenticated, 'refused')).status, 9);
  assert.deepEqual(report(new CommandError(null, 'The receiver said no.', 1)), {
    status: 1,
    stderr: 'etphonehome: The receiver said no.',
  });
});

test('a flag parseArgs refuses is a usage error', () => {
  let refusal: unknown;
  try {
    parseArgs({ args: ['--bogus'], options: {}, strict: true });
  } catch (error) {
    refusal = error;
  }
  assert.equal(report(refusal).status, 2);
});

test('an unreachable server: exit 4 and where to look', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
    code: 'ECONNREFUSED',
  });
  const { status, stderr } = report(refused);
  assert.equal(status, 4);
  assert.match(stderr, /cannot reach the server .*ECONNREFUSED.*--url \/ ETPHONEHOME_URL/);
});

test('anything else is a bug: exit 1 with its stack', () => {
  const { status, stderr } = report(new TypeError('x is undefined'));
  assert.equal(status, 1);
  assert.match(stderr, /^etphonehome: TypeError: x is undefined\n\s+at /);
});
