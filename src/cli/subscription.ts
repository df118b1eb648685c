// Long-running CLI commands (watch, metrics --watch, webhooks watch) on a live subscription
// (src/client/live-subscription.ts reconnects with backoff by itself). This module is what
// people see of it: the state of the link on stderr, so stdout stays one line per event, and
// exit 0 on Ctrl-C.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import {
  followSubscription,
  GraphQLRequestError,
  websocketEndpoint,
  type Connection,
} from '../client/index.js';
import { ErrorCode } from '../errors.js';
import { CommandError, type CommandIO } from './output.js';

export interface StreamOptions<R, V> {
  document: TypedDocumentNode<R, V>;
  variables: V;
  onData(data: R): void;
  /** What is being watched, for the first stderr line. */
  what?: string;
  /** The variables of a resubscription after a reconnection (e.g. a cursor moved on). */
  resumeVariables?(): V;
  /** Called on every (re)connection, e.g. to fill the gap a reconnection left. */
  onConnected?(reconnected: boolean): void;
}

/** Resolves with exit status 0 on Ctrl-C (or when the server ends the stream). */
export async function streamSubscription<R, V>(
  io: CommandIO,
  connection: Connection,
  options: StreamOptions<R, V>,
): Promise<number> {
  const where = websocketEndpoint(connection.url).toString();
  try {
    await followSubscription(connection, {
      document: options.document,
      variables: options.variables,
      onData: options.onData,
      ...(options.resumeVariables ? { resumeVariables: options.resumeVariables } : {}),
      signal: io.interrupted?.(),
      onConnected(reconnected) {
        io.err(
          reconnected
            ? 'Reconnected.'
            : `Watching ${options.what ?? 'the fleet'} on ${where} (Ctrl-C to stop).`,
        );
        options.onConnected?.(reconnected);
      },
      onDisconnected({ everConnected, closeCode }) {
        io.err(
          everConnected
            ? `Lost the connection to the server${closeCode ? ` (close code ${closeCode})` : ''}; reconnecting with backoff…`
            : `Cannot reach the server at ${where} yet; retrying with backoff (Ctrl-C to stop)…`,
        );
      },
    });
    return 0;
  } catch (error) {
    if (error instanceof GraphQLRequestError && error.status === 401)
      throw new CommandError(
        ErrorCode.unauthenticated,
        'The server refused the API key. Check ETPHONEHOME_API_KEY (or the api_key file of --data-dir).',
      );
    throw error;
  }
}
