// One SSH user-authentication request, decided: is it an agent login, does the signature check
// out, what does the fleet's `authorize` say, and is this UUID (or its address) reconnecting too
// often. The hub holds no admission policy: that is `authorize`'s (the fleet service's).
//
//   probe (no signature) ──▶ authorize ──▶ acceptable? "probe-ok" (the client then signs)
//   signed ──▶ verify here ──▶ authorize ──▶ churn budget ──▶ session | notice | refused
//
// A refusal can carry a notice (../protocol/notice.ts) the agent should hear — decommissioned,
// key mismatch, throttled. SSH has no way to say why during authentication (ssh2's server sends
// no banner per attempt, and its DISCONNECT has no text), so an agent that proved its key is let
// in just far enough to receive the notice on a channel, and is then closed; it never gets a
// session. Strangers (no notice) are only ever refused.

import { verify } from 'node:crypto';
import type { AuthContext, PublicKeyAuthContext } from 'ssh2';
import ssh2, { rawPublicKey } from '../lib/ssh2.js';
import type { Logger } from 'pino';
import { fingerprintOf } from '../lib/fingerprint.js';
import { describeLogin, parseAgentLogin, type AgentLogin } from '../protocol/identity.js';
import { NoticeCode, type Notice } from '../protocol/notice.js';
import type { ReloginThrottle } from './relogin-throttle.js';
import type { ThrottledLog } from './throttled-log.js';

export interface AuthAttempt {
  login: AgentLogin;
  /** OpenSSH one-line form: "<algo> <base64>". */
  publicKey: string;
  fingerprint: string;
  remoteAddress: string;
  /** False for the signature-less probe clients send first; true once the signature checked out. */
  verified: boolean;
}

export type AuthDecision<A> =
  | { accept: true; admission: A }
  | {
      accept: false;
      /** For the server's log. */
      reason: string;
      /**
       * What the agent is told (it must have proved its key first: the probe is accepted so that
       * it signs). Leave it out for strangers.
       */
      notice?: Notice;
      /**
       * Refuse only once the client has proved it holds the key: the probe is accepted, and
       * `authorize` sees the signed attempt (`verified: true`) — e.g. to record an impostor.
       */
      askSignature?: boolean;
    };

export type AuthOutcome<A> =
  | { kind: 'probe-ok' }
  | { kind: 'refused' }
  | { kind: 'session'; attempt: AuthAttempt; admission: A }
  | { kind: 'notice'; attempt: AuthAttempt; notice: Notice };

export interface AuthDeps<A> {
  authorize(attempt: AuthAttempt): Promise<AuthDecision<A>>;
  throttle: ReloginThrottle;
  logs: {
    refused: ThrottledLog;
    throttled: ThrottledLog;
  };
}

const ED25519 = 'ssh-ed25519';
/** An ssh-ed25519 public key blob: its name and its 32 bytes, each after a 4-byte length. */
const ED25519_BLOB_BYTES = 4 + ED25519.length + 4 + 32;

/**
 * An ed25519 signature checked with a key object made from the blob's 32 bytes (JWK). ssh2's
 * `verify` hands Node the key as PEM text, which OpenSSL 3 decodes for every call: about 300 µs
 * of a busy hub's time per login, against under 100 µs this way (docs/BENCHMARKS.md, issue 13).
 * False for a blob that is not one well-formed ed25519 key, as for a signature that fails.
 */
export function verifyEd25519(keyBlob: Buffer, data: Buffer, signature: Buffer): boolean {
  if (
    keyBlob.length !== ED25519_BLOB_BYTES ||
    keyBlob.readUInt32BE(0) !== ED25519.length ||
    keyBlob.toString('latin1', 4, 4 + ED25519.length) !== ED25519 ||
    keyBlob.readUInt32BE(4 + ED25519.length) !== 32
  )
    return false;
  try {
    const key = rawPublicKey('Ed25519', keyBlob.subarray(ED25519_BLOB_BYTES - 32));
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

export async function authenticate<A>(
  ctx: AuthContext,
  connection: { remoteAddress: string; source: string; log: Logger },
  deps: AuthDeps<A>,
): Promise<AuthOutcome<A>> {
  const { remoteAddress, log } = connection;
  const pk = ctx as PublicKeyAuthContext;
  const keyBlob = pk.key.data;
  const fingerprint = fingerprintOf(keyBlob);
  const login = parseAgentLogin(ctx.username);
  if (!login) {
    // The username may be a pasted token: log what identifies it, never the username itself.
    const described = describeLogin(ctx.username);
    deps.logs.refused(
      described.problem,
      log,
      { fingerprint, ...described },
      'login refused: not an agent login',
    );
    return { kind: 'refused' };
  }
  /** Refuses an agent login whose key or signature does not hold, logging (throttled) why. */
  const refuseKey = (problem: string): AuthOutcome<A> => {
    deps.logs.refused(problem, log, { fingerprint, uuid: login.uuid }, `login refused: ${problem}`);
    return { kind: 'refused' };
  };
  const parsed = ssh2.utils.parseKey(keyBlob);
  if (parsed instanceof Error || Array.isArray(parsed)) return refuseKey('unreadable public key');
  const signature = pk.signature;
  const verified = signature !== undefined;
  if (verified) {
    // ssh2 leaves the signature check to us: without it anyone knowing a public key gets in.
    const ok =
      pk.blob !== undefined &&
      (pk.key.algo === ED25519
        ? verifyEd25519(keyBlob, pk.blob, signature)
        : parsed.verify(pk.blob, signature, pk.hashAlgo) === true);
    if (!ok) return refuseKey('bad signature');
  }
  const attempt: AuthAttempt = {
    login,
    publicKey: `${pk.key.algo} ${keyBlob.toString('base64')}`,
    fingerprint,
    remoteAddress,
    verified,
  };
  const decision = await deps.authorize(attempt);
  if (!decision.accept) {
    const provable = decision.notice !== undefined || decision.askSignature === true;
    if (!verified && provable) return { kind: 'probe-ok' }; // refused once it has signed
    // Clients probe before signing; a refused probe is the usual (and only) sign of a
    // stranger's key, so both stages are logged.
    deps.logs.refused(
      decision.reason,
      log,
      {
        fingerprint,
        uuid: login.uuid,
        reason: decision.reason,
        stage: verified ? 'signed' : 'probe',
        ...(decision.notice ? { told: decision.notice.code } : {}),
      },
      'login refused',
    );
    return verified && decision.notice
      ? { kind: 'notice', attempt, notice: decision.notice }
      : { kind: 'refused' };
  }
  if (!verified) return { kind: 'probe-ok' };

  const churn = deps.throttle.check(login.uuid, connection.source);
  if (!churn.ok) {
    const who = churn.scope === 'uuid' ? `agent ${login.uuid}` : `address ${connection.source}`;
    deps.logs.throttled(
      churn.scope === 'uuid' ? login.uuid : connection.source,
      log,
      { uuid: login.uuid, scope: churn.scope, retryAfterMs: churn.retryAfterMs },
      'login throttled: reconnecting too often',
    );
    return {
      kind: 'notice',
      attempt,
      notice: {
        code: NoticeCode.throttled,
        message: `The server throttles reconnects: ${who} reconnected too often; try again in ${Math.ceil(churn.retryAfterMs / 1000)} s.`,
        retryAfterMs: churn.retryAfterMs,
      },
    };
  }
  return { kind: 'session', attempt, admission: decision.admission };
}
