// A rolling window over a live event stream: the latest `limit` events, newest first, sent whole
// each time one arrives. GraphiQL shows only the last message of a subscription; a window keeps
// the ones before it on screen. Events the starting window already holds (published while it was
// read from the audit trail) are not counted twice: ids only grow.

import type { FleetEvent } from '../fleet/index.js';

/**
 * First `initial` (newest first, at most `limit`), then a new window per event of `live`.
 * Ends when `live` ends; closing the window closes `live`.
 */
export async function* eventWindow(
  initial: readonly FleetEvent[],
  live: AsyncIterableIterator<FleetEvent>,
  limit: number,
): AsyncGenerator<FleetEvent[], void, undefined> {
  let window = initial.slice(0, limit);
  const seen = window.reduce((max, event) => Math.max(max, event.id), 0);
  try {
    yield window;
    for await (const event of live) {
      if (event.id <= seen) continue;
      window = [event, ...window].slice(0, limit);
      yield window;
    }
  } finally {
    await live.return?.();
  }
}
