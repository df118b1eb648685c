// The error catalogue: every code the system emits, once, with what it means and how each door
// shows it — GraphQL's `extensions.code` (the code itself, also the schema's ErrorCode enum), the
// HTTP status of a plain refusal, the MCP door's wording, the CLI's exit status. A code position
// anywhere in src/ is typed `ErrorCodeName`, so no other code string can be written; docs/errors.md
// is checked against this table by test/docs/errors-doc.test.ts.
//
// Throwing an AppError means "this message is safe to show": the GraphQL door turns it into an
// error with `extensions.code`, the MCP door into an `isError` result, the CLI into an exit status.
// Anything else that escapes is a bug: it is logged with a reference id and callers see only
// "internal error (ref …)".

// Next steps are part of how an error is worded: whoever imports the catalogue gets them here.
import { errorEntries } from './error-entries.js';
import type { NextStep } from './next-step.js';
export {
  localise,
  named,
  nextStep,
  Operation,
  readSteps,
  wordStep,
  type NextStep,
  type OperationName,
  type StepClient,
} from './next-step.js';

export const ErrorCode = {
  notFound: 'NOT_FOUND',
  ambiguousClient: 'AMBIGUOUS_CLIENT',
  clientOffline: 'CLIENT_OFFLINE',
  keyMismatch: 'KEY_MISMATCH',
  pathDenied: 'PATH_DENIED',
  /** A port-forward target outside the client's forwardTargets or the agent's allowed_forwards. */
  forwardDenied: 'FORWARD_DENIED',
  rateLimited: 'RATE_LIMITED',
  timeout: 'TIMEOUT',
  badUserInput: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  /** The caller is known but its role does not allow this operation. */
  forbidden: 'FORBIDDEN',
  /** A GraphQL document neither shipped nor registered, where only trusted documents run. */
  untrustedDocument: 'UNTRUSTED_DOCUMENT',
  /** The request contradicts what exists: a name already taken, an idempotency key reused. */
  conflict: 'CONFLICT',
  /** A confirmation token that does not confirm this call: other arguments, expired, used. */
  confirmationInvalid: 'CONFIRMATION_INVALID',
  /** The user declined a confirmation the MCP server asked for; nothing ran. */
  confirmationDeclined: 'CONFIRMATION_DECLINED',
  /** The agent answered with an error of its own (file missing, too large …). */
  agentError: 'AGENT_ERROR',
  /** The link to the agent broke or the agent answered with something unusable. */
  agentUnavailable: 'AGENT_UNAVAILABLE',
  /** It ran on the client, but the server could not record it (disk full, read-only store). */
  notRecorded: 'NOT_RECORDED',
  internal: 'INTERNAL_SERVER_ERROR',
  /** The HTTP request itself is refused before GraphQL reads it (method, content type …). */
  badRequest: 'BAD_REQUEST',
  /** The document is not GraphQL (yoga's code, passed through). */
  graphqlParseFailed: 'GRAPHQL_PARSE_FAILED',
  /** The document does not fit the schema or an operation limit. */
  graphqlValidationFailed: 'GRAPHQL_VALIDATION_FAILED',
  /** A document with several operations and no (or an unknown) operationName (yoga's code). */
  operationResolutionFailure: 'OPERATION_RESOLUTION_FAILURE',
  /** The CLI or the stdio MCP bridge cannot reach the server (never sent by the server). */
  serverUnreachable: 'SERVER_UNREACHABLE',
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The doors a caller meets the system through; each words the next step in its own names. */
export type { Door } from './next-step.js';

// Who emits a code and the shape of a catalogue entry live in ./error-entry.ts.
export { ErrorOrigin, type ErrorCodeEntry, type ErrorOriginName } from './error-entry.js';
import { ErrorOrigin, type ErrorCodeEntry } from './error-entry.js';

type Entry = Omit<ErrorCodeEntry, 'retryable' | 'clientWorded' | 'origin'> &
  Partial<Pick<ErrorCodeEntry, 'retryable' | 'clientWorded' | 'origin'>>;

// The entries themselves (meaning, next steps, statuses) live in ./error-entries.ts, keyed by
// code: a missing or unknown code there does not compile here.
const entries: Record<ErrorCodeName, Entry> = errorEntries;

/** The catalogue: one entry per code. */
export const errorCatalog: Readonly<Record<ErrorCodeName, ErrorCodeEntry>> = Object.freeze(
  Object.fromEntries(
    Object.entries(entries).map(([code, entry]) => [
      code,
      Object.freeze({
        ...entry,
        origin: entry.origin ?? ErrorOrigin.server,
        retryable: entry.retryable ?? false,
        clientWorded: entry.clientWorded ?? false,
      }),
    ]),
  ) as Record<ErrorCodeName, ErrorCodeEntry>,
);

/** Every code, in the catalogue's order. */
export const errorCodes: readonly ErrorCodeName[] = Object.freeze(
  Object.keys(entries) as ErrorCodeName[],
);

/** True for a catalogue code: use it to read a code that arrived over the wire. */
export function isErrorCode(value: unknown): value is ErrorCodeName {
  return typeof value === 'string' && Object.hasOwn(entries, value);
}

/** CLI exit status per code (`run` exits with the remote command's own status instead). */
export const exitCodeOf: Readonly<Record<ErrorCodeName, number>> = Object.freeze(
  Object.fromEntries(errorCodes.map((code) => [code, errorCatalog[code].exitStatus])) as Record<
    ErrorCodeName,
    number
  >,
);

export class AppError extends Error {
  readonly code: ErrorCodeName;
  readonly details: Record<string, unknown> | undefined;
  /**
   * The operations the message names as next steps, in GraphQL's words (`named(step)`): each
   * door rewords them in its own names (next-step.ts). Sent as `extensions.nextSteps`.
   */
  readonly steps: readonly NextStep[];

  constructor(
    code: ErrorCodeName,
    message: string,
    details?: Record<string, unknown>,
    steps: readonly NextStep[] = [],
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.steps = steps;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
