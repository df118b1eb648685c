// Exponential backoff with full jitter: delay n is uniform in [0, min(cap, base · 2^n)].
// Full jitter spreads a fleet's reconnects after a server restart instead of synchronising them.
// A server that says when to come back sets a floor: the delay is then uniform in
// [hint, hint + min(hint × hintSpread, cap)], so the agents it turned away return spread over the
// next period rather than all at the hinted instant.

export interface Backoff {
  /**
   * The delay before the next attempt, in milliseconds; each call grows the window. With
   * `atLeastMs` (a server's retry hint), never less than it. `capMs`, when given, bounds this
   * delay's window below the usual cap (the attempts still count).
   */
  nextDelayMs(atLeastMs?: number, capMs?: number): number;
  /** Start again from the base window (after a healthy period). */
  reset(): void;
  readonly attempts: number;
}

export function createBackoff(options: {
  baseMs: number;
  capMs: number;
  random?: () => number;
  /** How far above a hint the delay may fall, as a share of the hint; default 1 ([h, 2h]). */
  hintSpread?: number;
}): Backoff {
  const random = options.random ?? Math.random;
  const hintSpread = options.hintSpread ?? 1;
  let attempts = 0;
  return {
    nextDelayMs(atLeastMs = 0, capMs = options.capMs) {
      const cap = Math.min(capMs, options.capMs);
      const window = Math.min(cap, options.baseMs * 2 ** Math.min(attempts, 30));
      attempts += 1;
      if (!(atLeastMs > 0)) return Math.floor(random() * window);
      const hint = Math.ceil(atLeastMs);
      return hint + Math.floor(random() * Math.min(hint * hintSpread, options.capMs));
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
