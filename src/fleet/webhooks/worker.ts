// The outbox worker: claims due PENDING deliveries, runs them in per-endpoint queues, and
// records each attempt. One slow or dead endpoint holds at most its own queue (a bounded number
// of claimed rows, `concurrency` in flight); the others keep flowing.
//
//   outbox rows ──claim (due, not claimed, endpoint not saturated)──▶ endpoint queues
//        ▲                                                              │ ≤ concurrency each
//        └──── DELIVERED / PENDING at next_attempt_at / FAILED ◀── attempt (send.ts)
//
// `claimed` marks rows held in memory; a crash leaves it set, so start() clears it first:
// what was in flight or queued is due again at once after a restart (retries keep their time).

import type { Logger } from 'pino';
import type { Store } from '../../store/orm.js';
import {
  ClientEntity,
  WebhookDeliveryEntity,
  type WebhookDelivery,
} from '../../store/entities/index.js';
import { nextDelayMs, type RetryPolicy } from './retry-schedule.js';
import type { Sender } from './send.js';
import { signDelivery } from './sign.js';
import { TEST_EVENT } from './payload.js';

const POLL_MS = 500;
const CLAIM_BATCH = 200;
const WAKE_WINDOW_MS = 5;

export interface AttemptRecord {
  delivery: WebhookDelivery;
  /** True when the delivery is now FAILED (dead letter). */
  deadLettered: boolean;
}

export interface WorkerOptions {
  store: Store;
  logger: Logger;
  sender: Sender;
  retry: RetryPolicy;
  concurrencyPerEndpoint: number;
  globalSecret: string;
  /** Called after every failed attempt. */
  onFailure(record: AttemptRecord): void;
}

/** A webhook_delivery row as SQLite returns it (datetimes as epoch ms, booleans as 0/1). */
interface DeliveryRow {
  id: string;
  event_id: number | null;
  event: string;
  client_uuid: string | null;
  url: string;
  endpoint: string;
  target: string;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: number | string;
  claimed: number;
  last_error: string | null;
  last_status_code: number | null;
  last_attempt_at: number | string | null;
  created_at: number | string;
  delivered_at: number | string | null;
  replayed_at: number | string | null;
}

function date(value: number | string): Date {
  return new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
}

function fromRow(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    eventId: row.event_id,
    event: row.event,
    clientUuid: row.client_uuid,
    url: row.url,
    endpoint: row.endpoint,
    target: row.target,
    payload: row.payload,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: date(row.next_attempt_at),
    claimed: Boolean(row.claimed),
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    lastAttemptAt: row.last_attempt_at === null ? null : date(row.last_attempt_at),
    createdAt: date(row.created_at),
    deliveredAt: row.delivered_at === null ? null : date(row.delivered_at),
    replayedAt: row.replayed_at === null ? null : date(row.replayed_at),
  } as WebhookDelivery;
}

interface Endpoint {
  queue: WebhookDelivery[];
  active: number;
}

