// Every event a fleet publishes, kept in order, so a test can wait for one ("the agent is online")
// instead of polling, and look back at what was recorded since a mark.

import type { FleetEvent, FleetEventTypeName } from '../../src/fleet/index.js';

export interface EventMatch {
  type?: FleetEventTypeName;
  clientUuid?: string;
  /** More conditions on the event. */
  where?: (event: FleetEvent) => boolean;
}

export interface EventLog {
  /** Every event so far, oldest first. */
  readonly all: readonly FleetEvent[];
  /** A position in the log: events from here on are "since" it. */
  mark(): number;
  /** Events matching, since a mark (default: all). */
  find(match: EventMatch, since?: number): FleetEvent[];
  /** The first matching event at or after `since` (default: from now), waiting for it. */
  next(match: EventMatch, options?: { since?: number; timeoutMs?: number }): Promise<FleetEvent>;
  /** Appends an event (the harness feeds the fleet's live events here). */
  push(event: FleetEvent): void;
}

function matches(event: FleetEvent, match: EventMatch): boolean {
  return (
    (match.type === undefined || event.type === match.type) &&
    (match.clientUuid === undefined || event.clientUuid === match.clientUuid) &&
    (match.where === undefined || match.where(event))
  );
}

function describe(match: EventMatch): string {
  const parts = [match.type ?? 'any event'];
  if (match.clientUuid) parts.push(`of ${match.clientUuid}`);
  if (match.where) parts.push('(with conditions)');
  return parts.join(' ');
}

export function createEventLog(): EventLog {
  const all: FleetEvent[] = [];
  const waiters = new Set<{ match: EventMatch; since: number; resolve(e: FleetEvent): void }>();
  return {
    all,
    mark: () => all.length,
    find: (match, since = 0) => all.slice(since).filter((event) => matches(event, match)),
    next(match, options = {}) {
      const since = options.since ?? all.length;
      const found = all.slice(since).find((event) => matches(event, match));
      if (found) return Promise.resolve(found);
      // A guard against a hang, not a speed claim: the message says what never came.
      const timeoutMs = options.timeoutMs ?? 30_000;
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          since,
          resolve(event: FleetEvent) {
            clearTimeout(timer);
            resolve(event);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = all
            .slice(since)
            .map((e) => `${e.type} ${e.clientUuid}`)
            .slice(-10);
          reject(
            new Error(
              `no ${describe(match)} within ${timeoutMs} ms; since then: ${seen.join(', ') || 'nothing'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    push(event) {
      all.push(event);
      for (const waiter of [...waiters]) {
        if (!matches(event, waiter.match)) continue;
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    },
  };
}
