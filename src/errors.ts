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
import type { Door, NextStep } from './next-step.js';
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

/** Who emits a code, which decides which callers can meet it. */
export const ErrorOrigin = {
  /** The fleet or the server: every door (GraphQL, MCP over HTTP and stdio, the CLI). */
  server: 'server',
  /** GraphQL's own checks of a request, before anything runs. */
  graphql: 'graphql',
  /** The CLI or the stdio MCP bridge, about the server they talk to. */
  client: 'client',
} as const;
export type ErrorOriginName = (typeof ErrorOrigin)[keyof typeof ErrorOrigin];

export interface ErrorCodeEntry {
  /** What happened, in one sentence. */
  readonly meaning: string;
  /** What to do next, in each door's own names (operations, tools, commands). */
  readonly next: Readonly<Record<Door, string>>;
  /**
   * The HTTP status when the code is a plain HTTP refusal or a GraphQL request error (spec:
   * application/graphql-response+json). A field error inside a GraphQL response travels in that
   * response's 200. Null: never answered by the server.
   */
  readonly httpStatus: number | null;
  /** The CLI's exit status (`run` exits with the remote command's own status instead). */
  readonly exitStatus: number;
  readonly origin: ErrorOriginName;
  /** The same request may succeed later, unchanged. */
  readonly retryable: boolean;
  /** The message is the client's own words: the MCP door fences it as data, not instructions. */
  readonly clientWorded: boolean;
}

type Entry = Omit<ErrorCodeEntry, 'retryable' | 'clientWorded' | 'origin'> &
  Partial<Pick<ErrorCodeEntry, 'retryable' | 'clientWorded' | 'origin'>>;

