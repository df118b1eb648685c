// Runs the PostgreSQL migrations, safely when several servers start at once on one database.
//
// The whole run happens inside one transaction that first takes a transaction-level advisory
// lock (pg_advisory_xact_lock): a second server blocks there until the first commits, then finds
// nothing pending. DDL is transactional in PostgreSQL, so a server killed mid-way leaves no half
// migration, and its lock goes with its connection. The migrator also creates its bookkeeping
// table on a second pool connection while the first holds the lock (hence a pool of at least 2).

import type { MikroORM } from '@mikro-orm/postgresql';

/** The advisory lock key: "etphmigr" in ASCII, so it is recognisable in pg_locks. */
export const MIGRATION_LOCK_KEY = '7310591688943691634';

/** Applies the pending migrations under the lock; returns the names applied (oldest first). */
export async function migratePostgres(
  orm: MikroORM,
  log?: (message: string) => void,
): Promise<string[]> {
  const poolMax = orm.config.get('pool')?.max ?? 0;
  if (poolMax < 2) {
    throw new RangeError(
      `PostgreSQL pool size ${poolMax}: migratePostgres needs at least 2 connections (createPostgresOptions sets 10)`,
    );
  }
  const applied = await orm.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?::bigint)', [MIGRATION_LOCK_KEY]);
    return orm.getMigrator().up({ transaction: em.getTransactionContext() });
  });
  const names = applied.map((migration) => migration.name);
  for (const name of names) log?.(`applied migration ${name}`);
  return names;
}
