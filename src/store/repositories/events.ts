// The audit trail: one append-only row per fleet event. Nothing updates or deletes these rows.
// Also the rate-limit history, which is a count over the trail.

import type { Dialect } from '../dialect.js';
import type { EventRepository, RateLimitRepository } from '../index.js';
import { chainHash } from '../audit-chain.js';
import type { EventConditions, EventRecord, NewEvent } from '../records.js';
import { chunks, inList, type Sql } from '../sql.js';
import { withAllTags } from './tags.js';

/** The advisory lock (PostgreSQL) that makes the audit chain's writers take turns. */
const AUDIT_CHAIN_LOCK = 6_006_001;
/** Events written by one statement (8 parameters each). */
const EVENTS_PER_INSERT = 200;

/** The channel other servers hear appended events on (payload: the newest id). */
export const EVENTS_CHANNEL = 'etph_events';

/** The columns an event is read with. */
const EVENT_COLUMNS =
  'e.id, e.type, e.client_uuid, e.at, e.data, e.actor, e.actor_key_id, e.actor_key_name, e.hash';

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

/** The conditions of a query every listing shares (types, client, tags), as SQL and values. */
function conditions(query: EventConditions): [string[], unknown[]] {
  // Events about no client (api_key.*) belong to the trail (`after`), not to a client's lists.
  const where: string[] = ["e.client_uuid <> ''"];
  const params: unknown[] = [];
  if (query.types) {
    const [cond, values] = inList('e.type', query.types);
    where.push(cond);
    params.push(...values);
  }
  if (query.clientUuid) {
    where.push('e.client_uuid = ?');
    params.push(query.clientUuid);
  }
  if (query.clientUuidIn) {
    const [cond, values] = inList('e.client_uuid', query.clientUuidIn);
    where.push(cond);
    params.push(...values);
  }
  if (query.actor) {
    where.push('(e.actor_key_id = ? or e.actor_key_name = ? or e.actor = ?)');
    params.push(query.actor, query.actor, query.actor);
  }
  if (query.tags && query.tags.length > 0) {
    const [cond, values] = withAllTags('e.client_uuid', query.tags);
    where.push(cond);
    params.push(...values);
  }
  return [where, params];
}

const whereClause = (where: string[]): string =>
  where.length > 0 ? `where ${where.join(' and ')}` : '';

export function createEventRepository(sql: Sql): EventRepository {
  const { dialect } = sql;

  /**
   * The events after the event `afterId` (null or 0: from the first), as conditions and an order.
   * SQLite's one writer commits in id order. On PostgreSQL ids are drawn before commit, so
   * "id > cursor" could pass over an id still being written: rows whose transaction (tx,
   * migration 20261202074500) is older than the oldest running one are final, and (tx, id)
   * order puts any later commit after them.
   */
  async function afterCursor(
    afterId: number | null,
  ): Promise<{ where: string[]; params: unknown[]; order: string }> {
    const from = afterId ?? 0;
    if (dialect.name === 'sqlite') return { where: ['e.id > ?'], params: [from], order: 'e.id' };
    const visible = 'e.tx < pg_snapshot_xmin(pg_current_snapshot())';
    const order = 'e.tx, e.id';
    if (from === 0) return { where: [visible], params: [], order };
    const cursor = await sql.one<{ tx: string }>('select tx::text as tx from event where id = ?', [
      from,
    ]);
    return cursor
      ? { where: [visible, '(e.tx, e.id) > (?::xid8, ?)'], params: [cursor.tx, from], order }
      : { where: [visible, 'e.id > ?'], params: [from], order };
  }
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
    // A statement per EVENTS_PER_INSERT rows. RETURNING gives the ids in no promised order, but
    // one statement takes them in the order of its rows (SQLite's one writer; on PostgreSQL the
    // chain's lock keeps every other writer out): ascending, they are the rows' ids in order.
    for (const part of chunks([...events], EVENTS_PER_INSERT)) {
      const rows: Omit<EventRecord, 'id'>[] = [];
      const params: unknown[] = [];
      for (const event of part) {
        const actorKeyId = event.actorKeyId ?? null;
        const actorKeyName = event.actorKeyName ?? null;
        const hash = chainHash(previous, { ...event, actorKeyId, actorKeyName });
        params.push(
          event.type,
          event.clientUuid,
          event.at,
          dialect.jsonParam(event.data),
          event.actor,
          actorKeyId,
          actorKeyName,
          hash,
        );
        rows.push({ ...event, actorKeyId, actorKeyName, hash });
        previous = hash;
      }
      const ids = await sql.all<{ id: number | string }>(
        `insert into event (type, client_uuid, at, data, actor, actor_key_id, actor_key_name, hash)
         values ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')} returning id`,
        params,
      );
      if (ids.length !== rows.length)
        throw new Error(`${ids.length} event ids returned for ${rows.length} rows`);
      const ascending = ids.map((row) => Number(row.id)).sort((a, b) => a - b);
      rows.forEach((row, i) => out.push({ ...row, id: ascending[i] as number }));
    }
    // Heard at commit, never before: a follower reads only what is durable.
    if (dialect.notify) await sql.run(dialect.notify, [EVENTS_CHANNEL, String(out.at(-1)?.id)]);
    return out;
  }

  async function latestId(): Promise<number> {
    const row = await sql.one<{ id: number | string | null }>('select max(id) as id from event');
    return Number(row?.id ?? 0);
  }

  return {
    async append(event) {
      const [appended] = await appendChained([event]);
      return appended as EventRecord;
    },

    appendChained,

    async list(query) {
      const [where, params] = conditions(query);
      if (query.beforeId !== null && query.beforeId !== undefined) {
        where.push('e.id < ?');
        params.push(query.beforeId);
      }
      const rows = await sql.all<EventRow>(
        `select ${EVENT_COLUMNS} from event e ${whereClause(where)} order by e.id desc limit ?`,
        [...params, query.limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async after(afterId, limit) {
      const cursor = await afterCursor(afterId);
      const rows = await sql.all<EventRow>(
        `select ${EVENT_COLUMNS} from event e
          ${whereClause(cursor.where)} order by ${cursor.order} limit ?`,
        [...cursor.params, limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async listAfter(query) {
      const [where, params] = conditions(query);
      const cursor = await afterCursor(query.afterId);
      const rows = await sql.all<EventRow>(
        `select ${EVENT_COLUMNS} from event e
          ${whereClause([...where, ...cursor.where])} order by ${cursor.order} limit ?`,
        [...params, ...cursor.params, query.limit],
      );
      return rows.map((row) => toEvent(row, dialect));
    },

    async countAfter(query, cap) {
      const [where, params] = conditions(query);
      const cursor = await afterCursor(query.afterId);
      // Counting stops at `cap`: a cursor far back costs no more than `cap` rows.
      const row = await sql.one<{ n: number | string }>(
        `select count(*) as n from (select 1 from event e
          ${whereClause([...where, ...cursor.where])} limit ?) capped`,
        [...params, ...cursor.params, cap],
      );
      return Number(row?.n ?? 0);
    },

    latestId,

    async head() {
      if (dialect.name === 'sqlite') return latestId();
      const row = await sql.one<{ id: number | string }>(
        `select e.id from event e where e.tx < pg_snapshot_xmin(pg_current_snapshot())
          order by e.tx desc, e.id desc limit 1`,
      );
      // None final yet (a transaction older than every event still runs): the newest, rather
      // than the whole trail again.
      return row ? Number(row.id) : latestId();
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
