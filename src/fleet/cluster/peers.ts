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
  /** A holder's peer URL when `holderOf` had none: the servers read again first. */
  peerUrlFor: (server: string) => Promise<string | null>;
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

/**
 * A connection to `server` once its peer URL is known: a server that started since this one last
 * read the cluster's servers holds an agent before this one has its URL (for up to a renewal,
 * RENEW_INTERVAL_MS), and a call routed then must wait for the read, not fail.
 */
function onceKnown(
  server: string,
  url: Promise<string | null>,
  open: (url: string) => PeerConnection,
): PeerConnection {
  let inner: PeerConnection | null = null;
  let closedEarly = false;
  const early = new Set<(error: AgentCallError) => void>();
  const ready = url.then((found) => {
    // Closed before the URL came (the caller gave up): nothing is opened.
    const opened = found && !closedEarly ? open(found) : unroutable(server);
    inner = opened;
    for (const listener of early) opened.onClose(listener);
    early.clear();
    return opened.ready;
  });
  ready.catch(() => undefined);
  const opened = (): PeerConnection => {
    if (!inner) throw new Error(`peer connection to ${server} used before it was ready`);
    return inner;
  };
  const connection: PeerConnection = {
    server,
    get url() {
      return inner?.url ?? '(being looked up)';
    },
    get closed() {
      return inner?.closed ?? closedEarly;
    },
    ready,
    request: (build, reply) => opened().request(build, reply),
    // Before it is ready nothing was sent, so there is nothing to cancel or release.
    send: (frame) => inner?.send(frame),
    forget: (id) => inner?.forget(id),
    close: () => {
      if (inner) inner.close();
      else closedEarly = true;
    },
    onClose(listener) {
      if (inner) return inner.onClose(listener);
      early.add(listener);
      return () => {
        if (!inner) early.delete(listener);
      };
    },
  };
  // The byte stream of the connection once opened (read only after `ready`).
  Object.defineProperty(connection, 'stream', { get: () => inner?.stream, enumerable: true });
  return connection;
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
      const { server, peerUrl } = holder;
      const connection = peerUrl
        ? pool.connection(server, peerUrl)
        : onceKnown(server, deps.peerUrlFor(server), (url) => pool.connection(server, url));
      return createForwardingLink(uuid, connection, () =>
        peerUrl
          ? pool.dedicated(server, peerUrl)
          : onceKnown(server, deps.peerUrlFor(server), (url) => pool.dedicated(server, url)),
      );
    },
    close(): void {
      door.close();
      pool.close();
    },
  };
}
