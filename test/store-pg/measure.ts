// Measures, on a throwaway PostgreSQL (test/support/postgres.ts), the primitives that design note
// docs/design/0004-postgresql.md builds the cluster store on, with our schema and ORM options:
// LISTEN/NOTIFY latency, events written with an outbox row (one caller, eight, batched), claims
// with FOR UPDATE SKIP LOCKED, single-use tokens raced, and a listener's return after a restart.
// Prints figures; asserts only what must hold whatever the speed (no double claim, one winner).
//
//   npx tsx test/store-pg/measure.ts            # fsync off, as the tests run
//   npx tsx test/store-pg/measure.ts --fsync    # fsync on, as a production server runs
//
// Not a test (no .test.ts): the figures depend on the machine. Issue 14's bench/cluster.ts is
// the place for the end-to-end ones.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/postgresql';
import { createPostgresOptions } from '../../src/store/postgresql/options.js';
import { migratePostgres } from '../../src/store/postgresql/migrate.js';
import { startPostgres } from '../support/postgres.js';

/** The driver's connection, as knex hands it out (pg.Client). */
interface RawConnection {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'notification', listener: (message: { payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: () => void): void;
}

const fsync = process.argv.includes('--fsync');
const startedMs = performance.now();
const pg = await startPostgres({ settings: { fsync: fsync ? 'on' : 'off' } });
const startMs = performance.now() - startedMs;
const orm = await MikroORM.init(createPostgresOptions(await pg.createDatabase(), { poolMax: 12 }));
await migratePostgres(orm);
const knexClient = orm.em.getConnection().getKnex().client as {
  acquireConnection(): Promise<RawConnection>;
  releaseConnection(connection: RawConnection): Promise<void>;
};

const figures: Record<string, string> = {
  'PostgreSQL settings': `fsync=${fsync ? 'on' : 'off'}, synchronous_commit=on`,
  'startPostgres (template already built)': `${startMs.toFixed(0)} ms`,
};
const ms = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))]!;
const p50p99 = (values: number[]) =>
  `p50 ${ms(values, 0.5).toFixed(2)} ms, p99 ${ms(values, 0.99).toFixed(2)} ms`;

// ── LISTEN/NOTIFY ───────────────────────────────────────────────────────────────────────
// Every notification's arrival time, by payload (it may arrive before the sender's await ends).
const seen = new Map<string, number>();
const waiting = new Map<string, (at: number) => void>();
const onNotification = (message: { payload?: string }) => {
  const at = performance.now();
  const payload = message.payload ?? '';
  seen.set(payload, at);
  waiting.get(payload)?.(at);
};
const arrival = (payload: string) =>
  new Promise<number>((resolve) => {
    const at = seen.get(payload);
    if (at !== undefined) resolve(at);
    else waiting.set(payload, resolve);
  });
let listener = await knexClient.acquireConnection();
listener.on('notification', onNotification);
await listener.query('listen etph_events');
const notifier = await knexClient.acquireConnection();

const notifyLatency: number[] = [];
for (let i = 0; i < 2000; i++) {
  const payload = `n${i}`;
  const sentAt = performance.now();
  await notifier.query('select pg_notify($1, $2)', ['etph_events', payload]);
  notifyLatency.push((await arrival(payload)) - sentAt);
}
figures['NOTIFY (autocommit) → listener, sequential, 2,000'] = p50p99(notifyLatency);

// ── events with an outbox row ───────────────────────────────────────────────────────────
const EVENT_SQL =
  'insert into event (type, client_uuid, at, data, actor) values (?, ?, ?, ?, ?) returning id';
const DELIVERY_SQL = `insert into webhook_delivery (id, event_id, event, client_uuid, url, endpoint, target, payload, status, next_attempt_at, created_at)
  values (?, ?, 'command_executed', null, 'https://hooks.example/in', 'https://hooks.example:443', 'global', '{}', 'PENDING', now(), now())`;
const eventParams = () => [
  'command_executed',
  randomUUID(),
  new Date(),
  JSON.stringify({ cmd: 'true', rc: 0 }),
  'api',
];

/** Events, each with its webhook delivery, then one notification, in one ORM transaction. */
async function recordInTransaction(batch = 1): Promise<number[]> {
  return orm.em.fork().transactional(async (em) => {
    const ids: number[] = [];
    for (let i = 0; i < batch; i++) {
      const [row] = await em.execute<{ id: number }[]>(EVENT_SQL, eventParams());
      await em.execute(DELIVERY_SQL, [`msg_${randomUUID()}`, row!.id]);
      ids.push(row!.id);
    }
    // The id of the last event only: a subscriber reads from its cursor up to it (8000-byte cap).
    await em.execute('select pg_notify(?, ?)', ['etph_events', String(ids.at(-1))]);
    return ids;
  });
}

