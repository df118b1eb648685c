// The hub's log lines that a flood could multiply (refused logins, refused connections, timed-out
// handshakes, throttled reconnects): each kind logs its first lines of an interval one by one,
// then one summary line with counts (../lib/log-throttle.ts).

import type { Logger } from 'pino';
import { createLogThrottle, type LogThrottle } from '../lib/log-throttle.js';

/**
 * Logs `message` with `fields` on `logger` (a connection's child logger, say), or only counts it
 * under `key` when its kind is flooding.
 */
export type ThrottledLog = (
  key: string,
  logger: Logger,
  fields: Record<string, unknown>,
  message: string,
) => void;

export interface ThrottledLogs {
  /** A throttled log for one kind of line; `burst` overrides how many are logged per interval. */
  create(kind: string, level: 'debug' | 'info' | 'warn' | 'error', burst?: number): ThrottledLog;
  stop(): void;
}

export function createThrottledLogs(
  logger: Logger,
  options: { intervalMs: number; burst: number },
): ThrottledLogs {
  const throttles: LogThrottle[] = [];
  return {
    create(kind, level, burst = options.burst) {
      const throttle = createLogThrottle({
        intervalMs: options.intervalMs,
        burst,
        summary: ({ suppressed, intervalMs, byKey }) =>
          logger[level](
            { kind, suppressed, intervalS: intervalMs / 1000, byKey },
            `${kind}: ${suppressed} more in the last ${intervalMs / 1000} s, not logged one by one`,
          ),
      });
      throttles.push(throttle);
      return (key, target, fields, message) => {
        if (throttle.admit(key)) target[level](fields, message);
      };
    },
    stop() {
      for (const throttle of throttles) throttle.flush();
      for (const throttle of throttles) throttle.stop();
    },
  };
}
