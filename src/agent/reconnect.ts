// The agent's reconnect loop, kept apart from what one connection does so that anything dialling
// the server the way an agent does — the agent's tunnel, the storm benchmark's simulated agents —
// runs this very code with a connect step of its own.
//
//   connect ──▶ link up … link down ──▶ wait ──▶ connect …
//                                        │
//        exponential backoff with full jitter (../lib/backoff.ts), reset after a healthy link;
//        never shorter than the server's retry hint when it gave one (a notice), jittered up to a
//        quarter above it (../protocol/notice.ts RETRY_HINT_SPREAD); within a lower cap while
//        dials are refused (a server restarting), for a minute
//
// A connect step that rejects stops the loop with its error (e.g. the server's host key changed:
// retrying cannot fix that).

import { createBackoff } from '../lib/backoff.js';
import { RETRY_HINT_SPREAD } from '../protocol/notice.js';

export interface LinkOutcome {
  /** How long the link was up; 0 when it never came up. */
  connectedForMs: number;
  /** The server asked not to come back before this many milliseconds (a notice's hint). */
  retryAfterMs?: number | undefined;
  /** The dial was refused (ECONNREFUSED): the host is there but nothing listens, a restart. */
  refused?: boolean | undefined;
}

export interface BackoffTiming {
  baseMs: number;
  capMs: number;
  /** A link up this long counts as healthy: the next wait starts from the base window again. */
  healthyMs: number;
  /**
   * While dials have been refused for less than `forMs`, waits stay within `capMs` (absent:
   * refused dials back off like any failure).
   */
  refused?: { capMs: number; forMs: number };
}

// The cap bounds a storm: after a server restart every agent dials again within capMs of the
// server's return (full jitter: uniformly over that window), so the whole fleet is back in about
// max(capMs, fleet ÷ admission rate). 30 s spreads 10,000 agents at ~330 dials/s — more than one
// server admits, and the rest are refused with a retry hint (≤ the hub's retryAfterMaxMs, 30 s)
// rather than timed out — while a 60 s cap left a quarter of a restarted fleet waiting over 45 s.
//
// A refused dial is a host whose server is not listening: most often, restarting. The usual
// backoff would have an agent that failed for 12 s asleep for a draw of up to 16–30 s when the
// server listens again, so a restarted server first admits the few that drew short waits and then
// idles (three quarters of a 10,000-agent storm's waits were these, docs/BENCHMARKS.md). For the
// first minute of refusals the window stays within 4 s: the fleet is at the door within seconds
// of the server's return, where the handshake gate admits what it can and books the others a
// place (a retry hint). A server down for longer gets the usual backoff after that minute.
export const defaultBackoffTiming: BackoffTiming = {
  baseMs: 1000,
  capMs: 30_000,
  healthyMs: 60_000,
  refused: { capMs: 4000, forMs: 60_000 },
};

/** One wait before the next dial, as told to `onWait`. */
export interface ReconnectWait {
  delayMs: number;
  attempt: number;
  retryAfterMs: number | undefined;
  /** The dial before it was refused (nothing listening). */
  refused: boolean;
}

export interface ReconnectOptions {
  /** One connection from dial to close; resolves when it is over. A rejection stops the loop. */
  connect(signal: AbortSignal): Promise<LinkOutcome>;
  /** Stops the loop: ends the wait at once (the connect step must end its link on it too). */
  signal: AbortSignal;
  backoff?: BackoffTiming;
  random?: () => number;
  /** Told before each wait (for logs and tests). */
  onWait?(wait: ReconnectWait): void;
  /** A monotonic clock in milliseconds (tests pass their own). */
  now?: () => number;
}

/** Connects, and reconnects after every link ends, until `signal` aborts. */
export async function runReconnectLoop(options: ReconnectOptions): Promise<void> {
  const timing = options.backoff ?? defaultBackoffTiming;
  const backoff = createBackoff({
    baseMs: timing.baseMs,
    capMs: timing.capMs,
    hintSpread: RETRY_HINT_SPREAD,
    ...(options.random ? { random: options.random } : {}),
  });
  const { signal } = options;
  const now = options.now ?? (() => performance.now());
  let refusedSince: number | null = null;
  while (!signal.aborted) {
    const outcome = await options.connect(signal);
    if (signal.aborted) return;
    if (outcome.connectedForMs >= timing.healthyMs) backoff.reset();
    refusedSince = outcome.refused === true ? (refusedSince ?? now()) : null;
    const quickly =
      timing.refused !== undefined &&
      refusedSince !== null &&
      now() - refusedSince < timing.refused.forMs;
    const delayMs = backoff.nextDelayMs(
      outcome.retryAfterMs,
      quickly ? timing.refused?.capMs : undefined,
    );
    options.onWait?.({
      delayMs,
      attempt: backoff.attempts,
      retryAfterMs: outcome.retryAfterMs,
      refused: outcome.refused === true,
    });
    await sleep(delayMs, signal);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
