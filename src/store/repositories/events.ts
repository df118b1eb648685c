// The audit trail: one append-only row per fleet event. Nothing updates or deletes these rows.
// Also the rate-limit history, which is a count over the trail.

import type { Dialect } from '../dialect.js';
import type { EventRepository, RateLimitRepository } from '../index.js';
import type { EventRecord } from '../records.js';
import { inList, type Sql } from '../sql.js';
import { withAllTags } from './tags.js';

interface EventRow {
  id: number | string;
  type: string;
  client_uuid: string | null;
  at: unknown;
  data: unknown;
  actor: string | null;
}

function toEvent(row: EventRow, dialect: Dialect): EventRecord {
  return {
    id: Number(row.id),
    type: row.type,
    clientUuid: row.client_uuid ?? '',
    at: dialect.date(row.at),
    data: row.data === null ? {} : dialect.json<Record<string, unknown>>(row.data),
    actor: row.actor,
  };
}

export function createEventRepository(sql: Sql): EventRepository {
  const { dialect } = sql;
  return {
    async append(event) {
      const row = await sql.one<{ id: number | string }>(
        'insert into event (type, client_uuid, at, data, actor) values (?, ?, ?, ?, ?) returning id',
        [event.type, event.clientUuid, event.at, dialect.jsonParam(event.data), event.actor],
      );
      return { ...event, id: Number(row?.id) };
    },

    async list(query) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      if (query.beforeId !== null && query.beforeId !== undefined) {
        conditions.push('e.id < ?');
        params.push(query.beforeId);
      }
      if (query.types) {
        const [cond, values] = inList('e.type', query.types);
        conditions.push(cond);
        params.push(...values);
      }
      if (query.clientUuid) {
        conditions.push('e.client_uuid = ?');
        params.push(query.clientUuid);
      }
      if (query.tags && query.tags.length > 0) {
        const [cond, values] = withAllTags('e.client_uuid', query.tags);
        conditions.push(cond);
        params.push(...values);
      }
      const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
      const rows = await sql.all<EventRow>(
        `select e.* from event e ${where} order by e.id desc limit ?`,
        [...params, query.limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async after(afterId, limit) {
      const columns = 'e.id, e.type, e.client_uuid, e.at, e.data, e.actor';
      if (dialect.name === 'sqlite') {
        const rows = await sql.all<EventRow>(
          `select ${columns} from event e where e.id > ? order by e.id limit ?`,
          [afterId ?? 0, limit],
        );
        return rows.map((row) => toEvent(row, dialect));
      }
      // PostgreSQL: ids are drawn before commit, so "id > cursor" could pass over an id still
      // being written. Rows whose transaction (tx, migration 20261202074500) is older than the
      // oldest running one are final, and (tx, id) order puts any later commit after them.
      const cursor =
        afterId === null
          ? null
          : await sql.one<{ tx: string }>('select tx::text as tx from event where id = ?', [
              afterId,
            ]);
      const [condition, params]: [string, unknown[]] =
        afterId === null
          ? ['1 = 1', []]
          : cursor
            ? ['(e.tx, e.id) > (?::xid8, ?)', [cursor.tx, afterId]]
            : ['e.id > ?', [afterId]];
      const rows = await sql.all<EventRow>(
        `select ${columns} from event e
          where e.tx < pg_snapshot_xmin(pg_current_snapshot()) and ${condition}
          order by e.tx, e.id limit ?`,
        [...params, limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async recentOf(uuids, { limit, types }) {
      if (uuids.length === 0) return [];
      const [clients, clientParams] = inList('e.client_uuid', [...new Set(uuids)]);
      const [typeCond, typeParams] = types ? inList('e.type', types) : ['1 = 1', []];
      const rows = await sql.all<EventRow>(
        `select id, type, client_uuid, at, data, actor from (
           select e.*, row_number() over (partition by e.client_uuid order by e.id desc) as rank
           from event e where ${clients} and ${typeCond}
         ) ranked where rank <= ? order by id desc`,
        [...clientParams, ...typeParams, limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },
  };
}

export function createRateLimitRepository(sql: Sql): RateLimitRepository {
  const { dialect } = sql;
  return {
    async breachCounts(eventType) {
      const rows = await sql.all<{
        uuid: string;
        breach: string | null;
        enforced: unknown;
        n: number | string;
      }>(
        `select client_uuid as uuid, ${dialect.jsonText('data', 'limit')} as breach,
                ${dialect.jsonText('data', 'enforced')} as enforced, count(*) as n
           from event where type = ? group by 1, 2, 3`,
        [eventType],
      );
      return rows.map((row) => ({
        clientUuid: row.uuid,
        breach: row.breach ?? '',
        // SQLite's json_extract gives 1/0, PostgreSQL's ->> gives 'true'/'false'.
        enforced: row.enforced === true || row.enforced === 1 || row.enforced === 'true',
        count: Number(row.n),
      }));
    },
  };
}
