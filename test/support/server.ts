// Starts the real `etphonehome server` (the built dist/main.js) on loopback with a temp data
// directory and free ports, and talks to it over GraphQL (HTTP and graphql-ws).

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { createGraphQLClient, type GraphQLClient } from '../../src/client/index.js';
import { createAsyncQueue, type AsyncQueue } from '../../src/lib/async-queue.js';
import { freePort } from './ports.js';
import { spawnProcess, type Spawned } from './processes.js';

export const SERVER_BIN = resolve('dist/main.js');
export const AGENT_BIN = resolve('dist/agent/main.js');

export interface TestServer {
  dataDir: string;
  apiKey: string;
  sshPort: number;
  httpPort: number;
  url: string;
  process: Spawned;
  gql: GraphQLClient;
  /** Starts it again on the same ports and data directory (after stop or kill). */
  restart(): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
  subscribe<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<Subscription<R>>;
  close(): Promise<void>;
}

export interface Subscription<R> {
  results: AsyncQueue<{ data?: R; errors?: unknown[] }>;
  /** The next result whose data satisfies `match`. */
  next(match?: (data: R) => boolean, timeoutMs?: number): Promise<R>;
  close(): void;
}

export interface ServerOptions {
  openEnrollment?: boolean;
  env?: Record<string, string>;
  dataDir?: string;
  /** The HTTP port (default: one the system picks), e.g. to name it in a peer URL beforehand. */
  httpPort?: number;
  /** Node's own flags for the server (before the script), e.g. V8's that NODE_OPTIONS refuses. */
  nodeArgs?: string[];
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'etph-server-')));
  const apiKey = `test-${randomBytes(16).toString('hex')}`;
  let sshPort = 0;
  let httpPort = options.httpPort ?? 0;
  const wsClients = new Set<WsClient>();

  const launch = async (): Promise<Spawned> => {
    const args = [
      ...(options.nodeArgs ?? []),
      SERVER_BIN,
      'server',
      '--data-dir',
      dataDir,
      '--ssh-host',
      '127.0.0.1',
      '--ssh-port',
      String(sshPort),
      '--http-port',
      String(httpPort),
    ];
    if (options.openEnrollment) args.push('--open-enrollment');
    const proc = spawnProcess(process.execPath, args, {
      env: {
        ...process.env,
        ETPHONEHOME_API_KEY: apiKey,
        ETPHONEHOME_LOG_LEVEL: 'debug',
        ...options.env,
      },
    });
    const line = await proc.waitForLine((l) => l.includes('"server listening"'));
    const info = JSON.parse(line) as { sshPort: number; httpPort: number };
    sshPort = info.sshPort;
    httpPort = info.httpPort;
    return proc;
  };

  const server: TestServer = {
    dataDir,
    apiKey,
    sshPort: 0,
    httpPort: 0,
    url: '',
    process: await launch(),
    gql: undefined as unknown as GraphQLClient,
    async restart() {
      server.process = await launch();
    },
    async stop(signal = 'SIGTERM') {
      await server.process.kill(signal);
    },
    async subscribe(document, variables) {
      return subscribe(server, document, variables, wsClients);
    },
    async close() {
      for (const client of wsClients) await client.dispose();
      await server.process.kill('SIGKILL');
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  server.sshPort = sshPort;
  server.httpPort = httpPort;
  server.url = `http://127.0.0.1:${httpPort}`;
  server.gql = createGraphQLClient({ url: server.url, apiKey });
  return server;
}

/** Where a graphql-ws client connects: a spawned server, or the in-process harness's API. */
export type WsTarget = Pick<TestServer, 'httpPort' | 'apiKey'>;

export function wsClientFor(
  server: WsTarget,
  authorization: string = `Bearer ${server.apiKey}`,
): WsClient {
  return createClient({
    url: `ws://127.0.0.1:${server.httpPort}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    lazy: false,
    // A refused connection is the test's to assert on, not console noise.
    onNonLazyError: () => undefined,
    retryAttempts: 0,
    on: { error: () => undefined },
  });
}

export async function subscribe<R, V>(
  server: WsTarget,
  document: TypedDocumentNode<R, V>,
  variables: V | undefined,
  registry: Set<WsClient>,
): Promise<Subscription<R>> {
  const client = wsClientFor(server);
  registry.add(client);
  const results = createAsyncQueue<{ data?: R; errors?: unknown[] }>({ maxBuffered: 10_000 });
  // Wait until the server has acknowledged the subscription before returning, so that events
  // caused right after this call are not missed.
  await new Promise<void>((resolveConnected, reject) => {
    const unsubscribeConnected = client.on('connected', () => {
      unsubscribeConnected();
      resolveConnected();
    });
    client.on('closed', (event) =>
      reject(new Error(`graphql-ws closed: ${JSON.stringify(event)}`)),
    );
  });
  client.subscribe<R>(
    { query: print(document), variables: (variables ?? {}) as Record<string, unknown> },
    {
      next: (value) => results.push(value as { data?: R; errors?: unknown[] }),
      error: (error) =>
        results.end(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => results.end(),
    },
  );
  // graphql-ws has no acknowledgement for a subscription: give the server a moment to run the
  // operation (the fleet is on the event bus before the operation's filter is resolved).
  await new Promise((r) => setTimeout(r, 250));
  return {
    results,
    next: (match, timeoutMs) => nextMatching(results, match, timeoutMs),
    close() {
      void client.dispose();
      registry.delete(client);
    },
  };
}

/**
 * The next result whose data satisfies `match`; an error result, the end of the stream or the
 * deadline (which ends the stream) fail it. Shared by the graphql-ws and SSE subscribers.
 */
export async function nextMatching<R>(
  results: AsyncQueue<{ data?: R; errors?: unknown[] }>,
  match: (data: R) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<R> {
  const deadline = setTimeout(
    () => results.end(new Error('no matching subscription event in time')),
    timeoutMs,
  );
  try {
    for (;;) {
      const { value, done } = await results.next();
      if (done) throw new Error('subscription ended');
      if (value.errors) throw new Error(`subscription error: ${JSON.stringify(value.errors)}`);
      if (value.data && match(value.data)) return value.data;
    }
  } finally {
    clearTimeout(deadline);
  }
}

/**
 * A server of a cluster on `databaseUrl`: named `name`, open enrollment, and a peer URL the
 * other servers reach it at (its HTTP port picked before it starts), so calls route to it.
 */
export async function startClusterServer(
  databaseUrl: string,
  name: string,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const httpPort = await freePort();
  return startServer({
    openEnrollment: true,
    httpPort,
    env: {
      ETPHONEHOME_DATABASE_URL: databaseUrl,
      ETPHONEHOME_SERVER_NAME: name,
      ETPHONEHOME_PEER_URL: `http://127.0.0.1:${httpPort}`,
      ...env,
    },
  });
}
