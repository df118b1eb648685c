// What every part of bench/graphql.ts shares: the real server to measure, its RSS and CPU, and
// (from common.ts) the cleanup stack and progress lines.

import { readFile } from 'node:fs/promises';
import { rssBytes } from '../test/support/processes.js';
import { startServer, type TestServer } from '../test/support/server.js';
import { SERVER_SEMI_SPACE_MIB, nodeOptions, serverNodeArgs, type Cleanups } from './common.js';
import { createPoster, type Poster } from './graphql-http.js';

export { createCleanups, progress, type Cleanups } from './common.js';

export const sleep = (delayMs: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, delayMs));

/** One benchmark run: its temp directory (everything goes in there) and its cleanups. */
export interface Bench {
  tmp: string;
  cleanups: Cleanups;
  /** V8's semi-space for the servers started (MiB; 0: Node's default; default: as shipped). */
  serverSemiSpaceMiB?: number;
}

/** Starts `etphonehome server` (dist/) on loopback; it is killed when the part ends. */
export async function launchServer(
  bench: Bench,
  options: { dataDir: string; openEnrollment?: boolean },
): Promise<TestServer> {
  // The harness logs at debug for the tests; a benchmark wants the default (info).
  const server = await startServer({
    dataDir: options.dataDir,
    openEnrollment: options.openEnrollment ?? false,
    nodeArgs: serverNodeArgs(),
    env: {
      ETPHONEHOME_LOG_LEVEL: 'info',
      ...nodeOptions(bench.serverSemiSpaceMiB ?? SERVER_SEMI_SPACE_MIB),
    },
  });
  bench.cleanups.add('server', () => server.close());
  return server;
}

/** The server process's resident memory in bytes (Linux /proc). */
export function serverRss(server: TestServer): Promise<number> {
  return rssBytes(server.process.child.pid ?? 0);
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks (100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system) the server process has used so far, in ms, 10 ms resolution
 * (Linux /proc). Unlike latency, its difference over many calls does not count the time the
 * server waited for a core, so it holds up on a busy machine.
 */
export async function serverCpuMs(server: TestServer): Promise<number> {
  const stat = await readFile(`/proc/${server.process.child.pid ?? 0}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at "state" (field 3).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** A keep-alive GraphQL client of `server` with up to `sockets` connections. */
export function openPoster(bench: Bench, server: TestServer, sockets: number): Poster {
  const poster = createPoster({ url: server.url, apiKey: server.apiKey, sockets });
  bench.cleanups.add('HTTP agent', async () => poster.close());
  return poster;
}
