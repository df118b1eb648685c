// Where a client (the CLI, the stdio MCP bridge) finds the server and its API key: --url /
// ETPHONEHOME_URL (default http://127.0.0.1:8765), and ETPHONEHOME_API_KEY or else the api_key
// file in the server's data directory (--data-dir / ETPHONEHOME_DATA_DIR / ~/.etphonehome-server)
// when both run on one machine. The key is never taken from a command-line flag, where `ps`
// would show it.

import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Connection } from './endpoint.js';
import { createGraphQLClient, type GraphQLClient } from './graphql-client.js';

/** The server a client reaches when neither --url nor ETPHONEHOME_URL says otherwise. */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8765';

/** The flags that choose the server and where its key file is. */
export interface ConnectionFlags {
  url?: string | undefined;
  'data-dir'?: string | undefined;
}

export class ConnectionError extends Error {}

export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): Promise<Connection> {
  const url = flags.url ?? env['ETPHONEHOME_URL'] ?? DEFAULT_SERVER_URL;
  try {
    new URL(url);
  } catch {
    throw new ConnectionError(
      `--url / ETPHONEHOME_URL must be a URL like ${DEFAULT_SERVER_URL} (got "${url}").`,
    );
  }
  const fromEnv = env['ETPHONEHOME_API_KEY'];
  if (fromEnv) return { url, apiKey: fromEnv };
  const dataDir = resolve(
    flags['data-dir'] ?? env['ETPHONEHOME_DATA_DIR'] ?? join(homedir(), '.etphonehome-server'),
  );
  try {
    const apiKey = (await readFile(join(dataDir, 'api_key'), 'utf8')).trim();
    if (apiKey) return { url, apiKey };
  } catch {
    // fall through to the message below
  }
  throw new ConnectionError(
    `No API key: set ETPHONEHOME_API_KEY, or run on the server machine where ${join(dataDir, 'api_key')} exists (--data-dir to point elsewhere).`,
  );
}

/** The GraphQL client for the connection flags of a command. */
export async function connect(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): Promise<GraphQLClient> {
  return createGraphQLClient(await resolveConnection(flags, env));
}
