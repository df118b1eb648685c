// Records fleet events: one append-only row in the audit table, then a publication on the bus.
// The row is written first so that nothing a subscriber sees can be missing from the trail.

import type { EntityManager } from '@mikro-orm/sqlite';
import type { Logger } from 'pino';
import type { Store } from '../store/orm.js';
import { EventEntity } from '../store/entities/index.js';
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

export function createAudit(store: Store, bus: EventBus, logger: Logger): Audit {
  return {
    async record(type, clientUuid, data, actor = null) {
      const em: EntityManager = store.em.fork();
      const row = em.create(EventEntity, { type, clientUuid, at: new Date(), data, actor });
      await em.flush();
      const event: FleetEvent = { id: row.id, type, clientUuid, at: row.at, data, actor };
      logger.info({ event: type, clientUuid, eventId: row.id, actor }, 'fleet event');
      bus.publish(event);
      return event;
    },
  };
}
