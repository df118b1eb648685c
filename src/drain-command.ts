// `etphonehome server --drain`: asks a running server of the cluster (by `--server-name`, as it
// was started) to hand its agents to the other servers on one PostgreSQL, then waits until it
// holds none (fleet/cluster/drain.ts does the handing). The request travels through the
// database, read by the server at its next renewal, so this works from any machine that reaches
// the database; no API key is needed beyond the database's own credentials.

import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandIO } from './cli/output.js';
import type { ServerConfig } from './config.js';
import { ConfigError } from './config.js';
import { RENEW_INTERVAL_MS, SERVER_LEASE_MS } from './fleet/cluster/membership.js';

const POLL_MS = 1_000;

export async function drainServer(config: ServerConfig, io: CommandIO): Promise<number> {
  if (!config.databaseUrl)
    throw new ConfigError(
      "--drain hands a server's agents to the other servers on one PostgreSQL: give the cluster's --database-url (ETPHONEHOME_DATABASE_URL). A server on SQLite is the only one; stop it instead.",
    );
  // Loaded here: the CLI starts without the ORM and its drivers.
  const { openDatabase } = await import('./store/open.js');
  const store = await openDatabase({
    file: '',
    databaseUrl: config.databaseUrl,
    applicationName: 'etphonehome/drain',
  });
  try {
    const name = config.serverName;
    // By the database's clock, as the servers judge each other.
    const alive = (server: { renewedAgoMs: number }): boolean =>
      server.renewedAgoMs <= SERVER_LEASE_MS;
    const servers = await store.cluster.servers();
    const target = servers.find((s) => s.name === name);
    if (!target || !alive(target)) {
      const live = servers.filter(alive).map((s) => s.name);
      io.err(
        `etphonehome: no live server named "${name}" on this database (live: ${live.join(', ') || 'none'}). Give the --server-name (ETPHONEHOME_SERVER_NAME) the server was started with.`,
      );
      return 3;
    }
    const others = servers.filter((s) => s.name !== name && alive(s) && s.drainingSince === null);
    if (others.length === 0) {
      io.err(
        `etphonehome: "${name}" is the only live server that is not draining: its agents would have nowhere to go. Start another server on this database first.`,
      );
      return 4;
    }
    const asked = new Date();
    await store.cluster.drainServer(name, asked);
    io.out(
      `Draining ${name} (${target.clientsHeld} agents at its last renewal) to ${others.map((s) => s.name).join(', ')}; it hears this within ${RENEW_INTERVAL_MS / 1000} s.`,
    );
    let last = target.clientsHeld;
    for (;;) {
      await sleep(POLL_MS);
      const row = (await store.cluster.servers()).find((s) => s.name === name);
      if (!row || !alive(row)) {
        io.out(
          `${name} stopped (or stopped renewing) before it was drained; its agents reconnect to the others on their own.`,
        );
        return 1;
      }
      if (row.clientsHeld !== last) io.out(`${name}: ${row.clientsHeld} agents left`);
      last = row.clientsHeld;
      // A count renewed after the server read the request (it reads it at the first renewal
      // after the ask, so the one after that counts): both times are the database's.
      if (
        row.clientsHeld === 0 &&
        row.renewedAt.getTime() > target.renewedAt.getTime() + 1.5 * RENEW_INTERVAL_MS
      ) {
        io.out(
          `Drained: ${name} holds no agents. Stop it now (e.g. systemctl stop etphonehome); it turns new agents away until then.`,
        );
        return 0;
      }
    }
  } finally {
    await store.close();
  }
}
