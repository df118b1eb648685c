// Who may log in, and as what. A key is admitted when it is the client's pinned key, or — for a
// key the registry does not know — when it is listed in authorized_keys, presented with a usable
// enrollment token, or the server runs with open enrollment. Anything else is refused (and the
// hub logs the attempt with the key's fingerprint).
//
// A known UUID presenting another admitted key is a key mismatch: the client may come online in
// quarantine (every operation refused until acceptKey) — unless the pinned key is online right
// now, in which case the newcomer is refused: a live agent proves its key is still in use.
//
// Refusals the agent should understand carry a notice (./notices.ts): decommissioned (to its own
// key only) and key mismatch. A known uuid knocking with a key no admission path takes is asked
// to sign first (`askSignature`) so that the refusal is recorded against a proven key (issue 17
// item 7) — an impostor, or an agent whose new key was never admitted; it is told nothing.

import type { AuthAttempt, AuthDecision } from '../hub/tunnel-hub.js';
import type { Store } from '../store/index.js';
import type { ClientRecord } from '../store/index.js';
import type { AuthorizedKeys } from './authorized-keys.js';
import { decommissionedNotice, keyMismatchNotice } from './notices.js';
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
  /** Told about a key refused for a known client, once it has signed (a security signal). */
  onRefusedKey(attempt: AuthAttempt, client: ClientRecord, reason: string): Promise<void>;
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
    const ownKey =
      client !== null &&
      (client.keyFingerprint === attempt.fingerprint ||
        client.pendingFingerprint === attempt.fingerprint);
    if (client?.decommissionedAt) {
      // Only its own key hears why: anyone else learns nothing about the uuid.
      return ownKey
        ? {
            accept: false,
            reason: 'client is decommissioned',
            notice: decommissionedNotice(client.clientId),
          }
        : { accept: false, reason: 'client is decommissioned (and this is not its key)' };
    }
    if (client && client.keyFingerprint === attempt.fingerprint) {
      return { accept: true, admission: { kind: 'known', via: 'pinned', tokenId: null } };
    }
    const path =
      client && client.pendingFingerprint === attempt.fingerprint
        ? { via: 'pinned' as const, tokenId: null } // admitted before, still awaiting acceptKey
        : await admissionPath(attempt);
    if ('reason' in path) {
      if (!client) return { accept: false, reason: path.reason };
      if (attempt.verified) await deps.onRefusedKey(attempt, client, path.reason);
      return { accept: false, reason: path.reason, askSignature: true };
    }
    if (!client) return { accept: true, admission: { kind: 'new', ...path } };

    if (deps.onlineFingerprint(client.uuid) === client.keyFingerprint) {
      const reason = `key mismatch while client ${client.clientId} is online with its pinned key`;
      if (attempt.verified) await deps.onRefusedKey(attempt, client, reason);
      return {
        accept: false,
        reason,
        notice: keyMismatchNotice(client.clientId, client.keyFingerprint),
      };
    }
    return { accept: true, admission: { kind: 'mismatch', ...path } };
  };
}
