// Events across servers (issue 14, note 0004 §5). On a database several servers share, the
// trail is the one order of events: each server follows it with a cursor and publishes what it
// reads on its own bus — its own events and every other server's alike, so a subscriber on any
// server sees every event of the fleet once, in the trail's order, and a subscriber that resumes
// with `clientEvents(after:)` continues exactly where its live events stopped.
//
//   audit (any server) ──▶ event row + pg_notify('etph_events') ──commit──▶ every server's
//   listener ──▶ relay: read after the cursor ──▶ client index settled ──▶ bus ──▶ subscribers
//
// A notification only says "something new"; the relay reads `events.after(cursor)`, which
// returns only final rows (older than every running transaction). Rows not yet final when a
// notification came are read on the next notification or the next poll (POLL_MS): the poll also
// covers a listening connection that is down. Before publishing, the relay waits for the client
// index to re-read what other servers changed, so that a subscriber resolving the event's client
// sees the change the event reports.
//
// Where one server owns the database (SQLite) there is nothing to follow: the audit publishes
// its events on the bus itself.

import type { Logger } from 'pino';
import type { Store } from '../../store/index.js';
import type { EventBus } from '../event-bus.js';
import type { FleetEvent, FleetEventTypeName } from '../event-types.js';

/** Events read per statement. */
const PAGE = 500;
/** How often the trail is read without a notification (rows that were not yet final). */
const POLL_MS = 1_000;

export interface EventRelay {
  /** Whether this fleet's events reach its bus through the relay (not from the audit). */
  readonly relays: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createEventRelay(deps: {
  store: Store;
  bus: EventBus;
  logger: Logger;
}): EventRelay {
  const { store, bus, logger } = deps;
  const changes = store.changes;
  let cursor = 0;
  let unwatch: (() => void) | null = null;
  let poll: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function pumpOnce(): Promise<void> {
    for (;;) {
      const rows = await store.events.after(cursor, PAGE);
      if (rows.length === 0 || stopped) return;
      await store.settled?.();
      for (const row of rows) {
        if (stopped) return;
        const event: FleetEvent = { ...row, type: row.type as FleetEventTypeName };
        cursor = row.id;
        bus.publish(event);
      }
      if (rows.length < PAGE) return;
    }
  }

  /** Reads and publishes what follows the cursor; calls while it runs make it read once more. */
  function pump(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pumpOnce();
        } catch (error) {
          logger.warn({ err: error, cursor }, 'could not read the event trail; retrying');
          return;
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  }

  return {
    relays: changes !== undefined,
    async start() {
      if (!changes) return;
      stopped = false;
      unwatch = await changes.watch({
        events: pump,
        clients: () => undefined,
        resync: pump,
      });
      cursor = await store.events.head();
      poll = setInterval(pump, POLL_MS);
      poll.unref();
      pump();
    },
    async stop() {
      stopped = true;
      if (poll) clearInterval(poll);
      poll = null;
      unwatch?.();
      unwatch = null;
      await running;
    },
  };
}
