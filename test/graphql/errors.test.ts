// What GraphQL callers see when something fails: every error leaves with a catalogue code, an
// AppError keeps its message and details, GraphQL's own errors keep their message and get the
// catalogue's code for them (over graphql-ws too, where yoga codes nothing), and a bug is masked
// behind a reference id that the log carries with the cause.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { buildSchema, GraphQLError, parse, validate } from 'graphql';
import pino from 'pino';
import { AppError, ErrorCode, errorCatalog, isErrorCode } from '../../src/errors.js';
import {
  codedError,
  createMaskError,
  operationChoiceError,
  refusalBody,
} from '../../src/graphql/errors.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, maskError: createMaskError(pino({ level: 'error' }, stream)) };
}

function masked(error: unknown): GraphQLError {
  const out = capture().maskError(error);
  assert.ok(out instanceof GraphQLError, 'a GraphQLError');
  const code = out.extensions.code;
  assert.ok(isErrorCode(code), `extensions.code ${String(code)} is a catalogue code`);
  return out;
}

/** An error as graphql-js reports a resolver's failure: located, with the original attached. */
function located(original: Error): GraphQLError {
  return new GraphQLError(original.message, { path: ['client', 'uuid'], originalError: original });
}

test('an AppError goes out with its code, message and details', () => {
  const error = masked(
    located(
      new AppError(ErrorCode.ambiguousClient, '"web" matches more than one client', {
        candidates: ['a', 'b'],
      }),
    ),
  );
  assert.equal(error.message, '"web" matches more than one client');
  assert.deepEqual(error.extensions, { candidates: ['a', 'b'], code: 'AMBIGUOUS_CLIENT' });
  assert.deepEqual(error.path, ['client', 'uuid']);
  assert.equal(error.originalError, undefined, 'no originalError: yoga would call it unexpected');
});

test('a bug is masked behind a reference id that the log carries with its cause', () => {
  const { lines, maskError } = capture();
  const out = maskError(located(new TypeError('cannot read properties of undefined')));
  assert.ok(out instanceof GraphQLError);
  assert.equal(out.extensions.code, ErrorCode.internal);
  const ref = out.extensions['ref'];
  assert.match(String(ref), /^[0-9a-f]{8}$/);
  assert.equal(out.message, `Internal error (ref ${String(ref)}). The server log has the details.`);
  assert.doesNotMatch(out.message, /cannot read/);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]?.['ref'], ref);
  assert.match(JSON.stringify(lines[0]?.['err']), /cannot read properties of undefined/);
});

test("GraphQL's own errors keep their message and get the catalogue's code", () => {
  const schema = buildSchema('type Query { a: Int }');
  const [invalid] = validate(schema, parse('{ b }'));
  assert.ok(invalid);
  // Yoga codes validation errors itself; one that arrives without a code gets it here.
  assert.equal(masked(invalid).extensions.code, ErrorCode.graphqlValidationFailed);
  const coded = new GraphQLError(invalid.message, {
    extensions: { code: ErrorCode.graphqlValidationFailed },
  });
  assert.equal(masked(coded), coded, 'a coded error passes through as it is');
  assert.equal(masked(coded).extensions.code, ErrorCode.graphqlValidationFailed);

  // Over graphql-ws yoga codes no syntax error.
  let syntax: unknown;
  try {
    parse('{ clients { ');
  } catch (error) {
    syntax = error;
  }
  const parsed = masked(syntax);
  assert.equal(parsed.extensions.code, ErrorCode.graphqlParseFailed);
  assert.match(parsed.message, /^Syntax Error:/);

  const several = masked(
    new GraphQLError('Must provide operation name if query contains multiple operations.'),
  );
  assert.equal(several.extensions.code, ErrorCode.operationResolutionFailure);
  const other = masked(new GraphQLError('Something else the request got wrong.'));
  assert.equal(other.extensions.code, ErrorCode.badRequest);
});

test('an operation over a limit names the limit, as a validation failure', () => {
  const error = masked(
    new GraphQLError('Syntax Error: Query depth limit of 10 exceeded, found 12.'),
  );
  assert.equal(error.extensions.code, ErrorCode.graphqlValidationFailed);
  assert.equal(error.extensions['limit'], true);
  assert.match(error.message, /^Query depth limit of 10 exceeded, found 12\. Ask for less/);
});

test('variables that do not fit, and requests that cannot be read, are bad input', () => {
  const variable = masked(
    new GraphQLError(
      'Variable "$mode" got invalid value "enforce"; Value "enforce" does not exist',
    ),
  );
  assert.equal(variable.extensions.code, ErrorCode.badUserInput);
  assert.match(variable.message, /^Variable "\$mode"/);

  const deep = masked(new RangeError('Maximum call stack size exceeded'));
  assert.equal(deep.extensions.code, ErrorCode.badUserInput);
  assert.deepEqual(deep.extensions['http'], { status: 400 });
  const json = masked(new SyntaxError('Unexpected token } in JSON at position 3'));
  assert.equal(json.extensions.code, ErrorCode.badUserInput);
});

test('a code yoga invents that the catalogue lacks becomes BAD_REQUEST, keeping its status', () => {
  const error = masked(
    new GraphQLError('Request body too large', {
      extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' as never, http: { status: 413 } },
    }),
  );
  assert.equal(error.extensions.code, ErrorCode.badRequest);
  assert.deepEqual(error.extensions['http'], { status: 413 });
  assert.equal(error.message, 'Request body too large');
});

test("codedError and refusalBody carry the catalogue's code (and its HTTP status when asked)", () => {
  const error = codedError(ErrorCode.rateLimited, 'Slow down.', {
    extensions: { retryAfterS: 3 },
    httpStatus: true,
  });
  assert.deepEqual(error.extensions, {
    retryAfterS: 3,
    code: 'RATE_LIMITED',
    http: { status: errorCatalog.RATE_LIMITED.httpStatus },
  });
  assert.deepEqual(JSON.parse(refusalBody(ErrorCode.unauthenticated, 'Missing API key.')), {
    errors: [{ message: 'Missing API key.', extensions: { code: 'UNAUTHENTICATED' } }],
  });
});

test('a document whose operation cannot be chosen names the operations it holds', () => {
  const document = parse('query A { a } mutation B { b } { c }');
  const none = operationChoiceError(document, undefined);
  assert.equal(none.extensions.code, ErrorCode.operationResolutionFailure);
  assert.equal(
    none.message,
    'Unable to identify operation: the document holds the operations A, B, (anonymous); send operationName naming the one to run.',
  );
  assert.match(operationChoiceError(document, 'C').message, /no operation named "C" \(it holds/);
});

test('extensions.code is typed from the catalogue; an invented code still leaves as one', () => {
  // @ts-expect-error: GraphQLErrorExtensions.code is ErrorCodeName (src/graphql/errors.ts).
  const invented = new GraphQLError('x', { extensions: { code: 'SOMETHING_ELSE' } });
  assert.equal(masked(invented).extensions.code, ErrorCode.badRequest);
});
