// The webhook outbox: one row per delivery of one event to one URL, moved PENDING → DELIVERED,
// or FAILED once the retry schedule is spent. `claimed` marks rows a worker holds in memory.
// The worker's hot statements are written for throughput (bench/webhooks.ts): one UPDATE …
// RETURNING claims a batch through the covering index, and successes are written grouped.

import type { Dialect } from '../dialect.js';
import type { DeliveryRepository } from '../index.js';
import { DeliveryStatus, type DeliveryRecord, type DeliveryStatusName } from '../records.js';
import { chunks, inList, type Sql } from '../sql.js';

/** Deliveries per statement when successes are written together. */
const SUCCESS_CHUNK = 500;

interface DeliveryRow {
  id: string;
  event_id: number | string | null;
  event: string;
  client_uuid: string | null;
  url: string;
  endpoint: string;
  target: string;
  payload: string;
  status: string;
  attempts: number | string;
  next_attempt_at: unknown;
  claimed: unknown;
  claimed_by?: string | null;
  last_error: string | null;
  last_status_code: number | string | null;
  last_attempt_at: unknown;
  created_at: unknown;
  delivered_at: unknown;
  replayed_at: unknown;
}

function toDelivery(row: DeliveryRow, dialect: Dialect): DeliveryRecord {
  return {
    id: row.id,
    eventId: row.event_id === null ? null : Number(row.event_id),
    event: row.event,
    clientUuid: row.client_uuid,
    url: row.url,
    endpoint: row.endpoint,
    target: row.target,
    payload: row.payload,
    status: row.status as DeliveryStatusName,
    attempts: Number(row.attempts),
    nextAttemptAt: dialect.date(row.next_attempt_at),
    claimed: dialect.boolOrNull(row.claimed) ?? false,
    claimedBy: row.claimed_by ?? null,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastAttemptAt: dialect.dateOrNull(row.last_attempt_at),
    createdAt: dialect.date(row.created_at),
    deliveredAt: dialect.dateOrNull(row.delivered_at),
    replayedAt: dialect.dateOrNull(row.replayed_at),
  };
}

const REPLAYED = `status = '${DeliveryStatus.pending}', attempts = 0, next_attempt_at = ?, replayed_at = ?, claimed = false, claimed_by = null`;
/** What releasing a claim sets. */
const UNCLAIMED = 'claimed = false, claimed_by = null';

