// Idempotency keys. A key is claimed with one `insert … on conflict do nothing`, so two requests
// racing with one key (on one server or several) claim it once; the loser reads the winner's
// row. An expired key is deleted before it is claimed again.

import type { Dialect } from '../dialect.js';
import type { IdempotencyRepository } from '../index.js';
import { IdempotencyState, type IdempotencyRecord, type IdempotencyStateName } from '../records.js';
import type { Sql } from '../sql.js';

interface KeyRow {
  key: string;
  operation: string;
  fingerprint: string;
  actor: string | null;
  state: string;
  outcome: string | null;
  created_at: unknown;
  finished_at: unknown;
  expires_at: unknown;
  server: string | null;
}

function toRecord(row: KeyRow, dialect: Dialect): IdempotencyRecord {
  return {
    key: row.key,
    operation: row.operation,
    fingerprint: row.fingerprint,
    actor: row.actor,
    state: row.state as IdempotencyStateName,
    outcome: row.outcome,
    createdAt: dialect.date(row.created_at),
    finishedAt: dialect.dateOrNull(row.finished_at),
    expiresAt: dialect.date(row.expires_at),
    server: row.server ?? null,
  };
}

/** Attempts at claiming before giving up (a row deleted between the insert and the read). */
const CLAIM_ATTEMPTS = 3;

export function createIdempotencyRepository(sql: Sql): IdempotencyRepository {
  const { dialect } = sql;
  const get = async (key: string): Promise<IdempotencyRecord | null> => {
    const row = await sql.one<KeyRow>('select * from idempotency_key where "key" = ?', [key]);
    return row ? toRecord(row, dialect) : null;
  };
  return {
    get,

    async claim(record) {
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        await sql.run('delete from idempotency_key where "key" = ? and expires_at <= ?', [
          record.key,
          record.createdAt,
        ]);
        const inserted = await sql.all<{ key: string }>(
          `insert into idempotency_key ("key", operation, fingerprint, actor, state, outcome,
             created_at, finished_at, expires_at, server)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           on conflict ("key") do nothing returning "key"`,
          [
            record.key,
            record.operation,
            record.fingerprint,
            record.actor,
            record.state,
            record.outcome,
            record.createdAt,
            record.finishedAt,
            record.expiresAt,
            record.server,
          ],
        );
        if (inserted.length > 0) return null;
        const existing = await get(record.key);
        if (existing) return existing;
      }
      throw new Error(`idempotency key ${record.key}: neither claimed nor found`);
    },

    async finish(key, { state, outcome, finishedAt }) {
      await sql.run(
        `update idempotency_key set state = ?, outcome = ?, finished_at = ? where "key" = ?`,
        [state, outcome, finishedAt, key],
      );
    },

    async release(key) {
      await sql.run(
        `delete from idempotency_key where "key" = ? and state = '${IdempotencyState.running}'`,
        [key],
      );
    },

    async interruptRunning(at, server, unowned = false) {
      const rows = await sql.all<{ key: string }>(
        `update idempotency_key set state = '${IdempotencyState.interrupted}', finished_at = ?
          where state = '${IdempotencyState.running}'
            and (server = ?${unowned ? ' or server is null' : ''}) returning "key"`,
        [at, server],
      );
      return rows.length;
    },

    async purgeExpired(now) {
      // Counted first: the driver reports no rows for a DELETE … RETURNING on SQLite.
      const row = await sql.one<{ n: number | string }>(
        'select count(*) as n from idempotency_key where expires_at <= ?',
        [now],
      );
      await sql.run('delete from idempotency_key where expires_at <= ?', [now]);
      return Number(row?.n ?? 0);
    },
  };
}
