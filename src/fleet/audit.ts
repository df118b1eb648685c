// Records fleet events: one append-only row in the audit trail, then a publication on the bus.
// The row is written first so that nothing a subscriber sees can be missing from the trail.
// When an outbox is given (webhooks), its rows for the event are written in the same
// transaction: an event is never recorded without its webhook delivery, nor the reverse.

import type { Logger } from 'pino';
import type { Repositories, Store } from '../store/index.js';
import type { EventBus } from './event-bus.js';
import type { FleetEvent, FleetEventTypeName } from './event-types.js';

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
  /** Writes rows for `event` in the event's transaction; true when it wrote any. */
  stage(tx: Repositories, event: StagedEvent): Promise<boolean>;
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

export function createAudit(deps: {
  store: Store;
  bus: EventBus;
  logger: Logger;
  outbox?: Outbox | undefined;
}): Audit {
  const { store, bus, logger, outbox } = deps;
  // Group commit for events with outbox rows: records that arrive while a transaction runs are
  // written together in the next one (SQLite has one connection; a commit per event capped the
  // rate, see bench/webhooks.ts). A failing batch is retried one event at a time, so one bad
  // event fails alone.
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeBatch(batch: Waiting[], box: Outbox): Promise<void> {
    const results = await store.transaction(async (tx) => {
      const out: { id: number; staged: boolean }[] = [];
      for (const { event } of batch) {
        const { id } = await tx.events.append(event);
        out.push({ id, staged: await box.stage(tx, { ...event, id }) });
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
      const at = new Date();
      let staged = false;
      let id: number;
      if (outbox?.wants(type)) {
        const written = await writeWithOutbox(outbox, { type, clientUuid, at, data, actor });
        staged = written.staged;
        id = written.id;
      } else {
        id = (await store.events.append({ type, clientUuid, at, data, actor })).id;
      }
      if (staged) outbox?.committed();
      const event: FleetEvent = { id, type, clientUuid, at, data, actor };
      logger.info({ event: type, clientUuid, eventId: id, actor }, 'fleet event');
      bus.publish(event);
      return event;
    },
  };
}
