// Calls between servers, wired (issue 14, docs/design/0007-cluster.md §4.2): the `/peer` door
// this server answers on (./peer-door.ts), the pool of channels it opens to the others
// (./peer-pool.ts), and `routeTo`, which gives the registry a forwarding link
// (./forwarding-link.ts) for a client another live server holds.
//
// The credential both ends prove is `peer_credential` in cluster_secret: created once, by
// whichever server needs it first, readable by whoever can read the database (like the
// webhook secret, ./identity.ts). It is never an API key.

import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { AgentCallError, AgentCallFailure } from '../../hub/errors.js';
import type { Store } from '../../store/index.js';
import type { AgentLink, LimiterAnswer } from '../agent-link.js';
import type { RateLimits } from '../rate-limit.js';
import { createForwardingLink } from './forwarding-link.js';
import { SecretName } from './identity.js';
import { createPeerDoor } from './peer-door.js';
import { createPeerPool, type PeerConnection } from './peer-pool.js';

export interface PeersDeps {
  store: Store;
  /** This server's name. */
  name: string;
  /** The other live server holding `uuid` and its peer URL; undefined when none. */
  holderOf: (uuid: string) => { server: string; peerUrl: string | null } | undefined;
  /** This server's own link to `uuid`. */
  localLink: (uuid: string) => AgentLink | undefined;
  acquire: (uuid: string, clientName: string, limits: RateLimits) => Promise<LimiterAnswer>;
  logger: Logger;
}

/** A connection that never opens: the holder gave no --peer-url. */
function unroutable(server: string): PeerConnection {
  const error = new AgentCallError(
    AgentCallFailure.closed,
    `server ${server} holds the client but has no --peer-url (ETPHONEHOME_PEER_URL), so other servers cannot forward to it`,
  );
  const ready = Promise.reject(error);
  ready.catch(() => undefined);
  return {
    server,
    url: '(none)',
    closed: true,
    ready,
    request: () => 0,
    send: () => undefined,
    forget: () => undefined,
    close: () => undefined,
    onClose(listener) {
      listener(error);
      return () => undefined;
    },
  };
}

export function wirePeers(deps: PeersDeps) {
  let credential: Promise<string> | null = null;
  const readCredential = (): Promise<string> => {
    credential ??= deps.store.cluster.secret(
      SecretName.peerCredential,
      randomBytes(32).toString('hex'),
      new Date(),
    );
    // A database that was away: the next handshake asks again.
    credential.catch(() => (credential = null));
    return credential;
  };
  const pool = createPeerPool({ name: deps.name, credential: readCredential, logger: deps.logger });
  const door = createPeerDoor({
    name: deps.name,
    credential: readCredential,
    localLink: deps.localLink,
    acquire: deps.acquire,
    logger: deps.logger,
  });
  return {
    handleUpgrade: door.handleUpgrade,
    /** A forwarding link to the server holding `uuid`; undefined when no other server does. */
    routeTo(uuid: string): AgentLink | undefined {
      const holder = deps.holderOf(uuid);
      if (!holder) return undefined;
      const connection = holder.peerUrl
        ? pool.connection(holder.server, holder.peerUrl)
        : unroutable(holder.server);
      const { server, peerUrl } = holder;
      return createForwardingLink(uuid, connection, () =>
        peerUrl ? pool.dedicated(server, peerUrl) : unroutable(server),
      );
    },
    close(): void {
      door.close();
      pool.close();
    },
  };
}
