// The ORM options for a PostgreSQL database (`postgres://` URL): the same entities as the SQLite
// store (../entities), this directory's migrations, a connection pool, and raw results shaped as
// close to the SQLite driver's as the types allow. Used with `MikroORM` from
// `@mikro-orm/postgresql`; run the migrations with migratePostgres (./migrate.ts).
//
// Why each setting:
// - `allowGlobalContext: false`: a forgotten `em.fork()` throws instead of sharing an identity map.
// - The pool (default 10, at least 2): PostgreSQL serves concurrent transactions, unlike the one
//   SQLite connection; migratePostgres holds one connection while the migrator uses another.
// - int8 parsed as a number: `count(*)`, bigserial ids and other bigint results come back as
//   numbers, as SQLite returns them (pg returns strings by default). Past 2^53 the text is kept,
//   which no id or count of ours reaches.
// - The URL goes to pg as a whole (`connectionString`): TLS settings and other parameters in its
//   query string apply, and whatever it sets wins over the defaults here.
// - TCP keepalive and a connect timeout: a database that vanished (network split) is noticed
//   instead of leaving queries waiting forever; `acquireConnectionTimeout` bounds the wait for a
//   connection while the database restarts.

import type { Options } from '@mikro-orm/postgresql';
import { migrationsList } from './migrations/index.js';
import { databaseUrlProblem } from '../database-url.js';
import { sharedOrmOptions } from '../orm-options.js';

export { redactDatabaseUrl } from '../database-url.js';

export interface PostgresStoreOptions {
  /** Receives MikroORM's log lines; silent when absent (stdout belongs to the CLI and MCP). */
  log?: (message: string) => void;
  /** Connections this process keeps to the database at most (default 10, at least 2). */
  poolMax?: number;
  /** Shown in `pg_stat_activity.application_name` (e.g. `etphonehome/<server name>`). */
  applicationName?: string;
  /** Told about every statement run (tests count them). */
  onStatement?: ((sql: string) => void) | undefined;
}

export const DEFAULT_POOL_MAX = 10;
/** How long a query waits for a free (or re-established) connection before it fails. */
export const ACQUIRE_TIMEOUT_MS = 30_000;
/** Idle time before TCP keepalive probes start (Linux waits 2 h by default). */
export const KEEPALIVE_DELAY_MS = 10_000;
/** How long opening one connection may take. */
export const CONNECT_TIMEOUT_MS = 10_000;
const INT8_OID = 20;

interface PgClient {
  setTypeParser(oid: number, format: 'text', parse: (text: string) => unknown): void;
}

/** The ORM options for `url` (postgres:// or postgresql://); throws on anything else. */
export function createPostgresOptions(url: string, options: PostgresStoreOptions = {}): Options {
  checkDatabaseUrl(url);
  const poolMax = options.poolMax ?? DEFAULT_POOL_MAX;
  if (!Number.isInteger(poolMax) || poolMax < 2) {
    throw new RangeError(
      `PostgreSQL pool size ${poolMax}: use a whole number of at least 2 (migrations hold one connection and use another)`,
    );
  }
  const knexLog = (message: unknown) => options.log?.(`knex: ${String(message)}`);
  return {
    clientUrl: url,
    ...sharedOrmOptions(options.log, options.onStatement, {
      migrationsList,
      path: 'src/store/postgresql/migrations',
    }),
    // MikroORM would create a missing database (through the `postgres` database, and racing
    // when several servers start): the operator creates it, and a missing one is an error.
    ensureDatabase: false,
    pool: {
      min: 1,
      max: poolMax,
      idleTimeoutMillis: 30_000,
      // While the database restarts, a query waits (up to ACQUIRE_TIMEOUT_MS) for a new
      // connection instead of failing on the first refused one.
      propagateCreateError: false,
      afterCreate: (conn: PgClient, done: (error: Error | null, conn: unknown) => void) => {
        conn.setTypeParser(INT8_OID, 'text', parseInt8);
        done(null, conn);
      },
    },
    driverOptions: {
      acquireConnectionTimeout: ACQUIRE_TIMEOUT_MS,
      // knex warns on console (dropped connections during a restart); route it to our log.
      log: { warn: knexLog, error: knexLog, deprecate: knexLog, debug: () => undefined },
      connection: {
        // pg reads the whole URL itself, so its query parameters (sslmode, sslrootcert, a Unix
        // socket's host …) are honoured; MikroORM alone keeps only host, port, user and database.
        connectionString: url,
        application_name: options.applicationName ?? 'etphonehome',
        keepAlive: true,
        keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      },
    },
  };
}

function checkDatabaseUrl(url: string): void {
  const problem = databaseUrlProblem(url);
  if (problem !== null) throw new TypeError(`The database URL ${problem}.`);
}

function parseInt8(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}
