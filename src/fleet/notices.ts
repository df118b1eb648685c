// What the fleet tells an agent about a decision it made on the agent's connection (the hub
// carries it: ../protocol/notice.ts, docs/design/0001-tunnel-and-trust.md). One place for the
// words, so admission, the registry and decommissioning say the same thing.

import { NoticeCode, type Notice } from '../protocol/notice.js';

/** Refused at login: the client was decommissioned. No retry hint: a person must act. */
export function decommissionedNotice(clientId: string): Notice {
  return {
    code: NoticeCode.decommissioned,
    message: `Client "${clientId}" was decommissioned on the server; it is refused until an operator restores it (restoreClient).`,
  };
}

/**
 * Refused at login: another key is pinned for this uuid and that key is online now. The agent
 * backs off a minute: the pinned connection is not going away because this one retries.
 */
export function keyMismatchNotice(clientId: string, pinnedFingerprint: string): Notice {
  return {
    code: NoticeCode.keyMismatch,
    message: `Client "${clientId}" is online with its pinned key ${pinnedFingerprint}; this key was refused. An operator can accept it (acceptKey) once the other connection is gone.`,
    retryAfterMs: 60_000,
  };
}

/** Told on a session that continues: the key is not the pinned one. */
export function quarantinedNotice(clientId: string, pinnedFingerprint: string): Notice {
  return {
    code: NoticeCode.quarantined,
    message: `Client "${clientId}" connected with a key other than its pinned one (${pinnedFingerprint}); every operation is refused until an operator accepts this key (acceptKey).`,
  };
}

/** Told when a newer connection with the same uuid took this session's place. */
export function replacedNotice(clientId: string): Notice {
  return {
    code: NoticeCode.replaced,
    message: `A newer connection of client "${clientId}" took this session's place.`,
  };
}