/** The same as one statement: a single statement is its own transaction (one round trip). */
async function recordInOneStatement(): Promise<number> {
  const [row] = await orm.em.fork().execute<{ id: number }[]>(
    `with e as (${EVENT_SQL}),
          d as (insert into webhook_delivery (id, event_id, event, client_uuid, url, endpoint, target, payload, status, next_attempt_at, created_at)
                select ?, e.id, 'command_executed', null, 'https://hooks.example/in', 'https://hooks.example:443', 'global', '{}', 'PENDING', now(), now() from e)
     select e.id, pg_notify('etph_events', e.id::text) from e`,
    [...eventParams(), `msg_${randomUUID()}`],
  );
  return row!.id;
}

/**
 * A batch as one statement: the rows go in as one JSON parameter (knex expands a JS array
 * parameter into a list of values, not a PostgreSQL array), every event and delivery out,
 * one notification.
 */
async function recordBatchInOneStatement(batch: number): Promise<number> {
  const rows = Array.from({ length: batch }, () => {
    const [type, clientUuid, at, data, actor] = eventParams();
    return { type, client_uuid: clientUuid, at, data: JSON.parse(data as string), actor };
  });
  const [row] = await orm.em.fork().execute<{ last: number }[]>(
    `with e as (insert into event (type, client_uuid, at, data, actor)
                select type, client_uuid, at, data, actor
                  from jsonb_to_recordset(?::jsonb)
                    as r(type text, client_uuid text, at timestamptz, data jsonb, actor text)
                returning id),
          d as (insert into webhook_delivery (id, event_id, event, client_uuid, url, endpoint, target, payload, status, next_attempt_at, created_at)
                select 'msg_' || gen_random_uuid(), e.id, 'command_executed', null, 'https://hooks.example/in', 'https://hooks.example:443', 'global', '{}', 'PENDING', now(), now() from e)
     select max(id) as last, pg_notify('etph_events', max(id)::text) from e`,
    [JSON.stringify(rows)],
  );
  return row!.last;
}

async function rate(
  what: string,
  callers: number,
  perCaller: number,
  record: () => Promise<unknown>,
  eventsPerCall = 1,
): Promise<void> {
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < perCaller; i++) await record();
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  figures[what] = `${((callers * perCaller * eventsPerCall) / seconds).toFixed(0)} events/s`;
}

await rate('event + outbox + NOTIFY, ORM transaction, 1 caller', 1, 1000, () =>
  recordInTransaction(),
);
await rate('event + outbox + NOTIFY, ORM transaction, 8 callers', 8, 250, () =>
  recordInTransaction(),
);
await rate(
  'event + outbox, 64 per transaction (group commit), 1 caller',
  1,
  32,
  () => recordInTransaction(64),
  64,
);
await rate(
  'event + outbox + NOTIFY, 64 per statement (group commit), 1 caller',
  1,
  32,
  () => recordBatchInOneStatement(64),
  64,
);
await rate('event + outbox + NOTIFY, one statement, 1 caller', 1, 1000, recordInOneStatement);
await rate('event + outbox + NOTIFY, one statement, 8 callers', 8, 250, recordInOneStatement);

const recordToListener: number[] = [];
for (let i = 0; i < 1000; i++) {
  const t0 = performance.now();
  const id = await recordInOneStatement();
  recordToListener.push((await arrival(String(id))) - t0);
}
figures['  one statement: call → listener has the id, 1,000'] = p50p99(recordToListener);

// ── reading events by cursor: ids commit out of order ──────────────────────────────────
// A sequence hands out ids at insert, not at commit: a reader at "id > cursor" may pass an id
// whose transaction commits later and never see it. Recording each row's transaction id (xid8)
// and reading only rows older than the oldest transaction still running closes the gap.
const cursorEm = orm.em.fork();
await cursorEm.execute(
  'alter table event add column tx xid8 not null default pg_current_xact_id()',
);
const [{ before } = { before: 0 }] = await cursorEm.execute<{ before: number }[]>(
  'select max(id) as before from event',
);
const slow = await knexClient.acquireConnection();
await slow.query('begin');
const slowInsert = await slow.query(
  `insert into event (type, at) values ('slow', now()) returning id`,
);
const fastId = await recordInOneStatement(); // a later id, committed first
const naive = await cursorEm.execute<{ id: number }[]>(
  'select id from event where id > ? order by id',
  [before],
);
const HORIZON_SQL =
  'select id from event where id > ? and tx < pg_snapshot_xmin(pg_current_snapshot()) order by id limit 1000';
