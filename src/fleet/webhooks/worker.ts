// The outbox worker: claims due PENDING deliveries, runs them in per-endpoint queues, and
// records each attempt. One slow or dead endpoint holds at most its own queue (a bounded number
// of claimed rows, `concurrency` in flight); the others keep flowing.
//
//   outbox rows ──claim (due, not claimed, endpoint not saturated)──▶ endpoint queues
//        ▲                                                              │ ≤ concurrency each
//        └──── DELIVERED / PENDING at next_attempt_at / FAILED ◀── attempt (send.ts)
//
// `claimed` marks rows held in memory, `claimed_by` by which server; a crash leaves them set, so
// start() clears this server's first: what was in flight or queued is due again at once after a
// restart (retries keep their time). Other servers' claims stay theirs while they renew their
// lease; once one stops renewing (killed, cut off), any survivor releases its claims
// (RELEASE_GONE_MS) and they are delivered from there.

import type { Logger } from 'pino';
import {
  DeliveryStatus,
  type AttemptOutcome,
  type DeliveryRecord,
  type Store,
} from '../../store/index.js';
import { nextDelayMs, type RetryPolicy } from './retry-schedule.js';
import type { Sender } from './send.js';
import { signDelivery } from './sign.js';
import { SERVER_LEASE_MS } from '../cluster/membership.js';
import { TEST_EVENT } from './payload.js';

const POLL_MS = 500;
/** How often the claims of servers gone (no lease renewal within SERVER_LEASE_MS) are released. */
const RELEASE_GONE_MS = 5_000;
const CLAIM_BATCH = 200;
const WAKE_WINDOW_MS = 5;

export interface AttemptRecord {
  delivery: DeliveryRecord;
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
  /** This server's name: its claims are released at start and stop, others' when they are gone. */
  server: string;
  /** Called after every failed attempt. */
  onFailure(record: AttemptRecord): void;
}

interface Endpoint {
  queue: DeliveryRecord[];
  active: number;
}

export function createWorker(options: WorkerOptions) {
  const { store, logger } = options;
  const endpoints = new Map<string, Endpoint>();
  const queueCap = Math.max(50, options.concurrencyPerEndpoint * 8);
  let timer: NodeJS.Timeout | null = null;
  let reaper: NodeJS.Timeout | null = null;
  let running = false;
  let ticking = false;
  let again = false;
  const inFlight = new Set<Promise<void>>();

  // Outcomes are written in batches, one transaction per batch: one commit per delivery would
  // make the single SQLite connection the bottleneck at a few hundred deliveries a second.
  let writes: { outcome: AttemptOutcome; done: () => void; failed: (e: unknown) => void }[] = [];
  let writing: Promise<void> | null = null;
  function persist(outcome: AttemptOutcome): Promise<void> {
    return new Promise((done, failed) => {
      writes.push({ outcome, done, failed });
      writing ??= flushWrites();
    });
  }
  async function flushWrites(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (writes.length > 0) {
      const batch = writes;
      writes = [];
      try {
        await store.transaction((tx) =>
          tx.deliveries.recordAttempts(batch.map((write) => write.outcome)),
        );
        for (const write of batch) write.done();
      } catch (error) {
        for (const write of batch) write.failed(error);
      }
    }
    writing = null;
  }

  async function secretFor(delivery: DeliveryRecord): Promise<string> {
    if (delivery.target !== 'client' || !delivery.clientUuid) return options.globalSecret;
    return (await store.clients.webhookSecret(delivery.clientUuid)) ?? options.globalSecret;
  }

  /** One attempt of `delivery`; records the outcome and returns the row as it now is. */
  async function attempt(delivery: DeliveryRecord): Promise<AttemptRecord> {
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
    const update: AttemptOutcome = {
      id: delivery.id,
      attempts,
      lastAttemptAt: at,
      lastStatusCode: result.statusCode,
    };
    let deadLettered = false;
    if (result.ok) {
      Object.assign(update, {
        status: DeliveryStatus.delivered,
        deliveredAt: new Date(),
        lastError: null,
      });
    } else {
      update.lastError = result.error;
      const delay =
        delivery.event === TEST_EVENT
          ? null
          : nextDelayMs(options.retry, attempts, result.retryAfterMs);
      if (delay === null) {
        deadLettered = true;
        update.status = DeliveryStatus.failed;
      } else {
        update.nextAttemptAt = new Date(Date.now() + delay);
      }
    }
    await persist(update);
    const now: DeliveryRecord = {
      ...delivery,
      ...update,
      claimed: false,
      status: update.status ?? delivery.status,
      deliveredAt: update.deliveredAt ?? delivery.deliveredAt,
      lastError: update.lastError === undefined ? delivery.lastError : update.lastError,
      nextAttemptAt: update.nextAttemptAt ?? delivery.nextAttemptAt,
    };
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
          await store.deliveries.release(delivery.id).catch(() => undefined);
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
    const rows = await store.deliveries.claimDue(new Date(), {
      limit: CLAIM_BATCH,
      skipEndpoints: saturated,
      by: options.server,
    });
    if (rows.length === 0) return 0;
    const touched = new Set<string>();
    for (const row of rows) {
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

  /** Releases the claims of servers that stopped renewing their lease; delivers them here. */
  async function releaseGone(): Promise<void> {
    try {
      const released = await store.deliveries.releaseClaimsOfGone(options.server, SERVER_LEASE_MS);
      if (released === 0) return;
      logger.warn({ released }, 'released the webhook claims of servers gone (no lease renewal)');
      wake();
    } catch (error) {
      logger.warn({ err: error }, 'could not release the claims of servers gone');
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
      // Rows this server claimed before it died are due again at once.
      await store.deliveries.releaseClaims(options.server);
      running = true;
      timer = setInterval(() => void tick(), POLL_MS);
      timer.unref();
      reaper = setInterval(() => void releaseGone(), RELEASE_GONE_MS);
      reaper.unref();
      wake();
    },
    /** New deliveries were committed: look now rather than at the next poll. */
    wake,
    /** Runs one attempt of a delivery now, outside the queues (sendTestWebhook). */
    async attemptNow(delivery: DeliveryRecord): Promise<AttemptRecord> {
      return attempt(delivery);
    },
    async stop(): Promise<void> {
      running = false;
      if (timer) clearInterval(timer);
      timer = null;
      if (reaper) clearInterval(reaper);
      reaper = null;
      // A hung receiver must not hold the shutdown for its timeout.
      options.sender.abortAll('the server is shutting down');
      await Promise.allSettled([...inFlight]);
      endpoints.clear();
      // Queued but unattempted rows are released for the next start, or another server.
      await store.deliveries.releaseClaims(options.server);
    },
  };
}

export type Worker = ReturnType<typeof createWorker>;