const entries: Record<ErrorCodeName, Entry> = {
  NOT_FOUND: {
    meaning: 'No client (or token, delivery, transfer) matches the name or id given.',
    next: {
      graphql: 'List the fleet with `clients` and pass a uuid or clientId from it.',
      mcp: 'Call list_clients or find_client and pass a client_id from the result.',
      cli: 'Run `etphonehome clients list` and use a clientId from it.',
    },
    httpStatus: 404,
    exitStatus: 3,
  },
  AMBIGUOUS_CLIENT: {
    meaning: 'A display name matches several clients; the message lists them.',
    next: {
      graphql: 'Pass one of the uuids in `extensions.candidates`, or a clientId.',
      mcp: 'Pass one of the listed uuids or clientIds as client_id.',
      cli: 'Use one of the listed clientIds.',
    },
    httpStatus: 400,
    exitStatus: 3,
  },
  CLIENT_OFFLINE: {
    meaning: 'The client is not connected now; the message says when it was last seen.',
    next: {
      graphql: 'Retry once it is back (`clientStatus` tells you), or pick an online client.',
      mcp: 'Call list_clients with online_only: true to pick a client that is online.',
      cli: 'Run `etphonehome clients list --online`, or `etphonehome watch --client C`.',
    },
    httpStatus: 503,
    exitStatus: 4,
    retryable: true,
  },
  KEY_MISMATCH: {
    meaning:
      'The client connected with a key other than its pinned one; every operation on it is refused.',
    next: {
      graphql:
        'Compare `publicKeyFingerprint` with `ssh-keygen -lf` on the machine, then `acceptKey(id:)`.',
      mcp: 'Have an operator verify the new fingerprint, then call accept_key.',
      cli: 'Check the fingerprint on the machine, then `etphonehome clients accept-key C`.',
    },
    httpStatus: 409,
    exitStatus: 5,
  },
  PATH_DENIED: {
    meaning:
      'A path or working directory lies outside the allowed paths (or the server’s transfer roots).',
    next: {
      graphql: 'Use a path inside those named, or change them with `updateClient(allowedPaths:)`.',
      mcp: 'Use a path inside those named, or change them with update_client (allowed_paths).',
      cli: 'Use a path inside those named, or `etphonehome clients update C --allowed-paths …`.',
    },
    httpStatus: 403,
    exitStatus: 6,
  },
  FORWARD_DENIED: {
    meaning:
      'A port-forward target is outside the client’s `forwardTargets` or the agent’s own `allowed_forwards`; nothing was connected.',
    next: {
      graphql:
        'Forward to a target both allow, or add it with `configureClient(input: {forwardTargets})` (and `allowed_forwards` on the machine).',
      mcp: 'Use a target both allow, or add it with configure_client and allowed_forwards on the machine.',
      cli: 'Use a target both allow, or `etphonehome clients configure C --forward-targets …` (and `phonehome --allowed-forwards …` on the machine).',
    },
    httpStatus: 403,
    exitStatus: 13,
  },
  RATE_LIMITED: {
    meaning: 'The client is over its rate limit in ENFORCE mode; the message says when to retry.',
    next: {
      graphql:
        'Retry after `extensions.retryAfterS`; see `rateLimitStats`, or raise the limit with `configureClient`.',
      mcp: 'Retry later; see get_rate_limit_stats, or raise the limit with configure_client.',
      cli: 'Retry later; see `etphonehome clients describe C`, or `clients configure C --rate-limit-rpm N`.',
    },
    httpStatus: 429,
    exitStatus: 7,
    retryable: true,
  },
  TIMEOUT: {
    meaning: 'The call ran past its deadline or was abandoned; it was cancelled on the client.',
    next: {
      graphql: 'Retry with a larger `timeout` (seconds), or run long work in the background.',
      mcp: 'Retry with a larger timeout, or run long work in the background.',
      cli: 'Retry with a larger `--timeout`, or run long work in the background.',
    },
    httpStatus: 504,
    exitStatus: 8,
    retryable: true,
  },
  BAD_USER_INPUT: {
    meaning: 'An argument is missing, out of range or malformed; nothing was changed.',
    next: {
      graphql: 'Fix the argument the message names (docs/API.md, Limits) and retry.',
      mcp: 'Fix the parameter the message names and call the tool again.',
      cli: 'Fix the flag or argument the message names (`--help`) and retry.',
    },
    httpStatus: 400,
    exitStatus: 2,
  },
  UNAUTHENTICATED: {
    meaning: 'No API key, or not a valid one.',
    next: {
      graphql:
        'Send `Authorization: Bearer <key>` (graphql-ws: `connectionParams.authorization`) with the key in <data-dir>/api_key.',
      mcp: 'Set ETPHONEHOME_API_KEY (stdio) or the Authorization header (HTTP) to the server’s key.',
      cli: 'Set ETPHONEHOME_API_KEY, or run on the server machine where <data-dir>/api_key is read.',
    },
    httpStatus: 401,
    exitStatus: 9,
  },
  FORBIDDEN: {
    meaning: 'The API key is valid but its role does not allow this operation.',
    next: {
      graphql: 'Use a key with the role the message names, or ask an admin for one.',
      mcp: 'Use a key with the role the message names, or ask an admin for one.',
      cli: 'Use a key with the role the message names, or ask an admin for one.',
    },
    httpStatus: 403,
    exitStatus: 11,
  },
  CONFLICT: {
    meaning:
      'The request contradicts what exists: a name another client holds, or an idempotency key reused with other arguments.',
    next: {
      graphql:
        'Choose another name (the message names the other client), or a new idempotency key.',
      mcp: 'Choose another name (the message names the other client), or a new idempotency key.',
      cli: 'Choose another name (the message names the other client), or a new idempotency key.',
    },
    httpStatus: 409,
    exitStatus: 12,
  },
  CONFIRMATION_INVALID: {
    meaning:
      'A confirmation_token that does not confirm this call: issued for other arguments, another tool or another API key, expired, or already used; nothing ran.',
    next: {
      graphql:
        'Call `confirmAction` again without `confirmationToken` for a new token bound to the exact arguments.',
      mcp: 'Call the tool again without confirmation_token to get the plan and a new token, show the plan to the user, then repeat the call exactly with that token.',
      cli: 'The CLI never needs confirmation tokens; check the MCP client or script that sent it.',
    },
    httpStatus: 409,
    exitStatus: 15,
  },
  CONFIRMATION_DECLINED: {
    meaning: 'The user declined the confirmation the MCP server asked for; nothing ran.',
    next: {
      graphql: 'Nothing to do: only MCP tools ask users to confirm.',
      mcp: 'Do not retry unless the user asks for it; tell the user nothing was run.',
      cli: 'Nothing to do: only MCP tools ask users to confirm.',
    },
    httpStatus: 409,
    exitStatus: 16,
  },
  NOT_RECORDED: {
    meaning:
      'The operation ran on the client, but the server could not write it to the audit trail (disk full, read-only store); do not retry it as if it had not run.',
    next: {
      graphql:
        'Check on the client what it did (`extensions.ran` says it ran), free space on the server, then carry on; a retry runs it again.',
      mcp: 'Check on the client what it did before anything else: it ran. Ask an operator to free space on the server; a retry runs it again.',
      cli: 'Check on the client what it did (it ran), free space on the server (`df` on its data directory); a retry runs it again.',
    },
    httpStatus: 507,
    // Its own status: a script must tell "it ran, do not retry" from a refused forward (13).
    exitStatus: 14,
  },
  AGENT_ERROR: {
    meaning: 'The agent on the client reported a failure of its own; its message is client data.',
    next: {
      graphql: 'Check the command, path or arguments against the client and retry.',
      mcp: 'Check the command, path or arguments against the client and retry.',
      cli: 'Check the command, path or arguments against the client and retry.',
    },
    httpStatus: 502,
    exitStatus: 10,
    clientWorded: true,
  },
  AGENT_UNAVAILABLE: {
    meaning:
      'The link to the agent broke during the call, or the agent answered with something unusable.',
    next: {
      graphql: 'Retry; if it persists, look at the client (`clientStatus`, its agent’s log).',
      mcp: 'Retry; if it persists, call describe_client and check the agent on the machine.',
      cli: 'Retry; if it persists, `etphonehome clients describe C` and the agent’s log.',
    },
    httpStatus: 502,
    exitStatus: 4,
    retryable: true,
  },
  INTERNAL_SERVER_ERROR: {
    meaning: 'A bug: the message carries a reference id found in the server log with the details.',
    next: {
      graphql: 'Report it with the `extensions.ref` id; the server log has the cause.',
      mcp: 'Report it with the ref id in the message; the server log has the cause.',
      cli: 'Report it with the ref id in the message; the server log has the cause.',
    },
    httpStatus: 500,
    exitStatus: 1,
  },
  BAD_REQUEST: {
    meaning:
      'The HTTP request is refused before GraphQL reads it: method, content type, Accept header or Content-Length.',
    next: {
      graphql:
        'POST application/json `{"query": …, "variables": …}` (GET only for queries and SSE subscriptions).',
      mcp: 'Check the MCP client’s HTTP settings (POST JSON to /mcp).',
      cli: 'Check --url / ETPHONEHOME_URL: it must point at the ET Phone Home server.',
    },
    httpStatus: 400,
    exitStatus: 2,
    origin: 'graphql',
  },
  GRAPHQL_PARSE_FAILED: {
    meaning: 'The document is not valid GraphQL syntax; nothing ran.',
    next: {
      graphql: 'Fix the syntax at the location the error gives.',
      mcp: 'Upgrade etphonehome so the bridge and the server agree.',
      cli: 'Upgrade etphonehome so the CLI and the server agree.',
    },
    httpStatus: 400,
    exitStatus: 2,
    origin: 'graphql',
  },
  GRAPHQL_VALIDATION_FAILED: {
    meaning:
      'The document does not fit the schema, or is over an operation limit (`extensions.limit: true`); nothing ran.',
    next: {
      graphql: 'Fix the field or argument named (see the Docs pane), or ask for less in one go.',
      mcp: 'Upgrade etphonehome so the bridge and the server agree.',
      cli: 'Upgrade etphonehome so the CLI and the server agree.',
    },
    httpStatus: 400,
    exitStatus: 2,
    origin: 'graphql',
  },
  OPERATION_RESOLUTION_FAILURE: {
    meaning:
      'The document holds several operations and the request names none of them (or one it does not hold).',
    next: {
      graphql: 'Send `operationName` naming the operation to run.',
      mcp: 'Upgrade etphonehome so the bridge and the server agree.',
      cli: 'Upgrade etphonehome so the CLI and the server agree.',
    },
    httpStatus: 400,
    exitStatus: 2,
    origin: 'graphql',
  },
  SERVER_UNREACHABLE: {
    meaning: 'The CLI or the stdio MCP bridge cannot reach the server at its URL.',
    next: {
      graphql: 'Check that the server runs and listens where you connect.',
      mcp: 'Check that the server runs and that --url / ETPHONEHOME_URL points at it.',
      cli: 'Check that the server runs and that --url / ETPHONEHOME_URL points at it.',
    },
    httpStatus: null,
    exitStatus: 4,
    origin: 'client',
    retryable: true,
  },
};

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