const horizonWhileOpen = await cursorEm.execute<{ id: number }[]>(HORIZON_SQL, [before]);
await slow.query('commit');
await knexClient.releaseConnection(slow);
const horizonAfter = await cursorEm.execute<{ id: number }[]>(HORIZON_SQL, [before]);
const slowId = Number(slowInsert.rows[0]!.id);
assert.deepEqual(
  naive.map((r) => r.id),
  [fastId],
  'naive read: passes the open one',
);
assert.deepEqual(horizonWhileOpen, [], 'horizon read: waits for the open transaction');
assert.deepEqual(
  horizonAfter.map((r) => r.id),
  [slowId, fastId],
  'horizon read: both, in id order',
);
await cursorEm.execute('analyze event');
const [{ total } = { total: 0 }] = await cursorEm.execute<{ total: number }[]>(
  'select count(*) as total from event',
);
const replay = async (sql: string): Promise<string> => {
  const took: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    const rows = await cursorEm.execute(sql, [before - 1000]);
    took.push(performance.now() - t0);
    assert.equal(rows.length, 1000);
  }
  return p50p99(took);
};
figures[`replay 1,000 events after a cursor (${total} events), plain`] = await replay(
  'select id from event where id > ? order by id limit 1000',
);
figures['  the same with the xid8 horizon (gap closed)'] = await replay(HORIZON_SQL);

// ── webhook claims with FOR UPDATE SKIP LOCKED ──────────────────────────────────────────
await orm.em.fork().execute(`update webhook_delivery set claimed = false, status = 'PENDING'`);
const [{ pending } = { pending: 0 }] = await orm.em
  .fork()
  .execute<{ pending: number }[]>(`select count(*) as pending from webhook_delivery`);
const claimed: string[] = [];
const claimsStartedAt = performance.now();
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (;;) {
      const rows = await orm.em.fork().execute<{ id: string }[]>(
        `update webhook_delivery set claimed = true, last_attempt_at = now()
          where id in (select id from webhook_delivery
                        where status = 'PENDING' and not claimed and next_attempt_at <= now()
                        order by next_attempt_at limit 10 for update skip locked)
          returning id`,
      );
      if (rows.length === 0) return;
      claimed.push(...rows.map((r) => r.id));
    }
  }),
);
assert.equal(claimed.length, pending, 'every delivery claimed');
assert.equal(new Set(claimed).size, claimed.length, 'no delivery claimed twice');
figures[`claims, 4 workers × 10 per claim, ${pending} deliveries`] =
  `${(pending / ((performance.now() - claimsStartedAt) / 1000)).toFixed(0)} claims/s, none twice`;

// ── single-use tokens ───────────────────────────────────────────────────────────────────
const consumeLatency: number[] = [];
for (let round = 0; round < 100; round++) {
  const hash = randomUUID().replaceAll('-', '').padEnd(64, '0');
  await orm.em.fork().execute(
    `insert into enrollment_token (id, token_hash, prefix, tags, max_uses, expires_at, created_at)
     values (?, ?, 'etph_x', '[]', 1, now() + interval '1 hour', now())`,
    [randomUUID(), hash],
  );
  const winners = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const t0 = performance.now();
      const rows = await orm.em.fork().execute(
        `update enrollment_token set uses = uses + 1, last_used_at = now()
          where token_hash = ? and revoked_at is null and expires_at > now()
            and (max_uses is null or uses < max_uses)
          returning id`,
        [hash],
      );
      consumeLatency.push(performance.now() - t0);
      return rows.length;
    }),
  );
  assert.equal(
    winners.reduce((a, b) => a + b, 0),
    1,
    `round ${round}: exactly one admission`,
  );
}
figures['single-use token, 8 concurrent consumers × 100 rounds'] =
  `one winner every round; ${p50p99(consumeLatency)}`;

// ── a listener across a database restart ───────────────────────────────────────────────
let lost: () => void = () => undefined;
const listenerLost = new Promise<void>((resolve) => (lost = resolve));
listener.on('error', () => lost());
listener.on('end', () => lost());
const [{ cursor } = { cursor: 0 }] = await orm.em
  .fork()
  .execute<{ cursor: number }[]>('select max(id) as cursor from event');
await knexClient.releaseConnection(notifier);
const restartedAt = performance.now();
await pg.restart({ mode: 'fast' });
const readyAt = performance.now();
await listenerLost;
await knexClient.releaseConnection(listener).catch(() => undefined);
// Meanwhile another server records events; the listener must find them from its cursor.
await Promise.all(Array.from({ length: 5 }, () => recordInOneStatement()));
for (;;) {
  try {
    listener = await knexClient.acquireConnection();
    listener.on('notification', onNotification);
    await listener.query('listen etph_events');
    break;
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const resubscribedAt = performance.now();
const missed = await orm.em
  .fork()
  .execute<{ id: number }[]>('select id from event where id > ? order by id', [cursor]);
assert.equal(missed.length, 5, 'the events recorded while the listener was away are replayed');
figures['fast restart: stop → ready'] = `${(readyAt - restartedAt).toFixed(0)} ms`;
figures['  ready → listener subscribed again (after 5 writes)'] =
  `${(resubscribedAt - readyAt).toFixed(0)} ms`;

await knexClient.releaseConnection(listener);
await orm.close();
await pg.stop();

const width = Math.max(...Object.keys(figures).map((k) => k.length));
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(width)}  ${value}`);
