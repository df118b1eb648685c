// What servers sharing one database share (issue 14): named secrets created once by whichever
// server asks first (a conflict-safe insert, so two servers starting together agree on one
// value), and the `cluster_server` rows each server keeps fresh (the `servers` query).

import type { Sql } from '../sql.js';

/** One server of the cluster, as it last reported itself. */
export interface ServerRecord {
  name: string;
  /** Where its peers reach it; null when it gave none. */
  peerUrl: string | null;
  version: string;
  startedAt: Date;
  /** Its last renewal: a server that stops renewing is gone. */
  renewedAt: Date;
  /** Agents it held at its last renewal. */
  clientsHeld: number;
  /** Since when it hands its agents to the others (`--drain`); null when it does not. */
  drainingSince: Date | null;
}

/** A server as read: with the age of its last renewal by the database's clock. */
export interface ServerRow extends ServerRecord {
  /**
   * Milliseconds from its last renewal to the read, both by the database's clock: liveness never
   * compares two servers' clocks (a server whose clock is off is judged right all the same).
   */
  renewedAgoMs: number;
}

export interface ClusterRepository {
  /**
   * The shared secret `name`: the stored value, or `proposed` stored now when there is none.
   * Two servers proposing at the same moment get the same (first committed) value.
   */
  secret(name: string, proposed: string, now: Date): Promise<string>;
  /** Records the server as started now (a restart under the same name replaces its row). */
  registerServer(server: ServerRecord): Promise<void>;
  /**
   * Marks the server alive (at the database's clock) with its current count; false when its
   * row is gone.
   */
  renewServer(name: string, clientsHeld: number): Promise<boolean>;
  /** Every server, by name. */
  servers(): Promise<ServerRow[]>;
  /** Forgets a server (a clean shutdown). */
  removeServer(name: string): Promise<void>;
  /** Asks server `name` to drain (it reads this at its next renewal); false when no such row. */
  drainServer(name: string, at: Date): Promise<boolean>;
}

interface ServerColumns {
  name: string;
  peer_url: string | null;
  version: string;
  started_at: unknown;
  renewed_at: unknown;
  clients_held: number | string;
  draining_since: unknown;
  renewed_ago_ms: number | string;
}

export function createClusterRepository(sql: Sql): ClusterRepository {
  const { dialect } = sql;
  return {
    async secret(name, proposed, now) {
      await sql.run(
        'insert into cluster_secret (name, value, created_at) values (?, ?, ?) on conflict do nothing',
        [name, proposed, now],
      );
      const row = await sql.one<{ value: string }>(
        'select value from cluster_secret where name = ?',
        [name],
      );
      if (!row) throw new Error(`cluster secret ${name} vanished after its insert`);
      return row.value;
    },

    async registerServer(server) {
      await sql.run(
        `insert into cluster_server (name, peer_url, version, started_at, renewed_at, clients_held,
           draining_since)
           values (?, ?, ?, ?, ?, ?, ?)
         on conflict (name) do update set peer_url = excluded.peer_url, version = excluded.version,
           started_at = excluded.started_at, renewed_at = excluded.renewed_at,
           clients_held = excluded.clients_held, draining_since = excluded.draining_since`,
        [
          server.name,
          server.peerUrl,
          server.version,
          server.startedAt,
          server.renewedAt,
          server.clientsHeld,
          server.drainingSince,
        ],
      );
    },

    async renewServer(name, clientsHeld) {
      const rows = await sql.all<{ name: string }>(
        `update cluster_server set renewed_at = ${dialect.now}, clients_held = ? where name = ?
         returning name`,
        [clientsHeld, name],
      );
      return rows.length > 0;
    },

    async servers() {
      const rows = await sql.all<ServerColumns>(
        `select *, ${dialect.msSince('renewed_at')} as renewed_ago_ms from cluster_server
         order by name`,
      );
      return rows.map((row) => ({
        name: row.name,
        peerUrl: row.peer_url,
        version: row.version,
        startedAt: dialect.date(row.started_at),
        renewedAt: dialect.date(row.renewed_at),
        clientsHeld: Number(row.clients_held),
        drainingSince: dialect.dateOrNull(row.draining_since),
        renewedAgoMs: Number(row.renewed_ago_ms),
      }));
    },

    async removeServer(name) {
      await sql.run('delete from cluster_server where name = ?', [name]);
    },

    async drainServer(name, at) {
      const rows = await sql.all<{ name: string }>(
        'update cluster_server set draining_since = coalesce(draining_since, ?) where name = ? returning name',
        [at, name],
      );
      return rows.length > 0;
    },
  };
}
