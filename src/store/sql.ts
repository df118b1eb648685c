// How repositories run statements: `all` / `one` / `run` over the store's connection, inside a
// transaction when they were handed one. Parameters use `?` and are quoted by the driver layer
// for the database in use (MikroORM's platform: strings escaped, Dates and booleans encoded,
// arrays expanded into comma lists), so a long `in (?)` list costs no bound variables; the
// dialect first makes each one storable (PostgreSQL refuses NUL characters).

import type { AbstractSqlConnection } from '@mikro-orm/knex';
import type { Dialect } from './dialect.js';

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  one<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  run(sql: string, params?: readonly unknown[]): Promise<void>;
}

/** The transaction MikroORM hands out (opaque here). */
export type TransactionContext = Parameters<AbstractSqlConnection['execute']>[3];

export function createSql(
  connection: AbstractSqlConnection,
  dialect: Dialect,
  tx?: TransactionContext,
): Sql {
  const encode = (params: readonly unknown[]): unknown[] => params.map(dialect.param);
  const all = async <T>(sql: string, params: readonly unknown[] = []): Promise<T[]> =>
    (await connection.execute(sql, encode(params), 'all', tx)) as T[];
  return {
    dialect,
    all,
    async one<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
      return (await all<T>(sql, params))[0];
    },
    async run(sql, params = []) {
      await connection.execute(sql, encode(params), 'run', tx);
    },
  };
}

/** A condition `column in (…values)`; never true for no values (`in ()` is not portable). */
export function inList(column: string, values: readonly unknown[]): [string, unknown[]] {
  return values.length === 0 ? ['1 = 0', []] : [`${column} in (?)`, [[...values]]];
}

/** Splits `values` into slices of at most `size` (statements over very long lists). */
export function chunks<T>(values: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
