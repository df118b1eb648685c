// Records fleet events: one append-only row in the audit table, then a publication on the bus.
// The row is written first so that nothing a subscriber sees can be missing from the trail.
// When an outbox is given (webhooks), its rows for the event are written in the same
// transaction: an event is never recorded without its webhook delivery, nor the reverse.

import type { EntityManager } from '@mikro-orm/sqlite';
import type { Logger } from 'pino';
import type { Store } from '../store/orm.js';
import { EventEntity, type Event } from '../store/entities/index.js';
import type { EventBus } from './event-bus.js';
import type { FleetEvent, FleetEventTypeName } from './events.js';

export interface Audit {
  record(
    type: FleetEventTypeName,
    clientUuid: string,
    data: Record<string, unknown>,
    actor?: string | null,
  ): Promise<FleetEvent>;
}

/** Rows that must commit with the event (the webhook outbox). */
export interface Outbox {
  /** Whether events of this type may need outbox rows (others skip the transaction). */
  wants(type: string): boolean;
  /** Writes rows for `event` in `em`'s transaction; true when it wrote any. */
  stage(em: EntityManager, event: StagedEvent): Promise<boolean>;
  /** The transaction that staged rows has committed. */
  committed(): void;
}

/** The event as the outbox sees it, inside the transaction that writes it. */
export interface StagedEvent {
  id: number;
  type: string;
  clientUuid: string;
  at: Date;
  data: Record<string, unknown>;
}

interface Waiting {
  event: Omit<StagedEvent, 'id'> & { actor: string | null };
  resolve(result: { id: number; staged: boolean }): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 256;

export function createAudit(store: Store, bus: EventBus, logger: Logger, outbox?: Outbox): Audit {
  // Group commit for events with outbox rows: records that arrive while a transaction runs are
  // written together in the next one (SQLite has one connection; a commit per event capped the
  // rate, see bench/webhooks.ts). A failing batch is retried one event at a time, so one bad
  // event fails alone.
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeBatch(batch: Waiting[], box: Outbox): Promise<void> {
    const results = await store.em.fork().transactional(async (em) => {
      const out: { id: number; staged: boolean }[] = [];
      for (const { event } of batch) {
        const inserted = (await em
          .getConnection()
          .execute(
            'insert into event (type, client_uuid, at, data, actor) values (?, ?, ?, ?, ?) returning id',
            [
              event.type,
              event.clientUuid,
              event.at.getTime(),
              JSON.stringify(event.data),
              event.actor,
            ],
            'get',
            em.getTransactionContext(),
          )) as { id: number };
        const id = Number(inserted.id);
        out.push({ id, staged: await box.stage(em, { ...event, id }) });
      }
      return out;
    });
    batch.forEach((item, i) => item.resolve(results[i]!));
  }

  async function drain(box: Outbox): Promise<void> {
    writing = true;
    try {
      while (waiting.length > 0) {
        const batch = waiting.slice(0, MAX_BATCH);
        waiting = waiting.slice(batch.length);
        try {
          await writeBatch(batch, box);
        } catch (error) {
          if (batch.length === 1) batch[0]!.reject(error);
          else
            for (const item of batch)
              await writeBatch([item], box).catch((e: unknown) => item.reject(e));
        }
      }
    } finally {
      writing = false;
    }
  }

  function writeWithOutbox(
    box: Outbox,
    event: Waiting['event'],
  ): Promise<{ id: number; staged: boolean }> {
    return new Promise((resolve, reject) => {
      waiting.push({ event, resolve, reject });
      if (!writing) void drain(box);
    });
  }

  return {
    async record(type, clientUuid, data, actor = null) {
      let staged = false;
      let row: Pick<Event, 'id' | 'at'>;
      if (outbox?.wants(type)) {
        const at = new Date();
        const written = await writeWithOutbox(outbox, { type, clientUuid, at, data, actor });
        staged = written.staged;
        row = { id: written.id, at };
      } else {
        const em = store.em.fork();
        row = em.create(EventEntity, { type, clientUuid, at: new Date(), data, actor });
        await em.flush();
      }
      if (staged) outbox?.committed();
      const event: FleetEvent = { id: row.id, type, clientUuid, at: row.at, data, actor };
      logger.info({ event: type, clientUuid, eventId: row.id, actor }, 'fleet event');
      bus.publish(event);
      return event;
    },
  };
}
