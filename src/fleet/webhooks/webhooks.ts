// The webhook service: stages outbox rows inside the audit transaction, runs the worker, and
// answers the API (list, replay, test deliveries, failures as they happen). Client names are
// resolved by the fleet (`resolveClient`), so every door names clients the same way.

import type { Logger } from 'pino';
import { AppError, ErrorCode, named, nextStep, Operation } from '../../errors.js';
import { createAsyncQueue, type AsyncQueue } from '../../lib/async-queue.js';
import { quote } from '../../lib/quote.js';
import {
  DeliveryStatus,
  type ClientRecord,
  type DeliveryRecord,
  type DeliveryStatusName,
  type Repositories,
  type Store,
} from '../../store/index.js';
import type { StagedEvent } from '../audit.js';
import { MAX_CLIENT_REF_CHARS, MAX_DELIVERIES_LIST, MAX_WEBHOOK_URL_LENGTH } from '../limits.js';
import { bad } from '../validation.js';
import { buildPayload, TEST_EVENT, webhookEvents } from './payload.js';
import { createSender } from './send.js';
import type { WebhookSettings } from './settings.js';
import { newDeliveryId } from './sign.js';
import { checkTarget, UrlRefused } from './url-guard.js';
import { createWorker, type AttemptRecord } from './worker.js';

export interface DeliveryFilter {
  status?: DeliveryStatusName | null | undefined;
  clientId?: string | null | undefined;
  event?: string | null | undefined;
}

export interface DiscardFilter {
  clientId?: string | null | undefined;
  /** Only deliveries addressed to exactly this URL (e.g. a client's old webhookUrl). */
  url?: string | null | undefined;
  event?: string | null | undefined;
  /** Also discard FAILED (dead-lettered) deliveries; PENDING only by default. */
  includeFailed?: boolean | null | undefined;
}

export interface FailureFilter {
  clientId?: string | null | undefined;
  deadLetteredOnly?: boolean | null | undefined;
}

function endpointOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export interface WebhookServiceOptions {
  store: Store;
  logger: Logger;
  settings: WebhookSettings;
  /** The secret used when no client secret applies (from the environment or the data dir). */
  globalSecret: string;
  resolveClient(ref: string): Promise<ClientRecord>;
  /** The server's version, for the user-agent header. */
  version: string;
  /** This server's name among the servers on one database: whose claims are whose. */
  server: string;
}

/** A delivery as the API shows it. */
export type WebhookDeliveryView = DeliveryRecord;

export { DeliveryStatus, type DeliveryStatusName };

