// Clients: the registry's rows, read with their tags in the same statement (an aggregated
// subquery per row), filtered in SQL, written field by field.

import { containsPattern, prefixPattern, type Dialect } from '../dialect.js';
import type { ClientRepository } from '../index.js';
import type { ClientChanges, ClientQuery, ClientRecord } from '../records.js';
import { chunks, inList, type Sql } from '../sql.js';
import { clientAssignments, clientRow, clientSelect, toClientRecord } from './client-columns.js';
import { ensureTags, linkTags, withAllTags } from './tags.js';

/** Clients per statement when tags change on many at once. */
const TAG_CHANGE_CHUNK = 2000;

/** The channel other servers hear client writes on (payload: uuids joined by commas). */
export const CLIENTS_CHANNEL = 'etph_clients';
/** Uuids per notification: PostgreSQL's payload limit is 8,000 bytes. */
const UUIDS_PER_NOTIFY = 200;
/** Clients per statement when each gets a value of its own (lastSeen, closing a session). */
const CLIENTS_PER_STATEMENT = 500;

/** The WHERE clause of `query` (table alias `c`) and its parameters. */
export function clientConditions(query: ClientQuery, dialect: Dialect): [string, unknown[]] {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, values: readonly unknown[] = []): void => {
    conditions.push(condition);
    params.push(...values);
  };
  if (!query.includeDecommissioned) add('c.decommissioned_at is null');
  if (query.query) {
    const pattern = containsPattern(query.query);
    const columns = ['c.display_name', 'c.purpose', 'c.hostname', 'c.client_id'];
    add(`(${columns.map((column) => dialect.likeIgnoringCase(column)).join(' or ')})`, [
      pattern,
      pattern,
      pattern,
      pattern,
    ]);
  }
  if (query.purpose) add(dialect.likeIgnoringCase('c.purpose'), [containsPattern(query.purpose)]);
  if (query.tags && query.tags.length > 0) add(...withAllTags('c.uuid', query.tags));
  for (const capability of new Set(query.capabilities ?? []))
    add(dialect.jsonArrayHas('c.capabilities'), [capability]);
  if (query.keyMismatch === true) add('c.pending_fingerprint is not null');
  if (query.keyMismatch === false) add('c.pending_fingerprint is null');
  if (query.uuidIn) add(...inList('c.uuid', query.uuidIn));
  if (query.uuidNotIn && query.uuidNotIn.length > 0)
    add('c.uuid not in (?)', [[...query.uuidNotIn]]);
  if (query.disconnectedSince) add('c.last_disconnected_at >= ?', [query.disconnectedSince]);
  return [conditions.length > 0 ? conditions.join(' and ') : '1 = 1', params];
}

/**
 * `case uuid when ? then <value> … end`: one value per client of a page, in one statement (the
 * heartbeats' lastSeen, the closing of sessions a crash left open). `value` is the SQL of one
 * value (`?`, or the dialect's date parameter), `params` its parameters for an item.
 */
function byUuid<T extends { uuid: string }>(
  page: readonly T[],
  value: string,
  params: (item: T) => unknown[],
): { sql: string; params: unknown[] } {
  return {
    sql: `case uuid ${page.map(() => `when ? then ${value}`).join(' ')} end`,
    params: page.flatMap((item) => [item.uuid, ...params(item)]),
  };
}

