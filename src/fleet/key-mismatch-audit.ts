// What admission records when it refuses a new key for a client that is online with its pinned
// one: a KEY_MISMATCH event marked refused, so the takeover attempt is in the audit trail.

import type { AuthAttempt } from '../hub/tunnel-hub.js';
import type { Audit } from './audit.js';
import { FleetEventType } from './event-types.js';

export function recordRefusedMismatch(audit: Audit) {
  return async (attempt: AuthAttempt, pinned: string): Promise<void> => {
    await audit.record(FleetEventType.keyMismatch, attempt.login.uuid, {
      previous_fingerprint: pinned,
      new_fingerprint: attempt.fingerprint,
      remote_address: attempt.remoteAddress,
      refused: true,
      reason: 'the client is online with its pinned key',
    });
  };
}
