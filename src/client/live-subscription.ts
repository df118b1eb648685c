// A long-lived subscription over graphql-ws that outlives the server: the API key in
// connectionParams.authorization, reconnection with exponential backoff and full jitter when the
// server goes away or stops answering pings (graphql-ws resubscribes by itself), and a clean end
// when the caller's signal aborts. What to tell people about the link is the caller's: it is
// told when the link comes up, and once per outage when it goes down.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ErrorCode } from '../errors.js';
import { createBackoff } from '../lib/backoff.js';
import { connectionParams, websocketEndpoint, type Connection } from './endpoint.js';
import { GraphQLRequestError, type GraphQLErrorItem } from './graphql-client.js';

export interface LiveSubscriptionOptions<R, V> {
  document: TypedDocumentNode<R, V>;
  variables: V;
  onData(data: R): void;
  /**
   * The variables of each resubscription after a reconnection (asked as the link comes back),
   * e.g. a cursor moved on to the last item received, so that the server resumes after it.
   */
  resumeVariables?(): V;
  /** Every (re)connection, e.g. to fill the gap a reconnection left; false the first time. */
  onConnected?(reconnected: boolean): void;
  /** Once per outage: the link is down (or not up yet) and is being retried. */
  onDisconnected?(outage: { everConnected: boolean; closeCode: number | undefined }): void;
  /** Aborting it ends the subscription; the promise then resolves. */
  signal?: AbortSignal | undefined;
}

/** graphql-ws close codes of a refused key: retrying cannot help. */
const FORBIDDEN = 4403;
const UNAUTHORIZED = 4401;
/** A ping every 15 s; a server whose pong is 5 s late is taken for gone. */
const KEEPALIVE_MS = 15_000;
const PONG_TIMEOUT_MS = 5_000;
/** A server that accepts the socket but never acknowledges is retried too. */
const ACK_TIMEOUT_MS = 10_000;
const BACKOFF = { baseMs: 1000, capMs: 30_000 };
/** Full jitter, but never a busy loop. */
const MIN_RETRY_WAIT_MS = 250;

function closeCode(value: unknown): number | undefined {
  return typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'number'
    ? value.code
    : undefined;
}

const refusedKey = (code: number | undefined): boolean =>
  code === FORBIDDEN || code === UNAUTHORIZED;

/**
 * Resolves when the signal aborts or the server completes the stream; rejects with a
 * GraphQLRequestError when the server answers with errors (status 401, UNAUTHENTICATED, when it
 * refuses the key).
 */
export function followSubscription<R, V>(
  connection: Connection,
  options: LiveSubscriptionOptions<R, V>,
): Promise<void> {
  const backoff = createBackoff(BACKOFF);
  let connectedOnce = false;
  let down = false;
  let stopping = false;
  // A server that vanished without closing the TCP connection is found by its missing pong.
  let socket: WebSocket | undefined;
  let pongTimer: NodeJS.Timeout | undefined;

  const payload = {
    query: print(options.document),
    variables: options.variables as Record<string, unknown>,
  };
  const client: Client = createClient({
    url: websocketEndpoint(connection.url).toString(),
    webSocketImpl: WebSocket,
    connectionParams: connectionParams(connection),
    lazy: true,
    keepAlive: KEEPALIVE_MS,
    connectionAckWaitTimeout: ACK_TIMEOUT_MS,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => !refusedKey(closeCode(event)),
    retryWait: async () => {
      const delayMs = Math.max(MIN_RETRY_WAIT_MS, backoff.nextDelayMs());
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    },
    on: {
      connected: (connected) => {
        socket = connected as WebSocket;
        backoff.reset();
        const reconnected = connectedOnce;
        connectedOnce = true;
        down = false;
        // graphql-ws sends the (re)subscription with this payload right after this event.
        if (reconnected && options.resumeVariables)
          payload.variables = options.resumeVariables() as Record<string, unknown>;
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
        if (refusedKey(code)) return;
        down = true;
        options.onDisconnected?.({ everConnected: connectedOnce, closeCode: code });
      },
      error: () => undefined, // the close that follows is reported
    },
  });

  return new Promise<void>((resolve, reject) => {
    const { signal } = options;
    const finish = (outcome: () => void): void => {
      if (stopping) return;
      stopping = true;
      signal?.removeEventListener('abort', onAbort);
      void client.dispose();
      outcome();
    };
    const onAbort = (): void => finish(resolve);
    if (signal?.aborted) {
      finish(resolve);
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });

    client.subscribe<R>(payload, {
      next: (value) => {
        if (value.errors && value.errors.length > 0) {
          const errors = value.errors as unknown as GraphQLErrorItem[];
          finish(() => reject(new GraphQLRequestError(errors, 200)));
          return;
        }
        if (value.data) options.onData(value.data as R);
      },
      error: (error) => {
        if (refusedKey(closeCode(error))) {
          const refusal: GraphQLErrorItem = {
            message: 'The server refused the API key.',
            extensions: { code: ErrorCode.unauthenticated },
          };
          finish(() => reject(new GraphQLRequestError([refusal], 401)));
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
      complete: () => finish(resolve),
    });
  });
}
