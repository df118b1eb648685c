// Per-client rate limits: requests in a rolling 60-second window and requests in flight.
//
// Every operation that reaches a client takes a permit here, whichever door it came through.
// Over a limit, the client's mode decides: WARN lets the request run and counts a warning,
// ENFORCE refuses it with RATE_LIMITED and the time to retry, OFF does nothing. Counters live in
// memory; the limits themselves are client settings in the store.

import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import { RateLimitMode, type RateLimitModeName } from './settings.js';

export const RATE_WINDOW_MS = 60_000;

export interface RateLimits {
  rpm: number;
  concurrent: number;
  mode: RateLimitModeName;
}

export interface RateLimitFigures {
  requestsPerMinute: number;
  currentConcurrent: number;
  rpmWarnings: number;
  concurrentWarnings: number;
  rpmRejections: number;
  concurrentRejections: number;
}

export type RateLimitBreach = 'rpm' | 'concurrent';

/** A permit for one request: release it when the request ends (a second release is a no-op). */
export interface Permit {
  release(): void;
  /** The limits this request went over and ran anyway (WARN mode). */
  breaches: RateLimitBreach[];
}

/** Counts carried over from before this process started (see RateLimiter.seed). */
export type SeedCounts = Pick<
  RateLimitFigures,
  'rpmWarnings' | 'concurrentWarnings' | 'rpmRejections' | 'concurrentRejections'
>;

interface Counters extends Omit<RateLimitFigures, 'requestsPerMinute'> {
  /** Start times of the requests in the window, oldest first. */
  window: number[];
}

export interface RateLimiterOptions {
  now?: () => number;
  /** Told about every breach (the fleet logs it; refusals are also audited as operation_refused). */
  onBreach?: (uuid: string, breach: RateLimitBreach, limits: RateLimits, enforced: boolean) => void;
}

export function createRateLimiter(options: RateLimiterOptions = {}) {
  const now = options.now ?? Date.now;
  const counters = new Map<string, Counters>();

  function countersOf(uuid: string): Counters {
    let entry = counters.get(uuid);
    if (!entry) {
      entry = {
        window: [],
        currentConcurrent: 0,
        rpmWarnings: 0,
        concurrentWarnings: 0,
        rpmRejections: 0,
        concurrentRejections: 0,
      };
      counters.set(uuid, entry);
    }
    return entry;
  }

  function prune(entry: Counters, at: number): void {
    let drop = 0;
    while (drop < entry.window.length && (entry.window[drop] as number) <= at - RATE_WINDOW_MS)
      drop += 1;
    if (drop > 0) entry.window.splice(0, drop);
  }

  return {
    /**
     * Takes a permit for one request to `uuid` (call `release` when it ends), or throws
     * RATE_LIMITED in ENFORCE mode.
     */
    acquire(uuid: string, clientName: string, limits: RateLimits): Permit {
      const entry = countersOf(uuid);
      const at = now();
      prune(entry, at);
      const breaches: RateLimitBreach[] = [];
      if (limits.mode !== RateLimitMode.off) {
        const enforced = limits.mode === RateLimitMode.enforce;
        if (entry.window.length >= limits.rpm) {
          options.onBreach?.(uuid, 'rpm', limits, enforced);
          if (enforced) {
            entry.rpmRejections += 1;
            const retryAfterS = Math.max(
              1,
              Math.ceil(((entry.window[0] as number) + RATE_WINDOW_MS - at) / 1000),
            );
            const raise = nextStep(Operation.configureRateLimitRpm, { uuid, clientId: clientName });
            throw new AppError(
              ErrorCode.rateLimited,
              `Client "${clientName}" is over its rate limit of ${limits.rpm} requests per minute (mode ENFORCE). Retry in ${retryAfterS} s, or raise the limit with ${named(raise)}.`,
              { retryAfterS, limit: 'rpm', rpmLimit: limits.rpm },
              [raise],
            );
          }
          entry.rpmWarnings += 1;
          breaches.push('rpm');
        }
        if (entry.currentConcurrent >= limits.concurrent) {
          options.onBreach?.(uuid, 'concurrent', limits, enforced);
          if (enforced) {
            entry.concurrentRejections += 1;
            const raise = nextStep(Operation.configureRateLimitConcurrent, {
              uuid,
              clientId: clientName,
            });
            throw new AppError(
              ErrorCode.rateLimited,
              `Client "${clientName}" already has ${entry.currentConcurrent} requests in flight, its limit (mode ENFORCE). Retry when one finishes, or raise the limit with ${named(raise)}.`,
              { retryAfterS: 1, limit: 'concurrent', concurrentLimit: limits.concurrent },
              [raise],
            );
          }
          entry.concurrentWarnings += 1;
          breaches.push('concurrent');
        }
      }
      entry.window.push(at);
      entry.currentConcurrent += 1;
      let released = false;
      return {
        breaches,
        release() {
          if (released) return;
          released = true;
          entry.currentConcurrent -= 1;
        },
      };
    },

    /** Adds counts recorded before this process started (once per client, from the audit). */
    seed(uuid: string, counts: SeedCounts): void {
      const entry = countersOf(uuid);
      entry.rpmWarnings += counts.rpmWarnings;
      entry.concurrentWarnings += counts.concurrentWarnings;
      entry.rpmRejections += counts.rpmRejections;
      entry.concurrentRejections += counts.concurrentRejections;
    },

    figures(uuid: string): RateLimitFigures {
      const entry = countersOf(uuid);
      prune(entry, now());
      const { window, ...rest } = entry;
      return { requestsPerMinute: window.length, ...rest };
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
