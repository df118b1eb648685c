// Subscriptions for the CLI over graphql-ws (the same endpoint and API key as HTTP requests).

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriptionHandle {
  /** Resolves once the server has acknowledged the connection. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function subscribe<R, V extends Record<string, unknown>>(
  connection: { url: string; apiKey: string },
  document: TypedDocumentNode<R, V>,
  variables: V,
  onData: (data: R) => void,
): SubscriptionHandle {
  const url = new URL('/graphql', connection.url);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let acknowledged: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    acknowledged = resolve;
  });
  const client: Client = createClient({
    url: url.toString(),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${connection.apiKey}` },
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
