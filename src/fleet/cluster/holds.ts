// Which server holds each client's tunnel (issue 14). The hold lives on the client's own row
// (`heldBy`, `heldConnection`), written by the attach that already updates it, so the change
// feed (../../store/postgresql/listen.ts) carries it to every server's client index and no
// channel of its own is needed:
//
//   attach on server B ──▶ row: heldBy B, heldConnection c2 ──▶ every index re-reads the row
//     ├─▶ server C: the client is online, held by B (while B renews: ./membership.ts)
//     └─▶ server A, holding it through c1: not its connection any more ──▶ closes its link
//         (the agent hears `replaced`; client.disconnected "replaced by a connection to B")
//   B's detach ──▶ clears the hold only while it is still c2's (releaseHold)
//   B killed ──▶ B stops renewing ──▶ after SERVER_LEASE_MS every server shows its clients
//     offline; every RENEW_INTERVAL_MS each live server sweeps a gone server's holds in one
//     statement, so each client is released once, with one client.disconnected naming B; B's
//     RUNNING bulk jobs and idempotency keys become INTERRUPTED, as B's own restart would.
//   B alive but late (its renewals missed the lease) ──▶ swept all the same ──▶ B still has the
//     links: it takes each hold back while nobody else has it (one client.connected, reclaimed),
//     instead of closing links that work and feeding the storm that made it late.
//
// The newest commit wins: two servers attaching one client at once both write, and the one
// whose row the database keeps is the holder; the other hears it and lets go.

import type { Logger } from 'pino';
import type { ClientRecord, Store } from '../../store/index.js';
import type { Audit } from '../audit.js';
import { FleetEventType } from '../event-types.js';
import { RENEW_INTERVAL_MS, type Membership } from './membership.js';

export interface HoldsDeps {
  store: Store;
  audit: Pick<Audit, 'record'>;
  membership: Pick<Membership, 'name' | 'isAlive' | 'servers'>;
  logger: Logger;
  /** The connection through which this server holds `uuid` now; undefined when it does not. */
  heldHere(uuid: string): string | undefined;
  /** This server's hold of `uuid` is gone: `by` holds it now (null: released by a survivor). */
  lost(uuid: string, by: string | null): void;
  sweepIntervalMs?: number;
}

export interface Holds {
  /** The live server other than this one that holds `uuid`; undefined when none does. */
  elsewhere(uuid: string): string | undefined;
  /** The clients other live servers hold. */
  elsewhereUuids(): string[];
  /** Releases the holds of servers that stopped renewing; how many clients it released. */
  sweep(): Promise<number>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createHolds(deps: HoldsDeps): Holds {
  const { store, membership, logger } = deps;
  const me = membership.name;
  // Clients held by other servers (alive or not: liveness is judged when asked).
  const others = new Map<string, string>();
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<number> = Promise.resolve(0);

  function changed(uuid: string, record: ClientRecord | undefined): void {
    const by = record?.heldBy ?? null;
    // Held through a connection: a client on its way (a drain) is reached nowhere until it lands.
    if (by !== null && by !== me && record?.heldConnection) others.set(uuid, by);
    else others.delete(uuid);
    const mine = deps.heldHere(uuid);
    // A newer connection on this server is the registry's own business (attach replaces).
    if (mine === undefined || record === undefined || by === me) return;
    if (record.heldConnection === mine) return;
    if (by === null) void reclaim(uuid, mine);
    else deps.lost(uuid, by);
  }

  let reclaimed = 0;
  let reclaimLog: NodeJS.Timeout | null = null;
  async function reclaim(uuid: string, connection: string): Promise<void> {
    let kept = false;
    try {
      kept = await store.clients.reclaimHold(uuid, me, connection);
      if (kept)
        await deps.audit.record(FleetEventType.connected, uuid, {
          reclaimed: true,
          server: me,
          reason: `server ${me} kept the connection: its hold was released while its renewals were late`,
        });
    } catch (error) {
      logger.warn({ err: error, uuid }, 'could not take back a released hold');
    }
    // Someone else holds it now (or the database is away): the link ends as before.
    if (!kept && deps.heldHere(uuid) === connection) deps.lost(uuid, null);
    if (!kept) return;
    reclaimed += 1;
    // One line per burst, not one per client.
    reclaimLog ??= setTimeout(() => {
      logger.warn({ clients: reclaimed }, 'took back holds released while this server was late');
      reclaimed = 0;
      reclaimLog = null;
    }, 1_000).unref();
  }

  async function sweep(): Promise<number> {
    let released = 0;
    for (const server of await membership.servers()) {
      if (server.self || server.alive) continue;
      const now = new Date();
      // What it left running ends as a restart would end it (it cannot finish them now).
      const jobs = await store.bulkJobs.interruptRunning(now, server.name);
      const keys = await store.idempotency.interruptRunning(now, server.name);
      if (jobs.length > 0 || keys > 0)
        logger.warn(
          { server: server.name, jobs, idempotencyKeys: keys },
          'interrupted what a server that stopped renewing left running',
        );
      const uuids = await store.clients.releaseHoldsOf(server.name, { lastDisconnectedAt: now });
      for (const uuid of uuids) {
        await deps.audit.record(FleetEventType.disconnected, uuid, {
          reason: `server ${server.name} stopped renewing its hold (killed, or cut off from the database)`,
          unclean: true,
          server: server.name,
        });
      }
      if (uuids.length > 0)
        logger.warn(
          { server: server.name, clients: uuids.length },
          'released the holds of a server that stopped renewing',
        );
      released += uuids.length;
    }
    return released;
  }

  const unwatch = store.watchClients?.(changed);

  return {
    elsewhere(uuid) {
      const by = others.get(uuid);
      return by !== undefined && membership.isAlive(by) ? by : undefined;
    },
    elsewhereUuids() {
      const out: string[] = [];
      for (const [uuid, by] of others) if (membership.isAlive(by)) out.push(uuid);
      return out;
    },
    sweep,
    async start() {
      // The holds the index loaded before this watched it (changes since arrive as they come).
      for (const record of await store.clients.list({ includeDecommissioned: true }))
        changed(record.uuid, record);
      timer = setInterval(() => {
        sweeping = sweep().catch((error: unknown) => {
          logger.warn({ err: error }, 'could not release the holds of gone servers');
          return 0;
        });
      }, deps.sweepIntervalMs ?? RENEW_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (reclaimLog) clearTimeout(reclaimLog);
      unwatch?.();
      await sweeping;
      // A clean stop: clients sent away by a drain that never landed are held by nobody now
      // (the links this server held were closed, and released, before).
      try {
        await store.clients.releaseHoldsOf(me, {});
      } catch (error) {
        logger.warn({ err: error }, 'could not release the holds left at stop');
      }
    },
  };
}
