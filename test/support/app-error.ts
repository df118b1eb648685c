// Asserting on the fleet's own refusals (AppError), as the in-process tests meet them before any
// door words them: the code, what the message names, and the details.

import assert from 'node:assert/strict';
import { AppError, type ErrorCodeName } from '../../src/errors.js';

export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCodeName,
  pattern?: RegExp,
): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AppError, `expected an AppError ${code}, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    if (pattern) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected ${code}`);
}