export function createWorker(options: WorkerOptions) {
  const { store, logger } = options;
  const endpoints = new Map<string, Endpoint>();
  const queueCap = Math.max(50, options.concurrencyPerEndpoint * 8);
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let again = false;
  const inFlight = new Set<Promise<void>>();

  // Outcomes are written in batches, one transaction per batch: one commit per delivery would
  // make the single SQLite connection the bottleneck at a few hundred deliveries a second.
  type Update = Record<string, unknown>;
  let writes: { id: string; update: Update; done: () => void; failed: (e: unknown) => void }[] = [];
  let writing: Promise<void> | null = null;
  function persist(id: string, update: Update): Promise<void> {
    return new Promise((done, failed) => {
      writes.push({ id, update, done, failed });
      writing ??= flushWrites();
    });
  }
  async function flushWrites(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (writes.length > 0) {
      const batch = writes;
      writes = [];
      try {
        await store.em.fork().transactional(async (em) => {
          // Successes (nearly all writes) go in one statement per status code and 500 rows;
          // the rest one by one.
          const delivered = new Map<number, { ids: string[]; at: Date }>();
          for (const write of batch) {
            const { update } = write;
            if (update['status'] !== 'DELIVERED') {
              await em.nativeUpdate(WebhookDeliveryEntity, { id: write.id }, update);
              continue;
            }
            const code = Number(update['lastStatusCode']);
            const group = delivered.get(code) ?? { ids: [], at: update['deliveredAt'] as Date };
            group.ids.push(write.id);
            delivered.set(code, group);
          }
          for (const [code, { ids, at }] of delivered) {
            for (let i = 0; i < ids.length; i += 500) {
              const chunk = ids.slice(i, i + 500);
              await em.getConnection().execute(
                `update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1,
                   claimed = 0, last_error = null, last_status_code = ?, last_attempt_at = ?,
                   delivered_at = ? where id in (${chunk.map(() => '?').join(', ')})`,
                [code, at.getTime(), at.getTime(), ...chunk],
                'run',
                em.getTransactionContext(),
              );
            }
          }
        });
        for (const write of batch) write.done();
      } catch (error) {
        for (const write of batch) write.failed(error);
      }
    }
    writing = null;
  }

  async function secretFor(delivery: WebhookDelivery): Promise<string> {
    if (delivery.target !== 'client' || !delivery.clientUuid) return options.globalSecret;
    const client = await store.em
      .fork()
      .findOne(ClientEntity, { uuid: delivery.clientUuid }, { fields: ['webhookSecret'] });
    return client?.webhookSecret ?? options.globalSecret;
  }

  /** One attempt of `delivery`; records the outcome and returns the row as it now is. */
  async function attempt(delivery: WebhookDelivery): Promise<AttemptRecord> {
    const at = new Date();
    let result;
    try {
      const headers = signDelivery(delivery.id, at, delivery.payload, await secretFor(delivery));
      result = await options.sender.send(delivery.url, delivery.payload, headers);
    } catch (error) {
      logger.error({ err: error, delivery: delivery.id }, 'webhook attempt failed unexpectedly');
      result = { ok: false, statusCode: null, error: 'internal error', retryAfterMs: null };
    }
    if (!running && !result.ok) {
      // Cut short by shutdown: not an attempt. The row stays claimed; stop() releases it and
      // the next start sends it again.
      return { delivery, deadLettered: false };
    }
    const attempts = delivery.attempts + 1;
    const update: {
      attempts: number;
      lastAttemptAt: Date;
      lastStatusCode: number | null;
      claimed: boolean;
      status?: string;
      deliveredAt?: Date;
      lastError?: string | null;
      nextAttemptAt?: Date;
    } = {
      attempts,
      lastAttemptAt: at,
      lastStatusCode: result.statusCode,
      claimed: false,
    };
    let deadLettered = false;
    if (result.ok) {
      Object.assign(update, { status: 'DELIVERED', deliveredAt: new Date(), lastError: null });
    } else {
      update.lastError = result.error;
      const delay =
        delivery.event === TEST_EVENT
          ? null
          : nextDelayMs(options.retry, attempts, result.retryAfterMs);
      if (delay === null) {
        deadLettered = true;
        update.status = 'FAILED';
      } else {
        update.nextAttemptAt = new Date(Date.now() + delay);
      }
    }
    await persist(delivery.id, update);
    const now = { ...delivery, ...update } as WebhookDelivery;
    if (!result.ok) {
      logger.warn(
        { delivery: delivery.id, url: delivery.url, attempts, error: result.error, deadLettered },
        deadLettered ? 'webhook delivery failed for good (dead letter)' : 'webhook attempt failed',
      );
      options.onFailure({ delivery: now, deadLettered });
    }
    return { delivery: now, deadLettered };
  }

  function pump(key: string): void {
    const endpoint = endpoints.get(key);
    if (!endpoint) return;
    while (
      running &&
      endpoint.active < options.concurrencyPerEndpoint &&
      endpoint.queue.length > 0
    ) {
      const delivery = endpoint.queue.shift()!;
      endpoint.active += 1;
      const work: Promise<void> = attempt(delivery)
        .then(() => undefined)
        .catch(async (error: unknown) => {
          logger.error({ err: error, delivery: delivery.id }, 'webhook worker');
          // The outcome could not be written: release the row so the next claim retries it.
          await store.em
            .fork()
            .nativeUpdate(WebhookDeliveryEntity, { id: delivery.id }, { claimed: false })
            .catch(() => undefined);
        })
        .finally(() => {
          endpoint.active -= 1;
          inFlight.delete(work);
          if (endpoint.active === 0 && endpoint.queue.length === 0) endpoints.delete(key);
          pump(key);
          if (endpoint.queue.length < queueCap / 2) wake();
        });
      inFlight.add(work);
    }
  }

  async function claim(): Promise<number> {
    const saturated = [...endpoints]
      .filter(([, e]) => e.queue.length + e.active >= queueCap)
      .map(([key]) => key);
    // One statement claims a batch and returns it (SQLite ≥ 3.35: UPDATE … RETURNING).
    const rows = (await store.em
      .fork()
      .getConnection()
      .execute(
        `update webhook_delivery set claimed = 1 where id in (
           select id from webhook_delivery
           where status = 'PENDING' and claimed = 0 and next_attempt_at <= ?
           ${saturated.length > 0 ? `and endpoint not in (${saturated.map(() => '?').join(', ')})` : ''}
           order by next_attempt_at limit ${CLAIM_BATCH})
         returning *`,
        [Date.now(), ...saturated],
        'all',
      )) as DeliveryRow[];
    if (rows.length === 0) return 0;
    rows.sort((a, b) => Number(a.next_attempt_at) - Number(b.next_attempt_at));
    const touched = new Set<string>();
    for (const raw of rows) {
      const row = fromRow(raw);
      let endpoint = endpoints.get(row.endpoint);
      if (!endpoint) {
        endpoint = { queue: [], active: 0 };
        endpoints.set(row.endpoint, endpoint);
      }
      endpoint.queue.push(row);
      touched.add(row.endpoint);
    }
    for (const key of touched) pump(key);
    return rows.length;
  }

  async function tick(): Promise<void> {
    if (!running) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      do {
        again = false;
        if ((await claim()) === CLAIM_BATCH) again = true;
      } while (again && running);
    } catch (error) {
      logger.error({ err: error }, 'webhook worker: cannot claim deliveries');
    } finally {
      ticking = false;
    }
  }

  let wakeQueued = false;
  function wake(): void {
    if (!running || wakeQueued) return;
    wakeQueued = true;
    // A short window gathers the events of a burst into one claim.
    setTimeout(() => {
      wakeQueued = false;
      void tick();
    }, WAKE_WINDOW_MS);
  }

  return {
    async start(): Promise<void> {
      // Rows claimed by a process that died are ours again, due at once.
      await store.em
        .fork()
        .nativeUpdate(
          WebhookDeliveryEntity,
          { status: 'PENDING', claimed: true },
          { claimed: false },
        );
      running = true;
      timer = setInterval(() => void tick(), POLL_MS);
      timer.unref();
      wake();
    },
    /** New deliveries were committed: look now rather than at the next poll. */
    wake,
    /** Runs one attempt of a delivery now, outside the queues (sendTestWebhook). */
    async attemptNow(delivery: WebhookDelivery): Promise<AttemptRecord> {
      return attempt(delivery);
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearInterval(timer);
      timer = null;
      // A hung receiver must not hold the shutdown for its timeout.
      options.sender.abortAll('the server is shutting down');
      await Promise.allSettled([...inFlight]);
      endpoints.clear();
      // Queued but unattempted rows are released for the next start.
      await store.em
        .fork()
        .nativeUpdate(
          WebhookDeliveryEntity,
          { status: 'PENDING', claimed: true },
          { claimed: false },
        );
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
