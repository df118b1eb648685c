// Long-running CLI commands (watch, metrics --watch) on a GraphQL subscription over graphql-ws:
// the API key in connectionParams.authorization, reconnection with exponential backoff and full
// jitter when the server goes away or stops answering pings (it resubscribes by itself), and a
// clean end on Ctrl-C.
// Connection state goes to stderr, so stdout stays one line per event.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { createBackoff } from '../lib/backoff.js';
import { GraphQLRequestError, type GraphQLErrorItem } from './graphql-client.js';
import { CommandError, type CommandIO } from './output.js';

export interface StreamOptions<R, V> {
  document: TypedDocumentNode<R, V>;
  variables: V;
  onData(data: R): void;
  /** What is being watched, for the first stderr line. */
  what?: string;
  /** Called on every (re)connection, e.g. to fill the gap a reconnection left. */
  onConnected?(reconnected: boolean): void;
}

const FORBIDDEN = 4403;
const KEEPALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 5_000;
const UNAUTHORIZED = 4401;

function closeCode(value: unknown): number | undefined {
  return typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'number'
    ? value.code
    : undefined;
}

/** Resolves with exit status 0 on Ctrl-C (or when the server ends the stream). */
export function streamSubscription<R, V>(
  io: CommandIO,
  connection: { url: string; apiKey: string },
  options: StreamOptions<R, V>,
): Promise<number> {
  const wsUrl = new URL('/graphql', connection.url);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const backoff = createBackoff({ baseMs: 1000, capMs: 30_000 });
  let connectedOnce = false;
  let down = false;
  let stopping = false;
  // A server that vanished without closing the TCP connection is found by its missing pong.
  let socket: WebSocket | undefined;
  let pongTimer: NodeJS.Timeout | undefined;

  const client: Client = createClient({
    url: wsUrl.toString(),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${connection.apiKey}` },
    lazy: true,
    keepAlive: KEEPALIVE_MS,
    // A server that accepts the socket but never acknowledges is retried too.
    connectionAckWaitTimeout: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => {
      const code = closeCode(event);
      return code !== FORBIDDEN && code !== UNAUTHORIZED;
    },
    retryWait: async () => {
      // Full jitter, but never a busy loop: at least 250 ms between attempts.
      await new Promise((resolve) => setTimeout(resolve, Math.max(250, backoff.nextDelayMs())));
    },
    on: {
      connected: (connected) => {
        socket = connected as WebSocket;
        backoff.reset();
        if (!connectedOnce)
          io.err(
            `Watching ${options.what ?? 'the fleet'} on ${wsUrl.toString()} (Ctrl-C to stop).`,
          );
        else if (down) io.err('Reconnected.');
        const reconnected = connectedOnce;
        connectedOnce = true;
        down = false;
        options.onConnected?.(reconnected);
      },
      ping: (received) => {
        if (received) return;
        clearTimeout(pongTimer);
        pongTimer = setTimeout(() => {
          // terminate, not close: a close handshake would wait for the silent server.
          if (socket?.readyState === WebSocket.OPEN) socket.terminate();
        }, PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongTimer);
      },
      closed: (event) => {
        clearTimeout(pongTimer);
        if (stopping || down) return;
        const code = closeCode(event);
        if (code === FORBIDDEN || code === UNAUTHORIZED) return;
        down = true;
        io.err(
          connectedOnce
            ? `Lost the connection to the server${code ? ` (close code ${code})` : ''}; reconnecting with backoff…`
            : `Cannot reach the server at ${wsUrl.toString()} yet; retrying with backoff (Ctrl-C to stop)…`,
        );
      },
      error: () => undefined, // the close that follows is reported
    },
  });

  return new Promise<number>((resolve, reject) => {
    const signal = io.interrupted?.();
    const finish = (outcome: () => void): void => {
      if (stopping) return;
      stopping = true;
      signal?.removeEventListener('abort', onAbort);
      void client.dispose();
      outcome();
    };
    const onAbort = (): void => finish(() => resolve(0));
    signal?.addEventListener('abort', onAbort, { once: true });

    client.subscribe<R>(
      {
        query: print(options.document),
        variables: options.variables as Record<string, unknown>,
      },
      {
        next: (value) => {
          if (value.errors && value.errors.length > 0) {
            const errors = value.errors as unknown as GraphQLErrorItem[];
            finish(() => reject(new GraphQLRequestError(errors, 200)));
            return;
          }
          if (value.data) options.onData(value.data as R);
        },
        error: (error) => {
          const code = closeCode(error);
          if (code === FORBIDDEN || code === UNAUTHORIZED) {
            finish(() =>
              reject(
                new CommandError(
                  'UNAUTHENTICATED',
                  'The server refused the API key. Check ETPHONEHOME_API_KEY (or the api_key file of --data-dir).',
                ),
              ),
            );
            return;
          }
          if (Array.isArray(error)) {
            finish(() => reject(new GraphQLRequestError(error as GraphQLErrorItem[], 200)));
            return;
          }
          finish(() =>
            reject(
              error instanceof Error
                ? error
                : new Error(`subscription failed: ${JSON.stringify(error)}`),
            ),
          );
        },
        complete: () => finish(() => resolve(0)),
      },
    );
  });
}
