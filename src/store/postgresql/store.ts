// The PostgreSQL store: MikroORM's PostgreSQL driver over a pool, the migrations run on open
// under an advisory lock (several servers may start at once), and the same repositories as the
// SQLite store over the PostgreSQL dialect. Selected by a postgres:// URL (../open.ts).
//
// Unlike SQLite's one connection, the pool runs transactions side by side (read committed):
// the repositories' writes are single conditional statements or `on conflict` inserts, so two
// transactions racing on a row cannot both win (see ../dialect.ts for the few explicit locks).
//
// The cluster table (`store.cluster`: renewals, the servers' liveness) has a connection of its
// own, outside the pool: during a reconnect storm every pooled connection is busy with attach
// writes, and a renewal queued behind them missed the lease, so a busy server was judged gone
// and its agents swept (docs/BENCHMARKS.md, "failover behind HAProxy").

import { MikroORM } from '@mikro-orm/postgresql';
import { redactDatabaseUrl } from '../database-url.js';
import type { Store } from '../index.js';
import { refuseUnknownMigrations } from '../migration-history.js';
import { createClusterRepository } from '../repositories/cluster.js';
import { createRepositories } from '../repositories/index.js';
import { createSql, type TransactionContext } from '../sql.js';
import { postgresDialect } from './dialect.js';
import { createPostgresChangeFeed, type ConnectionSource } from './listen.js';
import { migratePostgres } from './migrate.js';
import { migrationsList } from './migrations/index.js';
import { createPostgresOptions, type PostgresStoreOptions } from './options.js';

export interface OpenPostgresOptions extends PostgresStoreOptions {
  /** postgres://USER:PASSWORD@HOST:PORT/DATABASE (query parameters as pg reads them). */
  url: string;
}

/** Thrown when the database cannot be reached or refuses us at start; names the URL (redacted). */
export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `Could not connect to PostgreSQL at ${redactDatabaseUrl(url)}: ${(cause as Error)?.message ?? String(cause)}. Check --database-url (ETPHONEHOME_DATABASE_URL), that the server runs, and that it admits this user to this database.`,
    );
    this.name = 'DatabaseUnavailableError';
  }
}

/** Connects (failing at once with the driver's reason), migrates, and returns the store. */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<Store> {
  const { url, ...rest } = options;
  // Not connected by init: its check would wait on the pool, which retries refused connections
  // until its acquire timeout (right while the database restarts, wrong at start). One direct
  // connection first reports a bad password, a missing database or a refused port at once.
  const orm = await MikroORM.init({ ...createPostgresOptions(url, rest), connect: false });
  try {
    const client = orm.em.getConnection().getKnex().client as ConnectionSource;
    try {
      await client.destroyRawConnection(await client.acquireRawConnection());
    } catch (error) {
      throw new DatabaseUnavailableError(url, error);
    }
    await migratePostgres(orm, options.log);
    const executed = await orm.getMigrator().getExecutedMigrations();
    refuseUnknownMigrations(
      executed.map((migration) => migration.name),
      migrationsList,
      `The PostgreSQL database ${redactDatabaseUrl(url)}`,
    );
  } catch (error) {
    await orm.close();
    throw error;
  }
  const connection = orm.em.getConnection();
  const root = createRepositories(createSql(connection, postgresDialect));
  const heartbeat = await openHeartbeat(url, rest, orm);
  const changes = createPostgresChangeFeed({
    connections: connection.getKnex().client as ConnectionSource,
    notify: async (channel, payload) => {
      await connection.execute(postgresDialect.notify as string, [channel, payload], 'run');
    },
    log: options.log,
  });
  return {
    dialect: postgresDialect.name,
    ...root,
    cluster: createClusterRepository(createSql(heartbeat.em.getConnection(), postgresDialect)),
    changes,
    transaction: (work) =>
      connection.transactional((tx: TransactionContext) =>
        work(createRepositories(createSql(connection, postgresDialect, tx))),
      ),
    async close() {
      await changes.close();
      await heartbeat.close();
      await orm.close();
    },
  };
}

/** How long a renewal waits for its connection (re-made after the database restarts). */
export const HEARTBEAT_ACQUIRE_TIMEOUT_MS = 5_000;

/** A second ORM over one connection, for the cluster table alone (see the top of this file). */
async function openHeartbeat(
  url: string,
  options: PostgresStoreOptions,
  main: MikroORM,
): Promise<MikroORM> {
  const base = createPostgresOptions(url, {
    ...options,
    applicationName: `${options.applicationName ?? 'etphonehome'} heartbeat`,
  });
  try {
    return await MikroORM.init({
      ...base,
      connect: false,
      pool: { ...base.pool, min: 0, max: 1 },
      driverOptions: {
        ...base.driverOptions,
        acquireConnectionTimeout: HEARTBEAT_ACQUIRE_TIMEOUT_MS,
      },
    });
  } catch (error) {
    await main.close();
    throw error;
  }
}