export function createWebhooks(options: WebhookServiceOptions) {
  const { store, logger, settings } = options;
  const failureSubscribers = new Set<{
    accept: (r: AttemptRecord) => boolean;
    queue: AsyncQueue<AttemptRecord>;
  }>();
  const sender = createSender({
    version: options.version,
    policy: settings.policy,
    timeoutMs: settings.timeoutMs,
    maxSockets: settings.concurrencyPerEndpoint,
  });
  const worker = createWorker({
    store,
    logger,
    sender,
    retry: { baseMs: settings.retryBaseMs, maxAttempts: settings.maxAttempts },
    concurrencyPerEndpoint: settings.concurrencyPerEndpoint,
    globalSecret: options.globalSecret,
    server: options.server,
    onFailure(record) {
      for (const subscriber of failureSubscribers)
        if (subscriber.accept(record)) subscriber.queue.push(record);
    },
  });

  function newDelivery(
    fields: Pick<DeliveryRecord, 'eventId' | 'event' | 'clientUuid' | 'url' | 'target' | 'payload'>,
    claimed: boolean,
  ): DeliveryRecord {
    const now = new Date();
    return {
      id: newDeliveryId(),
      ...fields,
      endpoint: endpointOf(fields.url),
      status: DeliveryStatus.pending,
      attempts: 0,
      nextAttemptAt: now,
      claimed,
      lastError: null,
      lastStatusCode: null,
      lastAttemptAt: null,
      createdAt: now,
      deliveredAt: null,
      replayedAt: null,
    };
  }

  async function clientUuidOf(ref: string | null | undefined): Promise<string | null> {
    if (ref === null || ref === undefined) return null;
    if (ref.length > MAX_CLIENT_REF_CHARS)
      throw bad(`clientId is at most ${MAX_CLIENT_REF_CHARS} characters.`);
    return (await options.resolveClient(ref)).uuid;
  }

  function checkEvent(event: string | null | undefined): void {
    if (event === null || event === undefined) return;
    if (!webhookEvents.has(event) && event !== TEST_EVENT) {
      throw bad(
        `Unknown webhook event ${quote(event, 80)}. Delivered events: ${[...webhookEvents, TEST_EVENT].join(', ')}.`,
      );
    }
  }

  async function fresh(id: string): Promise<DeliveryRecord> {
    const row = await store.deliveries.get(id);
    if (!row) throw new AppError(ErrorCode.notFound, `No webhook delivery ${quote(id, 80)}.`);
    return row;
  }

  /**
   * A URL an operator sets: refused (BAD_USER_INPUT) when it points somewhere private. A host
   * that does not resolve (yet) is accepted — DNS may be down for a while, and every delivery
   * checks again before it connects — and the warning returned, for the caller to show.
   */
  async function assertUrlAllowed(url: string, field = 'webhookUrl'): Promise<string | null> {
    try {
      await checkTarget(url, settings.policy);
      return null;
    } catch (error) {
      if (error instanceof UrlRefused) {
        if (error.unresolved) {
          logger.warn({ url, reason: error.message }, 'webhook URL does not resolve (yet)');
          return `${field} ${quote(url, 200)} does not resolve now (${error.message}); it was set anyway (DNS may be down), and deliveries to it retry. Check the host name.`;
        }
        throw bad(`${field} ${quote(url, 200)} is refused: ${error.message}.`);
      }
      throw error;
    }
  }

  return {
    /**
     * Inside the audit transaction: adds the outbox row for `event` when it is a delivered
     * event and a URL applies (the client's own, else the global one). Not flushed here.
     */
    wants: (type: string) => webhookEvents.has(type),

    async stage(tx: Repositories, event: StagedEvent): Promise<boolean> {
      if (!webhookEvents.has(event.type) || !event.clientUuid) return false;
      const client = await tx.clients.webhookTarget(event.clientUuid);
      const url = client?.webhookUrl ?? settings.url;
      if (!url) return false;
      const payload = buildPayload(
        {
          type: event.type as never,
          at: event.at,
          data: event.data,
          actorKeyId: event.actorKeyId ?? null,
          actorKeyName: event.actorKeyName ?? null,
        },
        client,
        event.clientUuid,
      );
      await tx.deliveries.insert(
        newDelivery(
          {
            eventId: event.id,
            event: event.type,
            clientUuid: event.clientUuid,
            url,
            target: client?.webhookUrl ? 'client' : 'global',
            payload: JSON.stringify(payload),
          },
          false,
        ),
      );
      return true;
    },

    /** Deliveries were committed: the worker looks at once. */
    committed(): void {
      worker.wake();
    },

    assertUrlAllowed,

    async list(filter: DeliveryFilter, limit: number): Promise<DeliveryRecord[]> {
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELIVERIES_LIST)
        throw bad(`limit must be from 1 to ${MAX_DELIVERIES_LIST} (got ${limit}).`);
      checkEvent(filter.event);
      const clientUuid = await clientUuidOf(filter.clientId);
      return store.deliveries.list({
        status: filter.status ?? null,
        clientUuid,
        event: filter.event ?? null,
        limit,
      });
    },

    async get(id: string): Promise<DeliveryRecord> {
      if (id.length > 64) throw bad('A delivery id is at most 64 characters.');
      return fresh(id);
    },

    /** A FAILED delivery goes back to PENDING with a fresh schedule (same webhook-id). */
    async replay(id: string): Promise<DeliveryRecord> {
      if (id.length > 64) throw bad('A delivery id is at most 64 characters.');
      const row = await fresh(id);
      if (row.status !== DeliveryStatus.failed) {
        throw bad(
          `Webhook delivery ${id} is ${row.status}, not FAILED: only dead-lettered deliveries are replayed${row.status === DeliveryStatus.pending ? ` (its next attempt is at ${row.nextAttemptAt.toISOString()})` : ''}.`,
        );
      }
      await store.deliveries.replay(id, new Date());
      worker.wake();
      return fresh(id);
    },

    /** Every FAILED delivery matching the filter goes back to PENDING; returns how many. */
    async replayFailed(filter: Omit<DeliveryFilter, 'status'>): Promise<number> {
      checkEvent(filter.event);
      const clientUuid = await clientUuidOf(filter.clientId);
      const count = await store.deliveries.replayFailed(
        { clientUuid, event: filter.event ?? null },
        new Date(),
      );
      worker.wake();
      return count;
    },

    /**
     * Deletes PENDING (and, when asked, FAILED) deliveries matching the filter — e.g. those
     * still queued for a URL that was replaced — and returns how many. DELIVERED ones stay
     * (they are the record of what was sent).
     */
    async discard(filter: DiscardFilter): Promise<number> {
      checkEvent(filter.event);
      const clientUuid = await clientUuidOf(filter.clientId);
      const url = filter.url?.trim() || null;
      if (url !== null && url.length > MAX_WEBHOOK_URL_LENGTH)
        throw bad(`url is at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
      if (clientUuid === null && url === null && !filter.event)
        throw bad(
          'Give clientId, url or event: discarding every pending delivery of the server at once is not offered.',
        );
      return store.deliveries.discard({
        clientUuid,
        url,
        event: filter.event ?? null,
        includeFailed: filter.includeFailed ?? false,
      });
    },

    /**
     * A webhook.test delivery to the client's URL (or `url`), signed as that client's events
     * are; one attempt, made now. A failure is FAILED at once (replayable), not retried.
     */
    async sendTest(input: {
      clientId?: string | null;
      url?: string | null;
    }): Promise<DeliveryRecord> {
      let client: ClientRecord | null = null;
      if (input.clientId !== null && input.clientId !== undefined)
        client = await options.resolveClient(input.clientId);
      let url = input.url?.trim() || null;
      if (url !== null) {
        if (url.length > MAX_WEBHOOK_URL_LENGTH)
          throw bad(`url is at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
        let parsed: URL;
        try {
          parsed = new URL(url);
        } catch {
          throw bad(`url ${quote(url, 100)} is not a URL; give an http(s) URL.`);
        }
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
          throw bad(`url must use http or https (got ${parsed.protocol}).`);
        url = parsed.toString();
        await assertUrlAllowed(url, 'url');
      }
      url ??= client?.webhookUrl ?? settings.url;
      if (url === null) {
        if (!client) throw bad('Give clientId or url (no global ETPHONEHOME_WEBHOOK_URL is set).');
        const set = nextStep(Operation.configureWebhookUrl, client);
        throw bad(
          `Client "${client.clientId}" has no webhookUrl and no global ETPHONEHOME_WEBHOOK_URL is set; pass url, or set one with ${named(set)}.`,
          undefined,
          [set],
        );
      }
      const uuid = client?.uuid ?? '00000000-0000-0000-0000-000000000000';
      const payload = buildPayload(
        { type: TEST_EVENT as never, at: new Date(), data: {} },
        client ?? { uuid, clientId: 'test', displayName: 'Test client', hostname: 'test' },
        uuid,
      );
      payload.data = { message: 'A test delivery from ET Phone Home: your receiver works.' };
      const row = newDelivery(
        {
          eventId: null,
          event: TEST_EVENT,
          clientUuid: client?.uuid ?? null,
          url,
          target: client?.webhookUrl && url === client.webhookUrl ? 'client' : 'global',
          payload: JSON.stringify(payload),
        },
        true,
      );
      await store.deliveries.insert(row);
      return (await worker.attemptNow(row)).delivery;
    },

    /** Failed attempts as they happen (deadLettered: the schedule is spent). */
    async subscribeFailures(filter: FailureFilter): Promise<AsyncIterableIterator<AttemptRecord>> {
      const clientUuid = await clientUuidOf(filter.clientId);
      const subscriber = {
        accept: (r: AttemptRecord) =>
          (!clientUuid || r.delivery.clientUuid === clientUuid) &&
          (!filter.deadLetteredOnly || r.deadLettered),
        queue: createAsyncQueue<AttemptRecord>({
          maxBuffered: 1000,
          onClose: () => failureSubscribers.delete(subscriber),
        }),
      };
      failureSubscribers.add(subscriber);
      return subscriber.queue;
    },

    async start(): Promise<void> {
      if (settings.url) {
        // Checked again before every attempt; said once here so a refused global URL is noticed.
        await checkTarget(settings.url, settings.policy).catch((error: unknown) => {
          if (error instanceof UrlRefused)
            logger.warn(
              { url: settings.url, reason: error.message },
              'ETPHONEHOME_WEBHOOK_URL is refused as it resolves now; deliveries to it will fail until it is allowed',
            );
        });
      }
      await worker.start();
    },
    async stop(): Promise<void> {
      await worker.stop();
      sender.close();
      for (const subscriber of failureSubscribers) subscriber.queue.end();
    },
  };
}

export type Webhooks = ReturnType<typeof createWebhooks>;

type WebhooksApi = Pick<
  Webhooks,
  'list' | 'get' | 'replay' | 'replayFailed' | 'discard' | 'sendTest' | 'subscribeFailures'
>;

/** What the doors may do with webhooks; every call refused when webhooks are off. */
export function webhooksApi(service: Webhooks | null): WebhooksApi {
  if (service) {
    const { list, get, replay, replayFailed, discard, sendTest, subscribeFailures } = service;
    return { list, get, replay, replayFailed, discard, sendTest, subscribeFailures };
  }
  const off = async (): Promise<never> => {
    throw new AppError(ErrorCode.badUserInput, 'Webhooks are not enabled on this server.');
  };
  return {
    list: off,
    get: off,
    replay: off,
    replayFailed: off,
    discard: off,
    sendTest: off,
    subscribeFailures: off,
  };
}
