// How a failed command ends: one line on stderr ("etphonehome: …", the server's code in
// parentheses) and the exit status of docs/cli.md — 2 for usage errors, the catalogue's status
// for a code (src/errors.ts exitCodeOf), 4 when the server cannot be reached, 1 for the rest.

import { ConnectionError, GraphQLRequestError } from '../client/index.js';
import { exitCodeOf } from '../errors.js';
import { CommandError, oneLine, UsageError, type CommandIO } from './output.js';

/** Node's errors for an unreachable server (not of an operation): exit 4, like an offline client. */
const NETWORK_ERRORS: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/** node:util parseArgs refusing a flag. */
const PARSE_ARGS_ERRORS: ReadonlySet<string> = new Set([
  'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
]);

const USAGE_STATUS = 2;
const UNREACHABLE_STATUS = exitCodeOf.SERVER_UNREACHABLE;
const FAILED_STATUS = 1;

/** Tells the user why the command failed; returns the exit status. */
export function reportFailure(error: unknown, io: CommandIO): number {
  if (error instanceof UsageError || error instanceof ConnectionError) {
    io.err(`etphonehome: ${error.message}`);
    return USAGE_STATUS;
  }
  if (error instanceof GraphQLRequestError || error instanceof CommandError) {
    // The server's message, then its code: scripts read the exit status, people the words.
    // The server's words may quote what an agent said: one inert line.
    const message =
      error instanceof GraphQLRequestError ? oneLine(error.messageFor('cli')) : error.message;
    io.err(`etphonehome: ${message}${error.code ? ` (${error.code})` : ''}`);
    const code = error instanceof CommandError ? error.code : error.errorCode;
    const own = error instanceof CommandError ? error.exitCode : undefined;
    return own ?? (code ? exitCodeOf[code] : undefined) ?? FAILED_STATUS;
  }
  const nodeCode = (error as { code?: unknown } | null)?.code;
  if (typeof nodeCode === 'string' && PARSE_ARGS_ERRORS.has(nodeCode)) {
    io.err(`etphonehome: ${(error as Error).message}`);
    return USAGE_STATUS;
  }
  if (typeof nodeCode === 'string' && NETWORK_ERRORS.has(nodeCode)) {
    io.err(
      `etphonehome: cannot reach the server (${(error as Error).message}). Is it running? Check --url / ETPHONEHOME_URL.`,
    );
    return UNREACHABLE_STATUS;
  }
  io.err(`etphonehome: ${(error as Error | null)?.stack ?? String(error)}`);
  return FAILED_STATUS;
}
