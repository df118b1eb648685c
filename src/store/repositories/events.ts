// The audit trail: one append-only row per fleet event. Nothing updates or deletes these rows.
// Also the rate-limit history, which is a count over the trail.

import type { Dialect } from '../dialect.js';
import type { EventRepository, RateLimitRepository } from '../index.js';
import type { EventRecord, NewEvent } from '../records.js';

/** The advisory lock (PostgreSQL) that makes the audit chain's writers take turns. */
const AUDIT_CHAIN_LOCK = 6_006_001;
import { chainHash } from '../audit-chain.js';
import { inList, type Sql } from '../sql.js';
import { withAllTags } from './tags.js';

interface EventRow {
  id: number | string;
  type: string;
  client_uuid: string | null;
  at: unknown;
  data: unknown;
  actor: string | null;
  actor_key_id?: string | null;
  actor_key_name?: string | null;
  hash?: string | null;
}

function toEvent(row: EventRow, dialect: Dialect): EventRecord {
  return {
    id: Number(row.id),
    type: row.type,
    clientUuid: row.client_uuid ?? '',
    at: dialect.date(row.at),
    data: row.data === null ? {} : dialect.json<Record<string, unknown>>(row.data),
    actor: row.actor,
    actorKeyId: row.actor_key_id ?? null,
    actorKeyName: row.actor_key_name ?? null,
    hash: row.hash ?? null,
  };
}

export function createEventRepository(sql: Sql): EventRepository {
  const { dialect } = sql;

  /**
   * Appends events chained to the newest hash. Run inside a transaction: on PostgreSQL the
   * chain's advisory lock (held to commit) makes writers on every server take turns, so ids
   * and the chain have one order; SQLite has one connection and one writer.
   */
  async function appendChained(events: readonly NewEvent[]): Promise<EventRecord[]> {
    if (events.length === 0) return [];
    if (dialect.name === 'postgresql')
      await sql.run(`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const head = await sql.one<{ hash: string }>(
      'select hash from event where hash is not null order by id desc limit 1',
    );
    let previous = head?.hash ?? '';
    const out: EventRecord[] = [];
    for (const event of events) {
      const actorKeyId = event.actorKeyId ?? null;
      const actorKeyName = event.actorKeyName ?? null;
      const hash = chainHash(previous, { ...event, actorKeyId, actorKeyName });
      const row = await sql.one<{ id: number | string }>(
        `insert into event (type, client_uuid, at, data, actor, actor_key_id, actor_key_name, hash)
         values (?, ?, ?, ?, ?, ?, ?, ?) returning id`,
        [
          event.type,
          event.clientUuid,
          event.at,
          JSON.stringify(event.data),
          event.actor,
          actorKeyId,
          actorKeyName,
          hash,
        ],
      );
      out.push({ ...event, actorKeyId, actorKeyName, hash, id: Number(row?.id) });
      previous = hash;
    }
    return out;
  }

  return {
    async append(event) {
      const [appended] = await appendChained([event]);
      return appended!;
    },

    appendChained,

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
      if (query.clientUuidIn) {
        const [cond, values] = inList('e.client_uuid', query.clientUuidIn);
        conditions.push(cond);
        params.push(...values);
      }
      if (query.actor) {
        conditions.push('(e.actor_key_id = ? or e.actor_key_name = ? or e.actor = ?)');
        params.push(query.actor, query.actor, query.actor);
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
      const rows = await sql.all<EventRow>(
        'select * from event where id > ? order by id asc limit ?',
        [afterId, limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async recentOf(uuids, { limit, types }) {
      if (uuids.length === 0) return [];
      const [clients, clientParams] = inList('e.client_uuid', [...new Set(uuids)]);
      const [typeCond, typeParams] = types ? inList('e.type', types) : ['1 = 1', []];
      const rows = await sql.all<EventRow>(
        `select id, type, client_uuid, at, data, actor, actor_key_id, actor_key_name, hash from (
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
