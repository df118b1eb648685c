// One identity for the servers on one database (issue 14): the SSH host key agents pin and the
// webhook signing secret are kept in `cluster_secret`, created by whichever server starts first
// (its own files' values are proposed; the first committed proposal wins), so no file is copied
// by hand. On SQLite (one server) the files are the identity, as before.
//
// Who can read them: anyone who can read the database (docs/design/0007-cluster.md). A per-server
// ETPHONEHOME_WEBHOOK_SECRET still wins for that server (the operator chose it explicitly).

import type { Logger } from 'pino';
import { describeHostKey, type HostKey } from '../../hub/host-key.js';
import type { Store } from '../../store/index.js';

/** Names of the shared secrets in `cluster_secret`. */
export const SecretName = {
  hostKey: 'ssh_host_key',
  webhookSecret: 'webhook_secret',
  /** The key servers prove to each other on the peer channel (./peer-protocol.ts). */
  peerCredential: 'peer_credential',
} as const;

export interface LocalIdentity {
  hostKey: HostKey;
  /** The webhook secret and where it came from (`env`: ETPHONEHOME_WEBHOOK_SECRET). */
  webhookSecret: { secret: string; fromEnv: boolean };
}

export interface SharedIdentity {
  hostKey: HostKey;
  webhookSecret: string;
  /** True when the identity comes from the database (several servers share it). */
  shared: boolean;
}

export async function resolveIdentity(
  store: Store,
  local: LocalIdentity,
  logger: Logger,
): Promise<SharedIdentity> {
  if (store.dialect !== 'postgresql') {
    return { hostKey: local.hostKey, webhookSecret: local.webhookSecret.secret, shared: false };
  }
  const now = new Date();
  const storedKey = await store.cluster.secret(SecretName.hostKey, local.hostKey.privateKey, now);
  const hostKey =
    storedKey === local.hostKey.privateKey
      ? local.hostKey
      : describeHostKey(storedKey, 'in the database (cluster_secret)');
  if (hostKey.fingerprint !== local.hostKey.fingerprint) {
    logger.warn(
      { cluster: hostKey.fingerprint, file: local.hostKey.fingerprint },
      "this server's host key file differs from the cluster's: presenting the cluster's (agents pinned it); the file is not used",
    );
  }
  const storedSecret = await store.cluster.secret(
    SecretName.webhookSecret,
    local.webhookSecret.secret,
    now,
  );
  const webhookSecret = local.webhookSecret.fromEnv ? local.webhookSecret.secret : storedSecret;
  if (local.webhookSecret.fromEnv && storedSecret !== local.webhookSecret.secret) {
    logger.warn(
      'ETPHONEHOME_WEBHOOK_SECRET differs from the cluster webhook secret: this server signs with its own; receivers must accept both',
    );
  }
  return { hostKey, webhookSecret, shared: true };
}
