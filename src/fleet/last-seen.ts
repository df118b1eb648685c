// Last-seen that survives a crash (issue 17, item 11). While a client is online its lastSeen is
// written from its heartbeats, in batches (one transaction per interval for the clients whose
// heartbeat advanced, not one write per beat). At start, sessions a crash left open — connected
// after their last disconnection — are closed: lastDisconnectedAt set to their last known sign of
// life and a `client.disconnected` event with reason "server restarted", so the audit trail,
// lastSeen and recentlyOffline tell the truth about clients that never came back.

import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import type { ClientRecord } from '../store/records.js';
import type { Audit } from './audit.js';
import { FleetEventType } from './event-types.js';
import type { LiveClient } from './live.js';

/** How often heartbeats' last-seen times are written. */
export const LAST_SEEN_FLUSH_MS = 60_000;
/** The reason recorded for sessions a crash left open. */
export const RESTART_REASON = 'server restarted';
const PAGE = 500;

export interface LastSeenDeps {
  store: Store;
  audit: Pick<Audit, 'record'>;
  logger: Logger;
  registry: { onlineUuids(): string[]; live(uuid: string): LiveClient | undefined };
  /** This server's name: at start it closes only what it held (or what nobody holds). */
  server: string;
  flushMs?: number;
}

/**
 * A session a crash left open, of this server's: one it held, or (rows from before holds were
 * recorded) one nobody holds. Another server's holds are its own, or the sweep's when it is gone
 * (cluster/holds.ts).
 */
function leftOpen(row: ClientRecord, server: string): boolean {
  // Without a connection it was sent away by a drain: its disconnection is recorded already.
  if (row.heldBy !== null) return row.heldBy === server && row.heldConnection !== null;
  if (!row.lastConnectedAt) return false;
  return !row.lastDisconnectedAt || row.lastDisconnectedAt < row.lastConnectedAt;
}

export function createLastSeenKeeper(deps: LastSeenDeps) {
  const { store, audit, logger } = deps;
  const written = new Map<string, number>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  async function writeBatch(): Promise<void> {
    const due: { uuid: string; at: Date }[] = [];
    for (const uuid of deps.registry.onlineUuids()) {
      const at = deps.registry.live(uuid)?.lastHeartbeatAt;
      if (at && at.getTime() > (written.get(uuid) ?? 0)) due.push({ uuid, at });
    }
    for (const uuid of written.keys()) if (!deps.registry.live(uuid)) written.delete(uuid); // offline: detach wrote it
    if (due.length === 0) return;
    try {
      // A few statements for the whole fleet: a statement per client was, at 10,000 agents,
      // most of an idle server's CPU once a minute (docs/BENCHMARKS.md).
      await store.transaction((tx) => tx.clients.touchLastSeen(due));
      for (const { uuid, at } of due) written.set(uuid, at.getTime());
    } catch (error) {
      logger.warn({ err: error, clients: due.length }, 'cannot write last-seen times');
    }
  }

  /** Writes the heartbeats' last-seen times now (also on stop). */
  function flush(): Promise<void> {
    flushing = flushing.then(writeBatch);
    return flushing;
  }

  /** Closes the sessions a crash left open; returns how many. Run before agents can connect. */
  async function closeLeftOpen(): Promise<number> {
    let closed = 0;
    let after: string | null = null;
    for (;;) {
      const rows = await store.clients.list(
        { includeDecommissioned: true },
        { afterClientId: after, limit: PAGE },
      );
      const open = rows.filter((row) => leftOpen(row, deps.server));
      // A page at a time: its records closed in one transaction, then its events queued at once
      // so the audit trail writes them together (group commit), in the page's order. One
      // transaction per record and per event kept a restarted server from listening for 22 s
      // with 10,000 sessions left open (bench/restart.ts). As before, closing and recording are
      // two commits: a crash between them loses those events (now up to a page, was one).
      const closedRows =
        open.length === 0
          ? []
          : await store.transaction(async (tx) => {
              // Released only while still this server's connection: an agent back through
              // another server keeps it. The connection set lastSeen and heartbeats advanced
              // it: the last sign of life. One statement for the page (was one per record).
              const closedHere = new Set(
                await tx.clients.closeSessions(
                  open.map((row) => ({
                    uuid: row.uuid,
                    connection: row.heldConnection,
                    lastDisconnectedAt: row.lastSeen,
                  })),
                ),
              );
              return open.filter((row) => closedHere.has(row.uuid));
            });
      // Logged at debug: the summary line below stands for them (10,000 lines at info were a
      // tenth of a restart's time, bench/restart.ts --spawn); the audit trail has each.
      await Promise.all(
        closedRows.map((row) =>
          audit.record(
            FleetEventType.disconnected,
            row.uuid,
            {
              reason: RESTART_REASON,
              unclean: true,
              last_seen: row.lastSeen.toISOString(),
              connected_for_s: Math.round(
                (row.lastSeen.getTime() - (row.lastConnectedAt ?? row.lastSeen).getTime()) / 1000,
              ),
            },
            null,
            { quiet: true },
          ),
        ),
      );
      closed += closedRows.length;
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.clientId ?? null;
    }
    // What is still held here was sent away by a drain and never landed: only the hold goes.
    await store.clients.releaseHoldsOf(deps.server, {});
    if (closed > 0) logger.warn({ closed }, 'closed sessions left open by an unclean stop');
    return closed;
  }

  return {
    closeLeftOpen,
    flush,
    start(): void {
      timer ??= setInterval(() => void flush(), deps.flushMs ?? LAST_SEEN_FLUSH_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
