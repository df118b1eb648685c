// Exponential backoff with full jitter: delay n is uniform in [0, min(cap, base · 2^n)].
// Full jitter spreads a fleet's reconnects after a server restart instead of synchronising them.

export interface Backoff {
  /** The delay before the next attempt, in milliseconds; each call grows the window. */
  nextDelayMs(): number;
  /** Start again from the base window (after a healthy period). */
  reset(): void;
  readonly attempts: number;
}

export function createBackoff(options: {
  baseMs: number;
  capMs: number;
  random?: () => number;
}): Backoff {
  const random = options.random ?? Math.random;
  let attempts = 0;
  return {
    nextDelayMs() {
      const window = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempts, 30));
      attempts += 1;
      return Math.floor(random() * window);
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
