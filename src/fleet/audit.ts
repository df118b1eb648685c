// Records fleet events: one append-only row in the audit trail, then a publication on the bus.
// The row is written first so that nothing a subscriber sees can be missing from the trail.
// When an outbox is given (webhooks), its rows for the event are written in the same
// transaction: an event is never recorded without its webhook delivery, nor the reverse.

import type { Logger } from 'pino';
import { createGroupCommit } from '../lib/group-commit.js';
import type { Repositories, Store } from '../store/index.js';
import type { EventBus } from './event-bus.js';
import type { Caller } from './caller.js';
import type { FleetEvent, FleetEventTypeName } from './event-types.js';

export interface Audit {
  record(
    type: FleetEventTypeName,
    clientUuid: string,
    data: Record<string, unknown>,
    actor?: Actor | string | null,
    options?: RecordOptions,
  ): Promise<FleetEvent>;
}

export interface RecordOptions {
  /**
   * Log the event's line at debug, not info: for events recorded by the thousand that one
   * summary line describes (a restart closing every session a crash left open).
   */
  quiet?: boolean;
}

/** Who caused an event: a door's words, and the API key behind it when there is one. */
export interface Actor {
  actor: string;
  keyId?: string | null | undefined;
  keyName?: string | null | undefined;
}

/** The actor of an event as a caller names it (its principal's key id and name). */
export function actorOf(caller: Caller): Actor {
  return {
    actor: caller.actor,
    keyId: caller.principal?.keyId ?? null,
    keyName: caller.principal?.name ?? null,
  };
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
  actor?: string | null;
  actorKeyId?: string | null;
  actorKeyName?: string | null;
}

type PendingEvent = Omit<StagedEvent, 'id'> & {
  actor: string | null;
  actorKeyId: string | null;
  actorKeyName: string | null;
};

/** What the trail gave an event: its id and hash, and whether outbox rows came with it. */
type Written = { id: number; hash: string | null; staged: boolean };

const MAX_BATCH = 256;

export function createAudit(deps: {
  store: Store;
  bus: EventBus;
  logger: Logger;
  outbox?: Outbox | undefined;
  /** Told of every recorded event, in chain order (ETPHONEHOME_AUDIT_LOG). */
  onRecorded?: ((event: FleetEvent) => void) | undefined;
  /**
   * False where the event relay publishes every server's events from the trail (several
   * servers on one database: cluster/event-relay.ts); true, the default, publishes here.
   */
  publishes?: boolean | undefined;
}): Audit {
  const { store, bus, logger, outbox } = deps;
  // Group commit (../lib/group-commit.ts): records that arrive while a transaction runs are
  // written together in the next one (SQLite has one connection; a commit per event capped the
  // rate, see bench/webhooks.ts). One batch at a time, so the audit chain (0006-audit-chain.md)
  // is linear: each batch chains to the newest hash, read in its own transaction. A failing
  // batch is retried one event at a time, so one bad event fails alone.
  const write = createGroupCommit<PendingEvent, Written>(
    (batch) =>
      store.transaction(async (tx) => {
        const written = await tx.events.appendChained(batch);
        const out: Written[] = [];
        for (const [i, record] of written.entries()) {
          const event = batch[i]!;
          const staged =
            outbox?.wants(event.type) === true
              ? await outbox.stage(tx, { ...event, id: record.id })
              : false;
          out.push({ id: record.id, hash: record.hash, staged });
        }
        return out;
      }),
    MAX_BATCH,
  );

  return {
    async record(type, clientUuid, data, actor = null, options = {}) {
      const at = new Date();
      const who: Actor | null = typeof actor === 'string' ? { actor } : actor;
      const pending: PendingEvent = {
        type,
        clientUuid,
        at,
        data,
        actor: who?.actor ?? null,
        actorKeyId: who?.keyId ?? null,
        actorKeyName: who?.keyName ?? null,
      };
      const written = await write(pending);
      if (written.staged) outbox?.committed();
      const event: FleetEvent = { ...pending, type, id: written.id, hash: written.hash };
      logger[options.quiet ? 'debug' : 'info'](
        {
          event: type,
          clientUuid,
          eventId: written.id,
          actor: pending.actor,
          key: pending.actorKeyId,
        },
        'fleet event',
      );
      deps.onRecorded?.(event);
      if (deps.publishes !== false) bus.publish(event);
      return event;
    },
  };
}
