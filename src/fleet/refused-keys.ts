// Keys refused for a known client — an impostor, or an agent whose new key nobody admitted — as
// `client.key_mismatch` events with `refused: true` (and their webhooks), so that the operator
// sees more than "offline" (issue 17 item 7). Client.lastRefusedKey reads the newest one.
//
// Rate-limited per client: the first refusal is recorded at once, the ones that follow within
// the window are counted and recorded as one event when it ends (`attempts`), so a knocking
// loop costs one event (and one webhook) per client per window, not one per try. Only known
// clients get here (admission.ts), so the windows are bounded by the fleet's size.

import type { Logger } from 'pino';
import type { AuthAttempt } from '../hub/tunnel-hub.js';
import type { ClientRecord } from '../store/index.js';
import type { Audit } from './audit.js';
import { FleetEventType } from './event-types.js';

/** One recorded event per client per minute at most. */
export const REFUSED_KEY_WINDOW_MS = 60_000;

interface Refusal {
  uuid: string;
  pinnedFingerprint: string;
  attempt: AuthAttempt;
  reason: string;
  attempts: number;
}

interface Window {
  timer: NodeJS.Timeout;
  pending: Refusal | null;
}

export interface RefusedKeys {
  /** Notes a refused (signed) attempt for a known client. */
  refused(attempt: AuthAttempt, client: ClientRecord, reason: string): Promise<void>;
  /** Records what is pending and stops the windows. */
  stop(): Promise<void>;
}

export function createRefusedKeys(deps: {
  audit: Audit;
  logger: Logger;
  windowMs?: number;
}): RefusedKeys {
  const windowMs = deps.windowMs ?? REFUSED_KEY_WINDOW_MS;
  const windows = new Map<string, Window>();

  async function record(refusal: Refusal): Promise<void> {
    try {
      await deps.audit.record(FleetEventType.keyMismatch, refusal.uuid, {
        previous_fingerprint: refusal.pinnedFingerprint,
        new_fingerprint: refusal.attempt.fingerprint,
        remote_address: refusal.attempt.remoteAddress,
        refused: true,
        reason: refusal.reason,
        attempts: refusal.attempts,
      });
    } catch (error) {
      deps.logger.error({ err: error, uuid: refusal.uuid }, 'cannot record a refused key');
    }
  }

  function open(uuid: string): void {
    const timer = setTimeout(() => {
      const window = windows.get(uuid);
      windows.delete(uuid);
      if (window?.pending) {
        // Still knocking: record what the window saw and keep counting in a new one.
        open(uuid);
        void record(window.pending);
      }
    }, windowMs);
    timer.unref();
    windows.set(uuid, { timer, pending: null });
  }

  return {
    async refused(attempt, client, reason) {
      const refusal: Refusal = {
        uuid: client.uuid,
        pinnedFingerprint: client.keyFingerprint,
        attempt,
        reason,
        attempts: 1,
      };
      const window = windows.get(client.uuid);
      if (window) {
        window.pending = { ...refusal, attempts: (window.pending?.attempts ?? 0) + 1 };
        return;
      }
      open(client.uuid);
      await record(refusal);
    },
    async stop() {
      const pending = [...windows.values()];
      windows.clear();
      for (const window of pending) clearTimeout(window.timer);
      await Promise.all(
        pending.flatMap((window) => (window.pending ? [record(window.pending)] : [])),
      );
    },
  };
}
