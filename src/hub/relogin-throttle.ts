// Reconnect churn, throttled at the door: every accepted login is two events and two webhooks
// (connected, disconnected), and an enrolled agent could log in and out ~21 times a second.
// A UUID gets a burst of logins, then one per interval; an address gets a (larger) budget for
// re-logins — logins of UUIDs it has seen in the last five minutes — so many UUIDs churning from
// one place are bounded too, while a fleet behind one NAT coming back after a restart (first
// logins) is not. A throttled agent is told when to come back (a notice with a retry hint).

import { createTokenBuckets } from '../lib/token-bucket.js';
import type { HubLimits } from './limits.js';

const FORGET_AFTER_MS = 5 * 60 * 1000;
const MAX_KEYS = 100_000;

export type ReloginVerdict =
  { ok: true } | { ok: false; scope: 'uuid' | 'source'; retryAfterMs: number };

export interface ReloginThrottle {
  /** Counts an accepted login of `uuid` from `source`, unless it is over budget. */
  check(uuid: string, source: string): ReloginVerdict;
}

export function createReloginThrottle(limits: HubLimits): ReloginThrottle {
  const byUuid = createTokenBuckets({
    burst: limits.reloginBurst,
    refillMs: limits.reloginRefillMs,
    forgetAfterMs: FORGET_AFTER_MS,
    maxKeys: MAX_KEYS,
  });
  const bySource = createTokenBuckets({
    burst: limits.sourceReloginBurst,
    refillMs: limits.sourceReloginRefillMs,
    forgetAfterMs: FORGET_AFTER_MS,
    maxKeys: MAX_KEYS,
  });
  return {
    check(uuid, source) {
      const relogin = byUuid.knows(uuid);
      const mine = byUuid.take(uuid);
      if (!mine.ok) return { ok: false, scope: 'uuid', retryAfterMs: mine.retryAfterMs };
      if (!relogin) return { ok: true };
      const theirs = bySource.take(source);
      return theirs.ok ? theirs : { ok: false, scope: 'source', retryAfterMs: theirs.retryAfterMs };
    },
  };
}
