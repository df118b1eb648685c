// The error catalogue's entries (src/errors.ts owns the codes and builds the catalogue from
// these): for each code, what it means, the next step in each door's words, the HTTP status and
// the CLI's exit status. docs/errors.md is checked against them (test/docs/errors-doc.test.ts).

import type { Door } from './next-step.js';

interface EntryShape {
  readonly meaning: string;
  readonly next: Readonly<Record<Door, string>>;
  readonly httpStatus: number | null;
  readonly exitStatus: number;
  readonly origin?: 'server' | 'graphql' | 'client';
  readonly retryable?: boolean;
  readonly clientWorded?: boolean;
}

/** The same next step for every door. */
const everyDoor = (text: string): Record<Door, string> => ({ graphql: text, mcp: text, cli: text });

export const errorEntries = {
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
    next: everyDoor('Use a key with the role the message names, or ask an admin for one.'),
    httpStatus: 403,
    exitStatus: 11,
  },
  UNTRUSTED_DOCUMENT: {
    meaning:
      'The GraphQL document is neither one the project ships (CLI, MCP tools, GraphiQL tabs) nor one an admin registered, and this server (ETPHONEHOME_TRUSTED_DOCUMENTS=1) or this API key (trustedDocumentsOnly) admits only trusted documents; nothing ran.',
    next: {
      graphql:
        'Send a shipped document unchanged, or have an admin register yours: `registerTrustedDocument(input: {document})` (its hash is in `extensions.documentHash`).',
      mcp: 'Upgrade etphonehome so the bridge and the server ship the same documents.',
      cli: 'Upgrade etphonehome so the CLI and the server ship the same documents, or have an admin run `etphonehome documents register FILE`.',
    },
    httpStatus: 403,
    exitStatus: 17,
  },
  CONFLICT: {
    meaning:
      'The request contradicts what exists: a name another client holds, or an idempotency key reused with other arguments.',
    next: everyDoor(
      'Choose another name (the message names the other client), or a new idempotency key.',
    ),
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
    next: everyDoor('Check the command, path or arguments against the client and retry.'),
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
} as const satisfies Record<string, EntryShape>;
