// Who may log in, and as what. A key is admitted when it is the client's pinned key, or — for a
// key the registry does not know — when it is listed in authorized_keys, presented with a usable
// enrollment token, or the server runs with open enrollment. Anything else is refused (and the
// hub logs the attempt with the key's fingerprint).
//
// A known UUID presenting another admitted key is a key mismatch: the client may come online in
// quarantine (every operation refused until acceptKey) — unless the pinned key is online right
// now, in which case the newcomer is refused: a live agent proves its key is still in use.

import type { AuthAttempt, AuthDecision } from '../hub/tunnel-hub.js';
import type { Store } from '../store/index.js';
import type { AuthorizedKeys } from './authorized-keys.js';
import { findUsableToken } from './tokens.js';

export type AdmissionVia = 'pinned' | 'authorized_keys' | 'enrollment_token' | 'open_enrollment';

export interface Admission {
  /** known: the pinned key; new: first admission of this UUID; mismatch: another key for it. */
  kind: 'known' | 'new' | 'mismatch';
  via: AdmissionVia;
  tokenId: string | null;
}

export interface AdmissionDeps {
  store: Store;
  authorizedKeys: AuthorizedKeys;
  openEnrollment: boolean;
  /** The fingerprint of the key the UUID is online with right now, if any. */
  onlineFingerprint(uuid: string): string | null;
  /** Told about a refused key change for an online client (a security signal). */
  onRefusedMismatch(attempt: AuthAttempt, pinnedFingerprint: string): Promise<void>;
}

export function createAdmission(deps: AdmissionDeps) {
  async function admissionPath(
    attempt: AuthAttempt,
  ): Promise<{ via: AdmissionVia; tokenId: string | null } | { reason: string }> {
    if (await deps.authorizedKeys.has(attempt.publicKey))
      return { via: 'authorized_keys', tokenId: null };
    let tokenReason: string | null = null;
    if (attempt.login.enrollmentToken) {
      const found = await findUsableToken(deps.store, attempt.login.enrollmentToken);
      if ('row' in found) return { via: 'enrollment_token', tokenId: found.row.id };
      tokenReason = found.reason;
    }
    if (deps.openEnrollment) return { via: 'open_enrollment', tokenId: null };
    return {
      reason:
        tokenReason ??
        'unknown key: not in authorized_keys, no enrollment token, and open enrollment is off',
    };
  }

  return async function authorize(attempt: AuthAttempt): Promise<AuthDecision<Admission>> {
    const client = await deps.store.clients.get(attempt.login.uuid);
    if (client?.decommissionedAt) {
      return { accept: false, reason: 'client is decommissioned' };
    }
    if (client && client.keyFingerprint === attempt.fingerprint) {
      return { accept: true, admission: { kind: 'known', via: 'pinned', tokenId: null } };
    }
    const path =
      client && client.pendingFingerprint === attempt.fingerprint
        ? { via: 'pinned' as const, tokenId: null } // admitted before, still awaiting acceptKey
        : await admissionPath(attempt);
    if ('reason' in path) return { accept: false, reason: path.reason };
    if (!client) return { accept: true, admission: { kind: 'new', ...path } };

    if (deps.onlineFingerprint(client.uuid) === client.keyFingerprint) {
      if (attempt.verified) await deps.onRefusedMismatch(attempt, client.keyFingerprint);
      return {
        accept: false,
        reason: `key mismatch while client ${client.clientId} is online with its pinned key`,
      };
    }
    return { accept: true, admission: { kind: 'mismatch', ...path } };
  };
}
