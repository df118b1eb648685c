// Asserting on the errors the GraphQL API answers with: the code, and what the message names.

import assert from 'node:assert/strict';
import { GraphQLRequestError } from '../../src/client/index.js';

export async function expectError(
  promise: Promise<unknown>,
  code: string,
  pattern?: RegExp,
): Promise<GraphQLRequestError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(
      error instanceof GraphQLRequestError,
      `expected a GraphQL error, got ${String(error)}`,
    );
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected ${code}`);
}
