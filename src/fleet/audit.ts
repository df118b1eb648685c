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
  /** Adds rows for `event` to `em` (not flushed); true when it added any. */
  stage(em: EntityManager, event: Event): Promise<boolean>;
  /** The transaction that staged rows has committed. */
  committed(): void;
}

export function createAudit(store: Store, bus: EventBus, logger: Logger, outbox?: Outbox): Audit {
  return {
    async record(type, clientUuid, data, actor = null) {
      let staged = false;
      const row = await store.em.fork().transactional(async (em) => {
        const created = em.create(EventEntity, { type, clientUuid, at: new Date(), data, actor });
        if (outbox) {
          await em.flush(); // the event's id, for the outbox row; same transaction
          staged = await outbox.stage(em, created);
        }
        return created;
      });
      if (staged) outbox?.committed();
      const event: FleetEvent = { id: row.id, type, clientUuid, at: row.at, data, actor };
      logger.info({ event: type, clientUuid, eventId: row.id, actor }, 'fleet event');
      bus.publish(event);
      return event;
    },
  };
}