export function createClientRepository(sql: Sql): ClientRepository {
  const { dialect } = sql;

  /** Tells other servers (at commit) that these clients' rows changed: their indexes re-read. */
  async function announce(uuids: readonly string[]): Promise<void> {
    if (!dialect.notify) return;
    for (const part of chunks([...new Set(uuids)], UUIDS_PER_NOTIFY))
      await sql.run(dialect.notify, [CLIENTS_CHANNEL, part.join(',')]);
  }
  /** The assignments that clear a hold and set `changes`. */
  function releasing(changes: ClientChanges, moving = false): { set: string; params: unknown[] } {
    const { heldBy: _by, heldConnection: _connection, ...rest } = changes;
    const { columns, params } = clientAssignments(rest, dialect);
    const cleared = moving
      ? ['held_connection = null']
      : ['held_by = null', 'held_connection = null'];
    const set = [...cleared, ...columns.map((c) => `${c} = ?`)];
    return { set: set.join(', '), params };
  }
  const select = `select ${clientSelect(dialect)} from client c`;
  const records = (rows: Record<string, unknown>[]): ClientRecord[] =>
    rows.map((row) => toClientRecord(row, dialect));
  const first = async (where: string, params: unknown[]): Promise<ClientRecord | null> => {
    const row = await sql.one<Record<string, unknown>>(`${select} where ${where}`, params);
    return row ? toClientRecord(row, dialect) : null;
  };

  return {
    get: (uuid) => first('c.uuid = ?', [uuid]),
    getByClientId: (clientId) => first('c.client_id = ?', [clientId]),

    async getToUpdate(uuid) {
      // Inside a transaction the uuid is held until it ends: two servers attaching one client at
      // once take turns, so the second sees the first's hold (and the key it presented).
      if (dialect.holdName) await sql.run(dialect.holdName, [`client:${uuid}`]);
      return first('c.uuid = ?', [uuid]);
    },

    async getMany(uuids) {
      const out: ClientRecord[] = [];
      for (const part of chunks([...new Set(uuids)], TAG_CHANGE_CHUNK)) {
        const [cond, params] = inList('c.uuid', part);
        out.push(...records(await sql.all(`${select} where ${cond}`, params)));
      }
      return out;
    },

    async findByName(name, limit) {
      const lowered = name.toLowerCase();
      return records(
        await sql.all(
          `${select} where lower(c.client_id) = ? or lower(c.display_name) = ? limit ?`,
          [lowered, lowered, limit],
        ),
      );
    },

    async list(query, page = {}) {
      const [where, params] = clientConditions(query, dialect);
      let text = `${select} where ${where}`;
      if (page.afterClientId !== null && page.afterClientId !== undefined) {
        text += ' and c.client_id > ?';
        params.push(page.afterClientId);
      }
      text += ' order by c.client_id';
      if (page.limit !== undefined) {
        text += ' limit ?';
        params.push(page.limit);
      }
      return records(await sql.all(text, params));
    },

    async count(query) {
      const [where, params] = clientConditions(query, dialect);
      const row = await sql.one<{ n: number | string }>(
        `select count(*) as n from client c where ${where}`,
        params,
      );
      return Number(row?.n ?? 0);
    },

    async clientIdsStartingWith(prefix) {
      // Inside a transaction, the prefix is held until it ends: two first admissions of one
      // hostname on a pool (PostgreSQL) take turns, so the second sees the first's clientId.
      if (dialect.holdName) await sql.run(dialect.holdName, [`client_id:${prefix}`]);
      const rows = await sql.all<{ client_id: string }>(
        `select client_id from client where client_id like ? escape '\\'`,
        [prefixPattern(prefix)],
      );
      return rows.map((row) => row.client_id);
    },

    async namesStartingWith(prefix) {
      // Inside a transaction, the prefix is held until it ends: two first admissions of one
      // hostname on a pool (PostgreSQL) take turns, so the second sees the first's clientId.
      if (dialect.holdName) await sql.run(dialect.holdName, [`client_id:${prefix.toLowerCase()}`]);
      // Through the indexes on lower(client_id) and lower(display_name): no scan of every client.
      const [byId, idParams] = dialect.lowerStartsWith('client_id', prefix.toLowerCase());
      const [byName, nameParams] = dialect.lowerStartsWith('display_name', prefix.toLowerCase());
      const rows = await sql.all<{ name: string }>(
        `select lower(client_id) as name from client where ${byId}
         union select lower(display_name) as name from client where ${byName}`,
        [...idParams, ...nameParams],
      );
      return rows.map((row) => row.name);
    },

    async insert(client) {
      const { columns, params } = clientRow(client, dialect);
      await sql.run(
        `insert into client (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
        params,
      );
      await ensureTags(sql, client.tags);
      await linkTags(sql, [client.uuid], client.tags);
      await announce([client.uuid]);
    },

    async update(uuid, changes) {
      const { columns, params } = clientAssignments(changes, dialect);
      if (columns.length === 0) return (await first('c.uuid = ?', [uuid])) !== null;
      const rows = await sql.all(
        `update client set ${columns.map((column) => `${column} = ?`).join(', ')} where uuid = ? returning uuid`,
        [...params, uuid],
      );
      if (rows.length > 0) await announce([uuid]);
      return rows.length > 0;
    },

    async touchLastSeen(seen) {
      for (const page of chunks([...seen], CLIENTS_PER_STATEMENT)) {
        const lastSeen = byUuid(page, dialect.dateParam, ({ at }) => [
          ...clientAssignments({ lastSeen: at }, dialect).params,
        ]);
        const [touched, uuids] = inList(
          'uuid',
          page.map((touch) => touch.uuid),
        );
        await sql.run(`update client set last_seen = ${lastSeen.sql} where ${touched}`, [
          ...lastSeen.params,
          ...uuids,
        ]);
      }
      await announce(seen.map((touch) => touch.uuid));
    },

    async closeSessions(sessions) {
      const closed: string[] = [];
      for (const page of chunks([...sessions], CLIENTS_PER_STATEMENT)) {
        const at = byUuid(page, dialect.dateParam, ({ lastDisconnectedAt }) => [
          ...clientAssignments({ lastDisconnectedAt }, dialect).params,
        ]);
        // '' for none: a connection id is never empty.
        const held = byUuid(page, '?', ({ connection }) => [connection ?? '']);
        const [listed, uuids] = inList(
          'uuid',
          page.map((session) => session.uuid),
        );
        const rows = await sql.all<{ uuid: string }>(
          `update client set held_by = null, held_connection = null, last_disconnected_at = ${at.sql}
            where ${listed} and coalesce(held_connection, '') = ${held.sql}
            returning uuid`,
          [...at.params, ...uuids, ...held.params],
        );
        closed.push(...rows.map((row) => row.uuid));
      }
      if (closed.length > 0) await announce(closed);
      return closed;
    },

    async releaseHold(uuid, connection, changes, moving = false) {
      const { set, params } = releasing(changes, moving);
      const rows = await sql.all(
        `update client set ${set} where uuid = ? and held_connection = ? returning uuid`,
        [...params, uuid, connection],
      );
      if (rows.length > 0) await announce([uuid]);
      return rows.length > 0;
    },

    async releaseHoldsOf(server, changes) {
      const { set, params } = releasing(changes);
      // One statement: when several servers sweep at once, each row goes to exactly one of them.
      const rows = await sql.all<{ uuid: string }>(
        `update client set ${set} where held_by = ? returning uuid`,
        [...params, server],
      );
      const uuids = rows.map((row) => row.uuid);
      if (uuids.length > 0) await announce(uuids);
      return uuids;
    },

    async reclaimHold(uuid, server, connection) {
      // Only while nobody holds it: a newer connection (anywhere) keeps the client.
      const rows = await sql.all(
        'update client set held_by = ?, held_connection = ? where uuid = ? and held_by is null returning uuid',
        [server, connection, uuid],
      );
      if (rows.length > 0) await announce([uuid]);
      return rows.length > 0;
    },

    async setTags(uuid, names) {
      await sql.run('delete from client_tag where client_uuid = ?', [uuid]);
      await ensureTags(sql, names);
      await linkTags(sql, [uuid], names);
      await announce([uuid]);
    },

    async changeTags(uuids, { add, remove }) {
      await ensureTags(sql, add);
      for (const part of chunks([...new Set(uuids)], TAG_CHANGE_CHUNK)) {
        if (remove.length > 0) {
          const [clients, clientParams] = inList('client_uuid', part);
          const [tags, tagParams] = inList('name', [...new Set(remove)]);
          await sql.run(
            `delete from client_tag where ${clients} and tag_id in (select id from tag where ${tags})`,
            [...clientParams, ...tagParams],
          );
        }
        await linkTags(sql, part, add);
      }
      await announce(uuids);
    },

    async webhookTarget(uuid) {
      const row = await sql.one<{
        uuid: string;
        client_id: string;
        display_name: string | null;
        hostname: string;
        webhook_url: string | null;
      }>('select uuid, client_id, display_name, hostname, webhook_url from client where uuid = ?', [
        uuid,
      ]);
      return row
        ? {
            uuid: row.uuid,
            clientId: row.client_id,
            displayName: row.display_name,
            hostname: row.hostname,
            webhookUrl: row.webhook_url,
          }
        : null;
    },

    async webhookSecret(uuid) {
      const row = await sql.one<{ webhook_secret: string | null }>(
        'select webhook_secret from client where uuid = ?',
        [uuid],
      );
      return row?.webhook_secret ?? null;
    },
  };
}
