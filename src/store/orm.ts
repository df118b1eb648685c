// Opens the store: MikroORM over a SQLite file (WAL, foreign keys, busy timeout), running the
// migrations on start. This is the only module that knows which database driver is in use.
//
// SQLite through `sqlite3` gives one connection: all ORM access is serialised, so callers keep
// their units of work short. `allowGlobalContext: false` makes a forgotten `em.fork()` throw.

import { MikroORM, type Options } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';

export type Store = MikroORM;

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void;
}

/** The ORM options for a database file; shared by the server and the migration generator. */
export function createStoreOptions(dbPath: string, log?: (message: string) => void): Options {
  return {
    dbName: dbPath,
    // MikroORM writes to stdout by default; stdout belongs to the CLI and MCP stdio.
    logger: log ?? (() => undefined),
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    discovery: { requireEntitiesArray: true },
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      path: 'src/store/migrations',
      emit: 'ts',
    },
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

/** Opens the database at `dbPath` (created if missing) and brings its schema up to date. */
export async function openStore(dbPath: string, log?: (message: string) => void): Promise<Store> {
  const orm = await MikroORM.init(createStoreOptions(dbPath, log));
  const applied = await orm.getMigrator().up();
  for (const migration of applied) log?.(`applied migration ${migration.name}`);
  return orm;
}
