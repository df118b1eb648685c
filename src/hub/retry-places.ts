// Retry hints that spread a crowd: each connection refused from a queue (the hub's handshake
// queue, or one source's share of it) is told to come back at the next free place after the
// last one told, instead of "when the queue ahead drains". Told the same thing, a crowd refused
// together (a restart's reconnect storm) came back together and was refused again: from one
// source, 10,000 agents were refused 11 times each on average (docs/BENCHMARKS.md, issue 13).
//
//   refused ──▶ place = max(last place booked, now + drain of what is ahead) + one place
//               hint  = place − now, within [minMs, maxMs]; places past now + maxMs are not booked

/** Queues with booked places kept before the past ones are dropped. */
const MAX_QUEUES = 1024;

export interface RetryPlaces {
  /**
   * Books the next place of `queue` and returns its retry hint in ms. `aheadMs`: how long what
   * is already queued takes to drain; `placeMs`: the time between two booked places.
   */
  book(queue: string, now: number, aheadMs: number, placeMs: number): number;
}

export function createRetryPlaces(limits: { minMs: number; maxMs: number }): RetryPlaces {
  const booked = new Map<string, number>();
  return {
    book(queue, now, aheadMs, placeMs) {
      const place = Math.min(
        now + limits.maxMs,
        Math.max(booked.get(queue) ?? 0, now + aheadMs) + placeMs,
      );
      booked.set(queue, place);
      if (booked.size > MAX_QUEUES) {
        for (const [key, at] of booked) if (at <= now) booked.delete(key);
      }
      return Math.round(Math.min(limits.maxMs, Math.max(limits.minMs, place - now)));
    },
  };
}
