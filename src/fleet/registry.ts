// The registry: the authoritative record of every client, and which of them are online.
//
// On each connection the agent's facts (hostname, platform, arch, version, username,
// capabilities, its own path ceiling) are refreshed; what operators set is never touched. The
// first admission creates the record, with metadata from the enrollment token's presets over
// what the agent suggested. Offline clients stay, with first/last seen and a connection count.

import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AgentFacts } from '../protocol/rpc.js';
import type { ClientRecord, Store } from '../store/index.js';
import type { AgentLink } from './agent-link.js';
import type { Audit } from './audit.js';
import { HealthStatus, toClientView, type ClientView, type ViewDefaults } from './client-view.js';
import { FleetEventType } from './event-types.js';
import type { FleetSession, LiveClient } from './live.js';
import { quarantinedNotice, replacedNotice } from './notices.js';
import { resolveClientName } from './names.js';
import type { Notice } from '../protocol/notice.js';
import { createArrivals } from './cluster/arrivals.js';
import { boundLogger } from '../lib/bound-logger.js';
import { createClientUpsert } from './client-upsert.js';

export interface RegistryDeps {
  store: Store;
  audit: Audit;
  /** The fleet's logger: each online client gets a child bound to its clientId and uuid. */
  logger: Logger;
  defaults: ViewDefaults;
  /** Told when a client comes online (after client.connected): the health monitor starts. */
  onAttached(client: LiveClient): void;
  /**
   * A link to a client another server holds (issue 14: a forwarding link to the holder), or
   * undefined when no server does. Consulted only when this server holds no link to it.
   */
  routeTo?: ((uuid: string) => AgentLink | undefined) | undefined;
  /** This server's name: what it writes as a client's holder (`heldBy`). */
  server: string;
  /** The live server other than this one holding a client (./cluster/holds.ts). */
  elsewhere?: ((uuid: string) => string | undefined) | undefined;
  /** The clients other live servers hold. */
  elsewhereUuids?: (() => string[]) | undefined;
  /** Whether a server is alive (for a client on its way between servers). */
  isAlive?: ((server: string) => boolean) | undefined;
}

