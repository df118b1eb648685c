// This server's row in `cluster_server` (issue 14): registered at start, renewed every
// RENEW_INTERVAL_MS with how many agents it holds, removed at a clean shutdown. A server whose
// last renewal is older than SERVER_LEASE_MS is gone (killed, or cut off from the database):
// the `servers` query shows it as not alive. A renewal that finds its row deleted registers again.
// Renewals and their ages are the database's clock (clock_timestamp()): servers whose clocks
// disagree still judge each other right.

import type { Logger } from 'pino';
import type { ServerRow, Store } from '../../store/index.js';

export const RENEW_INTERVAL_MS = 5_000;
/** How long a server counts as alive after its last renewal (the issue's ≤ 15 s). */
export const SERVER_LEASE_MS = 15_000;

export interface ServerIdentity {
  name: string;
  peerUrl: string | null;
  version: string;
}

export interface ServerView extends ServerRow {
  /** Renewed within SERVER_LEASE_MS. */
  alive: boolean;
  /** The server answering. */
  self: boolean;
}

export interface Membership {
  readonly name: string;
  start(): Promise<void>;
  /** The cluster's servers as the database has them, this one included. */
  servers(): Promise<ServerView[]>;
  /**
   * Whether `name` was alive when the servers were last read (at each renewal, every
   * RENEW_INTERVAL_MS), aged since: this server always is. A name not read yet (a server that
   * started since) starts a read at once and counts as alive until a read says otherwise.
   */
  isAlive(name: string): boolean;
  /** Where `name` said its peers reach it (`--peer-url`), as last read; null when unknown. */
  peerUrlOf(name: string): string | null;
  /**
   * The same, for a name not read yet (a server that started since the last read): the servers
   * are read again first. Null when `name` gave no peer URL or is no server.
   */
  peerUrlFor(name: string): Promise<string | null>;
  /** Whether `name` was asked to drain (`etphonehome server --drain`), as last read. */
  isDraining(name: string): boolean;
  stop(): Promise<void>;
}

export function createMembership(deps: {
  store: Store;
  server: ServerIdentity;
  /** Agents this server holds now. */
  held: () => number;
  /** Told once when this server is asked to drain (read at a renewal). */
  onDrain?: (() => void) | undefined;
  logger: Logger;
  renewIntervalMs?: number;
}): Membership {
  const { store, server, logger } = deps;
  const startedAt = new Date();
  let timer: NodeJS.Timeout | null = null;
  let renewing: Promise<void> = Promise.resolve();
  // The servers as last read: the holds (./holds.ts) ask this on every view, so no query each time.
  let known = new Map<string, ServerView>();
  // When `known` was read, by this process's monotonic-enough clock (only its own differences).
  let readAt = Date.now();
  // Reads of the servers finished, and names asked about before they were known (the read
  // count when first asked): a hold can name a new server before this one reads it again.
  let reads = 0;
  const unknown = new Map<string, number>();
  let rereading: Promise<unknown> | null = null;
  let draining = false;

  /** Reads the servers again, once for all who ask while a read runs. */
  function reread(): Promise<unknown> {
    rereading ??= servers()
      .catch((error: unknown) => logger.warn({ err: error }, 'could not read the servers'))
      .finally(() => (rereading = null));
    return rereading;
  }

  async function servers(): Promise<ServerView[]> {
    const views = (await store.cluster.servers()).map((row) => ({
      ...row,
      alive: row.renewedAgoMs <= SERVER_LEASE_MS,
      self: row.name === server.name,
    }));
    readAt = Date.now();
    reads += 1;
    known = new Map(views.map((view) => [view.name, view]));
    for (const name of known.keys()) unknown.delete(name);
    if (!draining && known.get(server.name)?.drainingSince) {
      draining = true;
      logger.warn("asked to drain: handing this server's agents to the others");
      deps.onDrain?.();
    }
    return views;
  }

  const register = (now: Date) =>
    store.cluster.registerServer({
      ...server,
      startedAt,
      renewedAt: now,
      clientsHeld: deps.held(),
      // A drain asked of this name before a restart is over: the new process starts serving.
      drainingSince: null,
    });

  async function renew(): Promise<void> {
    const now = new Date();
    try {
      if (!(await store.cluster.renewServer(server.name, deps.held()))) await register(now);
      await servers();
    } catch (error) {
      // The database is away (restarting, cut off): the next renewal tries again.
      logger.warn({ err: error }, 'could not renew this server in the cluster table');
    }
  }

  return {
    name: server.name,
    async start() {
      await register(startedAt);
      // At once by the database's clock: the registration carried this server's own.
      await store.cluster.renewServer(server.name, deps.held());
      await servers();
      timer = setInterval(() => {
        renewing = renew();
      }, deps.renewIntervalMs ?? RENEW_INTERVAL_MS);
      timer.unref();
    },
    servers,
    isAlive(name) {
      if (name === server.name) return true;
      const view = known.get(name);
      // Judged now, not at the read: a server that stopped renewing ages out between reads.
      if (view) return view.renewedAgoMs + (Date.now() - readAt) <= SERVER_LEASE_MS;
      const asked = unknown.get(name);
      if (asked === undefined) {
        unknown.set(name, reads);
        void reread();
        return true;
      }
      // In doubt until a read finishes; then a name still unknown is no live server.
      return asked === reads;
    },
    peerUrlOf: (name) => known.get(name)?.peerUrl ?? null,
    async peerUrlFor(name) {
      if (!known.has(name)) await reread();
      return known.get(name)?.peerUrl ?? null;
    },
    isDraining: (name) => Boolean(known.get(name)?.drainingSince),
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await renewing;
      try {
        await store.cluster.removeServer(server.name);
      } catch (error) {
        logger.warn({ err: error }, 'could not remove this server from the cluster table');
      }
    },
  };
}
