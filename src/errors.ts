// One catalog of stable error codes. Throwing an AppError means "this message is safe to show":
// the GraphQL door turns it into an error with `extensions.code`, the MCP door into an `isError`
// result, the CLI into an exit status. Anything else that escapes is a bug: it is logged with a
// reference id and callers see only "internal error (ref …)".

export const ErrorCode = {
  notFound: 'NOT_FOUND',
  ambiguousClient: 'AMBIGUOUS_CLIENT',
  clientOffline: 'CLIENT_OFFLINE',
  keyMismatch: 'KEY_MISMATCH',
  pathDenied: 'PATH_DENIED',
  rateLimited: 'RATE_LIMITED',
  timeout: 'TIMEOUT',
  badUserInput: 'BAD_USER_INPUT',
  unauthenticated: 'UNAUTHENTICATED',
  /** The agent answered with an error of its own (file missing, too large …). */
  agentError: 'AGENT_ERROR',
  /** The link to the agent broke or the agent answered with something unusable. */
  agentUnavailable: 'AGENT_UNAVAILABLE',
  /** A client of the API (the stdio MCP bridge) cannot reach the server at its --url. */
  serverUnreachable: 'SERVER_UNREACHABLE',
  internal: 'INTERNAL_SERVER_ERROR',
} as const;

export type ErrorCodeName = (typeof ErrorCode)[keyof typeof ErrorCode];

/** CLI exit status per code (`run` exits with the remote command's own status instead). */
export const exitCodeOf: Record<ErrorCodeName, number> = {
  NOT_FOUND: 3,
  AMBIGUOUS_CLIENT: 3,
  CLIENT_OFFLINE: 4,
  KEY_MISMATCH: 5,
  PATH_DENIED: 6,
  RATE_LIMITED: 7,
  TIMEOUT: 8,
  BAD_USER_INPUT: 2,
  UNAUTHENTICATED: 9,
  AGENT_ERROR: 10,
  AGENT_UNAVAILABLE: 4,
  SERVER_UNREACHABLE: 4,
  INTERNAL_SERVER_ERROR: 1,
};

export class AppError extends Error {
  readonly code: ErrorCodeName;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCodeName, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