export function createDeliveryRepository(sql: Sql): DeliveryRepository {
  const { dialect } = sql;
  const deliveries = (rows: DeliveryRow[]): DeliveryRecord[] =>
    rows.map((row) => toDelivery(row, dialect));

  return {
    async insert(d) {
      await sql.run(
        `insert into webhook_delivery (id, event_id, event, client_uuid, url, endpoint, target,
           payload, status, attempts, next_attempt_at, claimed, claimed_by, last_error,
           last_status_code, last_attempt_at, created_at, delivered_at, replayed_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          d.id,
          d.eventId,
          d.event,
          d.clientUuid,
          d.url,
          d.endpoint,
          d.target,
          d.payload,
          d.status,
          d.attempts,
          d.nextAttemptAt,
          d.claimed,
          d.claimed ? (d.claimedBy ?? null) : null,
          d.lastError,
          d.lastStatusCode,
          d.lastAttemptAt,
          d.createdAt,
          d.deliveredAt,
          d.replayedAt,
        ],
      );
    },

    async get(id) {
      const [row] = deliveries(await sql.all('select * from webhook_delivery where id = ?', [id]));
      return row ?? null;
    },

    async list(query) {
      const conditions: string[] = [];
      const params: unknown[] = [];
      for (const [column, value] of [
        ['status', query.status],
        ['client_uuid', query.clientUuid],
        ['event', query.event],
      ] as const) {
        if (value === null || value === undefined) continue;
        conditions.push(`${column} = ?`);
        params.push(value);
      }
      const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
      return deliveries(
        await sql.all(
          `select * from webhook_delivery ${where} order by created_at desc, id desc limit ?`,
          [...params, query.limit],
        ),
      );
    },

    async claimDue(now, { limit, skipEndpoints, by }) {
      // On a pool (PostgreSQL) claims may overlap: rows another claim holds are skipped, and
      // `claimed = false` is checked again on the row itself, so no row is claimed twice.
      const skip = skipEndpoints.length > 0 ? 'and endpoint not in (?)' : '';
      const rows = await sql.all<DeliveryRow>(
        `update webhook_delivery set claimed = true, claimed_by = ? where id in (
           select id from webhook_delivery
           where status = '${DeliveryStatus.pending}' and claimed = false and next_attempt_at <= ?
           ${skip}
           order by next_attempt_at limit ? ${dialect.skipLocked})
           and claimed = false
         returning *`,
        skipEndpoints.length > 0 ? [by, now, [...skipEndpoints], limit] : [by, now, limit],
      );
      return deliveries(rows).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
    },

    async releaseClaims(by) {
      await sql.run(
        `update webhook_delivery set ${UNCLAIMED}
          where status = '${DeliveryStatus.pending}' and claimed = true
            and (claimed_by = ? or claimed_by is null)`,
        [by],
      );
    },

    async releaseClaimsOfGone(by, leaseMs) {
      const rows = await sql.all(
        `update webhook_delivery set ${UNCLAIMED}
          where status = '${DeliveryStatus.pending}' and claimed = true
            and claimed_by is not null and claimed_by <> ?
            and claimed_by not in
              (select name from cluster_server where ${dialect.msSince('renewed_at')} <= ?)
          returning id`,
        [by, leaseMs],
      );
      return rows.length;
    },

    async release(id) {
      await sql.run(`update webhook_delivery set ${UNCLAIMED} where id = ?`, [id]);
    },

    async recordAttempts(outcomes) {
      // Successes (nearly all outcomes) in one statement per status code and chunk; the rest
      // one by one.
      const delivered = new Map<number | null, { ids: string[]; at: Date }>();
      for (const outcome of outcomes) {
        if (outcome.status === DeliveryStatus.delivered) {
          const group = delivered.get(outcome.lastStatusCode) ?? {
            ids: [],
            at: outcome.deliveredAt ?? outcome.lastAttemptAt,
          };
          group.ids.push(outcome.id);
          delivered.set(outcome.lastStatusCode, group);
          continue;
        }
        await sql.run(
          `update webhook_delivery set attempts = ?, last_attempt_at = ?, last_status_code = ?,
             claimed = false, claimed_by = null, last_error = ?, status = coalesce(?, status),
             next_attempt_at = coalesce(?, next_attempt_at)
           where id = ?`,
          [
            outcome.attempts,
            outcome.lastAttemptAt,
            outcome.lastStatusCode,
            outcome.lastError ?? null,
            outcome.status ?? null,
            outcome.nextAttemptAt ?? null,
            outcome.id,
          ],
        );
      }
      for (const [code, { ids, at }] of delivered) {
        for (const part of chunks(ids, SUCCESS_CHUNK)) {
          const [cond, params] = inList('id', part);
          await sql.run(
            `update webhook_delivery set status = '${DeliveryStatus.delivered}', attempts = attempts + 1,
               claimed = false, claimed_by = null, last_error = null, last_status_code = ?, last_attempt_at = ?,
               delivered_at = ? where ${cond}`,
            [code, at, at, ...params],
          );
        }
      }
    },

    async replay(id, at) {
      const rows = await sql.all(
        `update webhook_delivery set ${REPLAYED} where id = ? and status = '${DeliveryStatus.failed}' returning id`,
        [at, at, id],
      );
      return rows.length > 0;
    },

    async replayFailed(filter, at) {
      const conditions = [`status = '${DeliveryStatus.failed}'`];
      const params: unknown[] = [at, at];
      if (filter.clientUuid) {
        conditions.push('client_uuid = ?');
        params.push(filter.clientUuid);
      }
      if (filter.event) {
        conditions.push('event = ?');
        params.push(filter.event);
      }
      const rows = await sql.all(
        `update webhook_delivery set ${REPLAYED} where ${conditions.join(' and ')} returning id`,
        params,
      );
      return rows.length;
    },

    async discard(filter) {
      // A row the worker holds (claimed) is being attempted right now: it is left to finish.
      const statuses = filter.includeFailed
        ? `('${DeliveryStatus.pending}', '${DeliveryStatus.failed}')`
        : `('${DeliveryStatus.pending}')`;
      const conditions = [`status in ${statuses}`, 'claimed = false'];
      const params: unknown[] = [];
      if (filter.clientUuid) {
        conditions.push('client_uuid = ?');
        params.push(filter.clientUuid);
      }
      if (filter.url) {
        conditions.push('url = ?');
        params.push(filter.url);
      }
      if (filter.event) {
        conditions.push('event = ?');
        params.push(filter.event);
      }
      // The driver answers a DELETE with no rows (and no count): the ids are read first, and
      // those still there afterwards (claimed meanwhile) are not counted.
      const ids = (
        await sql.all<{ id: string }>(
          `select id from webhook_delivery where ${conditions.join(' and ')}`,
          params,
        )
      ).map((row) => row.id);
      let discarded = 0;
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500);
        await sql.run('delete from webhook_delivery where id in (?) and claimed = false', [chunk]);
        const left = await sql.all<{ id: string }>(
          'select id from webhook_delivery where id in (?)',
          [chunk],
        );
        discarded += chunk.length - left.length;
      }
      return discarded;
    },
  };
}
