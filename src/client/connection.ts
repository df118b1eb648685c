// Where a client (the CLI, the stdio MCP bridge) finds the server and its API key. On the server
// machine it reads both the way the server set them (issue 17 item 21): the address from --url /
// ETPHONEHOME_URL, else the server's own ETPHONEHOME_HTTP_PORT (and ETPHONEHOME_HTTP_HOST), else
// the http_url file the server writes in its data directory once it listens (so a server on
// --http-port 0 or 9000 is found without flags), else http://127.0.0.1:8765; the key from
// ETPHONEHOME_API_KEY or else the api_key file of that data directory (--data-dir /
// ETPHONEHOME_DATA_DIR / ~/.etphonehome-server). The key is never taken from a command-line
// flag, where `ps` would show it.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serverDataDir } from '../lib/server-data-dir.js';
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

/** The file in the server's data directory holding the URL its API listens on. */
export const HTTP_URL_FILE = 'http_url';

/**
 * The URL a client on the server's machine uses for a listening address: a wildcard host
 * (0.0.0.0, ::) is reached on loopback, an IPv6 literal is bracketed.
 */
export function localHttpUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

function dataDirOf(flags: ConnectionFlags, env: NodeJS.ProcessEnv): string {
  return serverDataDir(flags['data-dir'], env);
}

/** The server's address: flag, URL variable, the server's port variable, its data directory. */
async function resolveUrl(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Promise<string> {
  const explicit = flags.url ?? env['ETPHONEHOME_URL'];
  if (explicit !== undefined) return explicit;
  const port = env['ETPHONEHOME_HTTP_PORT'];
  if (port !== undefined && port !== '') {
    const value = Number(port);
    if (!Number.isInteger(value) || value < 1 || value > 65535)
      throw new ConnectionError(
        `ETPHONEHOME_HTTP_PORT must be the server's HTTP port, 1 to 65535 (got "${port}"); or set ETPHONEHOME_URL.`,
      );
    return localHttpUrl(env['ETPHONEHOME_HTTP_HOST'] ?? '127.0.0.1', value);
  }
  try {
    const written = (await readFile(join(dataDirOf(flags, env), HTTP_URL_FILE), 'utf8')).trim();
    if (written) return written;
  } catch {
    // no server has listened from this data directory: the default below
  }
  return DEFAULT_SERVER_URL;
}

export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv,
): Promise<Connection> {
  const url = await resolveUrl(flags, env);
  try {
    new URL(url);
  } catch {
    throw new ConnectionError(
      `--url / ETPHONEHOME_URL must be a URL like ${DEFAULT_SERVER_URL} (got "${url}").`,
    );
  }
  const fromEnv = env['ETPHONEHOME_API_KEY'];
  if (fromEnv) return { url, apiKey: fromEnv };
  const dataDir = dataDirOf(flags, env);
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
