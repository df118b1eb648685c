// A one-shot subscription over graphql-ws (the same endpoint and API key as HTTP requests), for
// following something short-lived beside a request (a transfer's progress): no reconnection, and
// its failures are ignored — the request it accompanies is what reports. Long-lived streams that
// must survive a server restart use live-subscription.ts.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { connectionParams, websocketEndpoint, type Connection } from './endpoint.js';

export interface SubscriptionHandle {
  /** Resolves once the server has acknowledged the connection (or the attempt failed). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function subscribeOnce<R, V extends Record<string, unknown>>(
  connection: Connection,
  document: TypedDocumentNode<R, V>,
  variables: V,
  onData: (data: R) => void,
): SubscriptionHandle {
  let acknowledged: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    acknowledged = resolve;
  });
  const client: Client = createClient({
    url: websocketEndpoint(connection.url).toString(),
    webSocketImpl: WebSocket,
    connectionParams: connectionParams(connection),
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => acknowledged(), // progress is a nicety: never block the transfer on it
    on: { connected: () => acknowledged(), error: () => acknowledged() },
  });
  const stop = client.subscribe<R>(
    { query: print(document), variables },
    {
      next: (result) => {
        if (result.data) onData(result.data);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return {
    ready,
    async close() {
      stop();
      await client.dispose();
    },
  };
}
