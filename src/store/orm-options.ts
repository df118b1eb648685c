// What the ORM options of both dialects share (./sqlite.ts, ./postgresql/options.ts): the same
// entities, MikroORM kept quiet and strict, an optional tap on every statement, and the
// dialect's own migrations, each run in a transaction and all or nothing.

import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities/index.js';

/** The options a dialect's own (connection, pool) are added to. */
export function sharedOrmOptions(
  log: ((message: string) => void) | undefined,
  onStatement: ((sql: string) => void) | undefined,
  migrations: { migrationsList: MigrationObject[]; path: string },
) {
  return {
    // MikroORM writes to stdout by default; stdout belongs to the CLI and MCP stdio.
    logger: log ?? (() => undefined),
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    debug: false,
    discovery: { requireEntitiesArray: true },
    ...(onStatement
      ? {
          onQuery: (sql: string) => {
            onStatement(sql);
            return sql;
          },
        }
      : {}),
    migrations: {
      ...migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
      emit: 'ts' as const,
    },
  };
}