export function createRegistry(deps: RegistryDeps) {
  const { store, audit, logger } = deps;
  const live = new Map<string, LiveClient>();
  const pendingDetaches = new Set<Promise<void>>();

  function view(row: ClientRecord): ClientView {
    const here = live.get(row.uuid);
    const holder =
      here || moving(row)
        ? here
          ? deps.server
          : row.heldBy
        : (deps.elsewhere?.(row.uuid) ?? null);
    return toClientView(row, here, deps.defaults, holder);
  }

  const upsert = createClientUpsert(store, deps.server);

  /** Registers a session that said hello; emits connected (and key_mismatch). */
  async function attach(session: FleetSession): Promise<void> {
    const facts = session.facts as AgentFacts;
    const { uuid, fingerprint } = session.identity;
    const now = new Date();
    const connection = randomUUID();
    const { row, mismatch, droppedName, replaced } = await upsert({
      session,
      now,
      connection,
    });

    const previous = live.get(uuid);
    const entry: LiveClient = {
      uuid,
      clientId: row.clientId,
      fingerprint,
      link: session,
      log: boundLogger(logger, { clientId: row.clientId, uuid }),
      ended: session.closed
        ? Promise.resolve('closed while attaching')
        : new Promise((resolve) => session.once('close', resolve)),
      connectedAt: session.connectedAt,
      remoteAddress: session.identity.remoteAddress,
      tunnelPort: session.tunnelPort,
      health: HealthStatus.healthy,
      healthReason: null,
      healthSince: now,
      lastHeartbeatAt: null,
      heartbeatFailures: 0,
      lastSample: null,
      connection,
    };
    live.set(uuid, entry);
    entry.log.info(
      { component: 'registry', remoteAddress: entry.remoteAddress, keyMismatch: mismatch !== null },
      'client online',
    );
    if (previous && previous.link !== session)
      previous.link.close('replaced by a new connection', replacedNotice(row.clientId));
    // A quarantined session continues: the agent hears why its operations will be refused.
    if (mismatch && !session.closed)
      void session.notify(quarantinedNotice(row.clientId, mismatch.previous));
    const onClose = (reason: string): void => {
      const done = detach(entry, reason).finally(() => pendingDetaches.delete(done));
      pendingDetaches.add(done);
    };
    // Closed while the record was written: it never stays online.
    if (session.closed) onClose('connection closed while attaching');
    else session.once('close', onClose);

    if (replaced !== undefined) {
      const alive = deps.isAlive?.(replaced) ?? false;
      await audit.record(FleetEventType.disconnected, uuid, {
        reason: alive
          ? `replaced by a connection to server ${deps.server}`
          : `server ${replaced} stopped renewing its hold (killed, or cut off from the database)`,
        unclean: !alive,
        server: replaced,
      });
    }
    await audit.record(FleetEventType.connected, uuid, {
      platform: `${facts.platform} ${facts.platformRelease}`.trim(),
      hostname: facts.hostname,
      agent_version: facts.agentVersion,
      tunnel_port: session.tunnelPort,
      remote_address: session.identity.remoteAddress,
      fingerprint,
      key_mismatch: mismatch !== null,
      first_connection: row.connectionCount === 1,
      ...(droppedName
        ? {
            display_name_dropped: {
              name: droppedName.name,
              source: droppedName.source,
              reason: `already ${droppedName.heldBy}`,
            },
          }
        : {}),
    });
    if (mismatch?.raised) {
      await audit.record(FleetEventType.keyMismatch, uuid, {
        previous_fingerprint: mismatch.previous,
        new_fingerprint: fingerprint,
        remote_address: session.identity.remoteAddress,
      });
    }
    // The first call after hello tells the agent it is registered (it then forgets a used
    // enrollment token): the health monitor's first heartbeat, sent at once.
    if (!session.closed) deps.onAttached(entry);
  }

  async function detach(entry: LiveClient, reason: string): Promise<void> {
    if (live.get(entry.uuid) !== entry) return; // replaced: the newer session owns it
    live.delete(entry.uuid);
    const now = new Date();
    entry.log.info({ component: 'registry', reason }, 'client offline');
    try {
      // Only while this connection still holds it: a newer one (another server's) keeps its hold.
      // Sent away by a drain, the holder stays named until the agent lands elsewhere.
      const released = await store.clients.releaseHold(
        entry.uuid,
        entry.connection,
        { lastSeen: now, lastDisconnectedAt: now },
        entry.moving === true,
      );
      // Not released: the server that took it over (or the sweep that released it) recorded
      // this connection's end, once (./cluster/holds.ts).
      if (!released) return;
      await audit.record(FleetEventType.disconnected, entry.uuid, {
        reason,
        connected_for_s: Math.round((now.getTime() - entry.connectedAt.getTime()) / 1000),
      });
    } catch (error) {
      entry.log.error({ component: 'registry', err: error }, 'cannot record a disconnection');
    }
  }

  const { moving, linkWhenSettled, linkAfterRefusal } = createArrivals({
    store,
    here: (uuid) => live.has(uuid),
    linkOf: (uuid) => live.get(uuid)?.link ?? deps.routeTo?.(uuid),
    isAlive: deps.isAlive,
  });

  /** Finds a client by uuid, clientId or an unambiguous display name (./names.ts). */
  function resolve(ref: string): Promise<ClientRecord> {
    return resolveClientName(store.clients, ref);
  }

  return {
    attach,
    resolve,
    view,
    linkWhenSettled,
    linkAfterRefusal,
    /** Sends a client this server holds to another server (a drain): false when not held here. */
    moveOut(uuid: string, notice: Notice): boolean {
      const entry = live.get(uuid);
      if (!entry) return false;
      entry.moving = true;
      entry.link.close('sent to another server: this server is draining', notice);
      return true;
    },
    /** The clients this server holds now. */
    heldUuids(): string[] {
      return [...live.keys()];
    },
    /** The link to an online client: its own, or one to the server holding it; else undefined. */
    linkOf(uuid: string): AgentLink | undefined {
      return live.get(uuid)?.link ?? deps.routeTo?.(uuid);
    },
    /** The live state of an online client (the health monitor updates it in place). */
    live(uuid: string): LiveClient | undefined {
      return live.get(uuid);
    },
    /** The uuids of the clients online now: held here or by another live server. */
    onlineUuids(): string[] {
      return [...live.keys(), ...(deps.elsewhereUuids?.() ?? [])];
    },
    /** The connection through which this server holds `uuid`; undefined when it does not. */
    heldHere(uuid: string): string | undefined {
      return live.get(uuid)?.connection;
    },
    /** This server's hold of `uuid` went to `by` (null: released): its link ends. */
    lost(uuid: string, by: string | null): void {
      const entry = live.get(uuid);
      if (!entry) return;
      entry.link.close(
        by === null
          ? 'hold released by another server (this server looked gone)'
          : `replaced by a connection to server ${by}`,
        replacedNotice(entry.clientId),
      );
    },
    onlineFingerprint(uuid: string): string | null {
      return live.get(uuid)?.fingerprint ?? null;
    },
    /** The clients this server holds. */
    get heldCount(): number {
      return live.size;
    },
    /** Closes every link and waits until the disconnections are recorded. */
    async closeAll(reason: string): Promise<void> {
      for (const entry of [...live.values()]) entry.link.close(reason);
      await Promise.allSettled([...pendingDetaches]);
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
