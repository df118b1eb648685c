// Retry hints that spread a crowd: each connection refused from a queue (the hub's handshake
// queue, or one source's share of it) books the next free place after the last one booked, and
// is told to come back at a time drawn uniformly between the first free place and its own
// (full jitter over the line). Told the same thing, a crowd refused together (a restart's
// reconnect storm) came back together and was refused again: from one source, 10,000 agents
// were refused 11 times each on average. Told its own place exactly, a crowd came back in
// order, but a place is booked per refusal: each agent refused again on its return booked
// another at the end, the line ran out to the longest hint, and the server idled past its first
// wave. Drawn over the line, returns fill the near places the first wave left free
// (docs/BENCHMARKS.md, "Full-jitter hints"; issue 13).
//
//   refused ──▶ place = max(last place booked, now + drain of what is ahead) + one place
//               from  = min(place, now + drain of what is ahead + one place)
//               hint  = uniform in [from, place] − now, within [minMs, maxMs];
//               places past now + maxMs are not booked

/** Queues with booked places kept before the past ones are dropped. */
const MAX_QUEUES = 1024;

export interface RetryPlaces {
  /**
   * Books the next place of `queue` and returns its retry hint in ms. `aheadMs`: how long what
   * is already queued takes to drain; `placeMs`: the time between two booked places.
   */
  book(queue: string, now: number, aheadMs: number, placeMs: number): number;
}

export function createRetryPlaces(limits: {
  minMs: number;
  maxMs: number;
  /** A draw in [0, 1); 1 tells each refusal its own place exactly. */
  random?: () => number;
}): RetryPlaces {
  const booked = new Map<string, number>();
  const random = limits.random ?? Math.random;
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
      const from = Math.min(place, now + aheadMs + placeMs);
      const at = from + random() * (place - from);
      return Math.round(Math.min(limits.maxMs, Math.max(limits.minMs, at - now)));
    },
  };
}
