// Logging that a flood cannot turn into a flood of log lines: per interval, the first `burst`
// occurrences of a message are logged one by one; the rest are only counted (by a short key such
// as a reason or an address) and reported as one summary line when the interval ends.

export interface LogSummary {
  /** Occurrences not logged one by one during the interval. */
  suppressed: number;
  intervalMs: number;
  /** Counts by key, largest first; at most `maxKeys` of them, the rest under "(other)". */
  byKey: Record<string, number>;
}

export interface LogThrottle {
  /** True when this occurrence should be logged in full; false when it was only counted. */
  admit(key?: string): boolean;
  /** Reports what is pending now (tests, shutdown). */
  flush(): void;
  stop(): void;
}

export function createLogThrottle(options: {
  intervalMs: number;
  burst: number;
  summary(summary: LogSummary): void;
  maxKeys?: number;
}): LogThrottle {
  const maxKeys = options.maxKeys ?? 10;
  let admitted = 0;
  let suppressed = 0;
  let byKey = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const count = suppressed;
    const keys = byKey;
    admitted = 0;
    suppressed = 0;
    byKey = new Map();
    if (count === 0) return;
    const sorted = [...keys].sort((a, b) => b[1] - a[1]);
    const shown = Object.fromEntries(sorted.slice(0, maxKeys));
    const rest = sorted.slice(maxKeys).reduce((sum, [, n]) => sum + n, 0);
    if (rest > 0) shown['(other)'] = rest;
    options.summary({ suppressed: count, intervalMs: options.intervalMs, byKey: shown });
  }

  return {
    admit(key = '') {
      // The interval starts with its first occurrence: a quiet logger holds no timer.
      timer ??= setTimeout(flush, options.intervalMs).unref();
      if (admitted < options.burst) {
        admitted += 1;
        return true;
      }
      suppressed += 1;
      // Counting keys is bounded too: an attacker choosing keys cannot grow this map forever.
      if (byKey.has(key) || byKey.size < 1000) byKey.set(key, (byKey.get(key) ?? 0) + 1);
      return false;
    },
    flush,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
