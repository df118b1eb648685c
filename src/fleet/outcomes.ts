// Expected failures as data: one client's part in a bulk operation, a sample that could not be
// taken, a stop command that failed. An AppError becomes { code, message }; anything else is a
// bug and is thrown again.

import { AppError, type ErrorCodeName, type NextStep } from '../errors.js';
import type { ClientView } from './client-view.js';

/** An expected failure reported as data: the AppError's code and message. */
export interface OperationFailure {
  code: ErrorCodeName;
  message: string;
  /** The operations the message names (AppError.steps), for each door to word its own way. */
  steps?: readonly NextStep[];
}

/** The outcome of one client's part in a bulk operation: a result or an error. */
export interface ClientOutcome<T> {
  client: ClientView;
  result: T | null;
  error: OperationFailure | null;
}

/** An expected failure (AppError) as data; anything else is a bug and is thrown again. */
export function failureOf(error: unknown): OperationFailure {
  if (error instanceof AppError)
    return { code: error.code, message: error.message, steps: error.steps };
  throw error;
}
