// The GraphQL server (yoga over HTTP, graphql-ws on the same port) over a harness's fleet, in
// the test's own process: the same schema, plugins, error masking and auth as `etphonehome
// server`, wired as serve.ts wires it. Its shape matches the end-to-end TestServer's (`gql`,
// `subscribe`, `url`, `apiKey`), so a test of policy through GraphQL reads the same either way.

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { Client as WsClient } from 'graphql-ws';
import type { Logger } from 'pino';
import { createGraphQLClient, type GraphQLClient } from '../../src/client/index.js';
import type { Fleet } from '../../src/fleet/index.js';
import { createSchema } from '../../src/graphql/schema.js';
import { createApiServer } from '../../src/graphql/server.js';
import { subscribe, type Subscription } from './server.js';

export interface HarnessApi {
  url: string;
  httpPort: number;
  apiKey: string;
  gql: GraphQLClient;
  /** A graphql-ws subscription, acknowledged before this resolves. */
  subscribe<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<Subscription<R>>;
  close(): Promise<void>;
}

// Building the schema takes a while: once per process is enough (it holds no state).
let schema: ReturnType<typeof createSchema> | null = null;

export async function startHarnessApi(
  fleet: Fleet,
  logger: Logger,
  options: { apiKey: string; port: number },
): Promise<HarnessApi> {
  schema ??= createSchema();
  const { apiKey } = options;
  // The key authenticates through the fleet (its bootstrap key: see fleet-harness.ts).
  const server = createApiServer({
    fleet,
    schema,
    logger: logger.child({ component: 'api' }),
  });
  const httpPort = (await server.listen('127.0.0.1', options.port)).port;
  const url = `http://127.0.0.1:${httpPort}`;
  const wsClients = new Set<WsClient>();
  const api: HarnessApi = {
    url,
    httpPort,
    apiKey,
    gql: createGraphQLClient({ url, apiKey }),
    subscribe: (document, variables) => subscribe(api, document, variables, wsClients),
    async close() {
      for (const client of wsClients) await client.dispose();
      await server.close();
    },
  };
  return api;
}
