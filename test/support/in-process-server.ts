// The whole server (store, fleet, hub, GraphQL over HTTP and graphql-ws, MCP over HTTP) in the
// test's own process on loopback, with a bootstrap admin key: for policy tests that go through
// the real doors without spawning a process. Clients are added straight into the database
// through a second connection (`addClient`), so scope tests need no agent.

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { pino } from 'pino';
import WebSocket from 'ws';
import { readServerConfig } from '../../src/config.js';
import type { Fleet } from '../../src/fleet/index.js';
import { startServer } from '../../src/serve.js';
import type { Store } from '../../src/store/index.js';
import { openDatabase } from '../../src/store/open.js';
import { clientRecord } from './store.js';

export interface GraphQLReply {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface InProcessServer {
  url: string;
  httpPort: number;
  dataDir: string;
  /** The bootstrap admin key. */
  apiKey: string;
  fleet: Fleet;
  /** A second connection to the server's database (clients added here are seen at once). */
  store: Store;
  /** POST /graphql with `key` as bearer. */
  http(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLReply>;
  /** A graphql-ws client authenticating with `key`. */
  ws(key: string): WsClient;
  /** One operation over graphql-ws: its first result (or error). */
  wsOnce(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLReply>;
  /** A subscription over SSE (HTTP): its first result (or refusal). */
  sseOnce(key: string, query: string, variables?: Record<string, unknown>): Promise<GraphQLReply>;
  /** A client record with `tags` (n picks its uuid and clientId host-00n). */
  addClient(n: number, tags: string[]): Promise<{ uuid: string; clientId: string }>;
  /** Creates a key with the bootstrap key; its secret and id. */
  createKey(input: Record<string, unknown>): Promise<{ secret: string; id: string }>;
  close(): Promise<void>;
}

export async function startInProcessServer(
  env: Record<string, string> = {},
): Promise<InProcessServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-inproc-'));
  const apiKey = `test-${randomBytes(16).toString('hex')}`;
  const config = readServerConfig(
    ['--data-dir', dataDir, '--ssh-host', '127.0.0.1', '--ssh-port', '0', '--http-port', '0'],
    { ETPHONEHOME_API_KEY: apiKey, ...env },
  );
  if (config === 'help') throw new Error('unexpected help');
  const running = await startServer(config, pino({ level: 'silent' }), { print: () => undefined });
  // A second handle on the database, without a client index: it reads what is stored now.
  const store = await openDatabase({ file: join(dataDir, 'etphonehome.db') });
  const url = `http://127.0.0.1:${running.httpPort}/graphql`;
  const sockets = new Set<WsClient>();

  const server: InProcessServer = {
    url,
    httpPort: running.httpPort,
    dataDir,
    apiKey,
    fleet: running.fleet,
    store,
    async http(key, query, variables = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLReply, 'status'>;
      return { status: response.status, ...body };
    },
    async sseOnce(key, query, variables = {}) {
      const controller = new AbortController();
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${key}`,
        },
        body: JSON.stringify({ query, variables }),
        signal: controller.signal,
      });
      if (
        !response.body ||
        !(response.headers.get('content-type') ?? '').includes('event-stream')
      ) {
        const body = (await response.json()) as Omit<GraphQLReply, 'status'>;
        return { status: response.status, ...body };
      }
      const decoder = new TextDecoder();
      let buffered = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffered += decoder.decode(chunk, { stream: true });
          const match = /^data: (.+)$/m.exec(buffered);
          if (match) return { status: response.status, ...(JSON.parse(match[1]!) as object) };
          if (/^event: complete$/m.test(buffered)) return { status: response.status, data: null };
        }
      } finally {
        controller.abort();
      }
      return { status: response.status, data: null };
    },
    ws(key) {
      const client = createClient({
        url: `ws://127.0.0.1:${running.httpPort}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${key}` },
        lazy: false,
        onNonLazyError: () => undefined,
        retryAttempts: 0,
        on: { error: () => undefined },
      });
      sockets.add(client);
      return client;
    },
    async wsOnce(key, query, variables = {}) {
      const client = server.ws(key);
      try {
        return await new Promise<GraphQLReply>((resolve) => {
          let first: GraphQLReply | null = null;
          const unsubscribe = client.subscribe(
            { query, variables },
            {
              next: (value) => {
                first ??= { status: 200, ...(value as Omit<GraphQLReply, 'status'>) };
                unsubscribe();
                resolve(first);
              },
              error: (error) => {
                const errors = Array.isArray(error)
                  ? (error as NonNullable<GraphQLReply['errors']>)
                  : [
                      {
                        message: String((error as { reason?: string }).reason ?? error),
                        extensions: { code: 'CLOSED' },
                      },
                    ];
                resolve({ status: 0, errors });
              },
              complete: () => resolve(first ?? { status: 200, data: null }),
            },
          );
        });
      } finally {
        void client.dispose();
        sockets.delete(client);
      }
    },
    async addClient(n, tags) {
      const record = clientRecord(n, { tags: [...tags].sort() });
      // Through the server's own store: its client index sees the new client at once.
      await running.store.clients.insert(record);
      return { uuid: record.uuid, clientId: record.clientId };
    },
    async createKey(input) {
      const reply = await server.http(
        apiKey,
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }',
        { input },
      );
      const created = reply.data?.['createApiKey'] as
        { secret: string; apiKey: { id: string } } | undefined;
      if (!created) throw new Error(`createApiKey failed: ${JSON.stringify(reply.errors)}`);
      return { secret: created.secret, id: created.apiKey.id };
    },
    async close() {
      for (const client of sockets) void client.dispose();
      await running.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
