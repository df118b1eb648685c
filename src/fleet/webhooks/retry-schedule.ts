// The retry schedule. Attempt n (1-based) that fails waits base · 2^(n-1), capped at
// base · 1440, with ±20 % jitter; when the receiver sends Retry-After, the wait is at least that
// (capped at the same ceiling). With the default base of 10 s the waits are 10 s, 20 s, 40 s …
// 2 h 50 min, then 4 h; 19 attempts span about 33.7 h nominal (≥ 26.9 h with the worst jitter),
// so a receiver that is down for a day loses nothing. Then the delivery is FAILED (dead letter)
// until replayed.

export const DEFAULT_RETRY_BASE_MS = 10_000;
export const DEFAULT_MAX_ATTEMPTS = 19;
const CAP_FACTOR = 1440;

export interface RetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** The nominal wait (no jitter) after failed attempt `attempt` (1-based). */
export function nominalDelayMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.baseMs * CAP_FACTOR, policy.baseMs * 2 ** Math.min(attempt - 1, 30));
}

/**
 * When to try again after failed attempt `attempt`, or null when the schedule is spent.
 * `retryAfterMs` is the receiver's Retry-After, if any.
 */
export function nextDelayMs(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const jittered = nominalDelayMs(policy, attempt) * (0.8 + 0.4 * random());
  const ceiling = policy.baseMs * CAP_FACTOR;
  const asked = retryAfterMs === null ? 0 : Math.min(retryAfterMs, Math.max(ceiling, 3_600_000));
  return Math.round(Math.max(jittered, asked));
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; null if absent/bad. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}
