// The SQLite store: MikroORM over a file (WAL, foreign keys, busy timeout), migrations run on
// open, and the repositories over its connection. MikroORM is used for what it does well here —
// the connection, value quoting per database, migrations — and not as a unit of work: the
// repositories run their own statements and return plain records.
//
// SQLite through `sqlite3` gives one connection: all access is serialised, so units of work stay
// short, and a transaction's work must use the transaction's repositories only.

import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { sqliteDialect } from './dialect.js';
import type { Store } from './index.js';
import { refuseUnknownMigrations } from './migration-history.js';
import { migrationsList } from './migrations/index.js';
import { sharedOrmOptions } from './orm-options.js';
import { createRepositories } from './repositories/index.js';
import { createSql, type TransactionContext } from './sql.js';

export interface SqliteStoreOptions {
  /** The database file (created if missing). */
  file: string;
  /** Told about the ORM's own messages (migrations applied …). */
  log?: ((message: string) => void) | undefined;
  /**
   * Told about every statement the repositories run (tests count them), and "begin" and
   * "commit" around each transaction's (one runs at a time: what comes between is its own).
   */
  onStatement?: ((sql: string) => void) | undefined;
}

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

/** The ORM options for a database file; shared by the store and the migration generator. */
export function createStoreOptions(
  dbPath: string,
  log?: (message: string) => void,
  onStatement?: (sql: string) => void,
): Options {
  return {
    dbName: dbPath,
    ...sharedOrmOptions(log, onStatement, { migrationsList, path: 'src/store/migrations' }),
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: SqliteConnection, done: (error: Error | null, conn: unknown) => void) => {
        conn.exec(
          'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;',
          (error) => done(error, conn),
        );
      },
    },
  };
}

/** Opens the database file (created if missing) and brings its schema up to date. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const orm = await MikroORM.init(
    createStoreOptions(options.file, options.log, options.onStatement),
  );
  try {
    const applied = await orm.getMigrator().up();
    for (const migration of applied) options.log?.(`applied migration ${migration.name}`);
    const executed = await orm.getMigrator().getExecutedMigrations();
    refuseUnknownMigrations(
      executed.map((migration) => migration.name),
      migrationsList,
      `The database file ${options.file}`,
    );
  } catch (error) {
    await orm.close();
    throw error;
  }
  const connection = orm.em.getConnection();
  const root = createRepositories(createSql(connection, sqliteDialect));
  return {
    dialect: sqliteDialect.name,
    ...root,
    transaction: (work) =>
      connection.transactional(async (tx: TransactionContext) => {
        options.onStatement?.('begin');
        const result = await work(createRepositories(createSql(connection, sqliteDialect, tx)));
        options.onStatement?.('commit');
        return result;
      }),
    close: () => orm.close(),
  };
}
