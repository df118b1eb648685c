// A store whose client reads are answered from memory (./client-index.ts), kept coherent with
// the database on every write path:
//
//   write on the store ──▶ statement ──▶ applied to the index at once
//   write in a transaction ──▶ statement ──▶ kept until the commit ──▶ applied (dropped on rollback)
//   another server's commit ──▶ its notification (store.changes, PostgreSQL) ──▶ re-read ──▶ index
//   the listening connection lost and made again ──▶ every client re-read
//
// Every client write goes through the ClientRepository (insert, update, setTags, changeTags), so
// wrapping it here covers every path — registry attaches, operator changes, bulk tags,
// decommission and restore, acceptKey — whichever part of the server made it. Changes this
// process did not make (several servers on one database, issue 14) arrive only through the
// store's change feed; `settled()` resolves once the re-reads they caused are in.
//
// Reads inside a transaction go to the database (they must see the transaction's own writes);
// reads outside it never do. On SQLite, where this process is the one writer, an admission's row
// read and an event's webhook lookup of a client the transaction has not written are the index's
// too (committedReads below). The index loads every client when the store opens, a page of
// LOAD_PAGE at a time in clientId order: each page's rows are garbage before the next is read,
// so they die young instead of piling up in the old generation (100,000 clients read at once
// left the server 1.46 GiB resident after its start, 0.55 GiB by pages: bench/restart.ts
// --spawn --stored).
//
// On a database with several connections (PostgreSQL), two local transactions could commit in
// one order and resume here in the other; there, each local write is also re-read after it is
// applied, so the index converges on what the database holds.

import type { ClientRepository, Repositories, Store } from '../index.js';
import type { ClientChanges, ClientRecord } from '../records.js';
import { storableText } from '../postgresql/dialect.js';
import { createClientIndex, type ClientIndex } from './client-index.js';
import { committedReads, readsFrom, tagsFrom, type Writes } from './index-reads.js';

/** How many times a re-read that raced a local write is retried. */
const MAX_REFRESH_ROUNDS = 5;

/** Clients read per statement when the index loads (or reloads) every client. */
const LOAD_PAGE = 1000;

export interface ClientIndexOptions {
  /** Clients per statement of a full load; LOAD_PAGE unless a test needs pages of a few. */
  loadPage?: number;
}

type Op = () => string[];
const NO_HOLD = { heldBy: null, heldConnection: null } as const;

/** Told of every client the index now holds (`record`) or dropped (undefined), whoever wrote it. */
export type ClientWatcher = (uuid: string, record: ClientRecord | undefined) => void;

/** The store with its client index (`settled` and `sync` always there). */
export interface IndexedStore extends Store {
  settled(): Promise<void>;
  sync(): Promise<void>;
  watchClients(watcher: ClientWatcher): () => void;
}

function merged(record: ClientRecord, changes: ClientChanges): ClientRecord {
  const next: Record<string, unknown> = { ...record };
  for (const [field, value] of Object.entries(changes))
    if (value !== undefined) next[field] = value;
  return next as unknown as ClientRecord;
}

/** Text as the database keeps it (PostgreSQL stores NUL and lone surrogates as U+FFFD). */
type Storable = (text: string) => string;

/** A record's (or changes') strings, and lists of strings, as the database keeps them. */
function stored<T extends object>(value: T, storable: Storable): T {
  const out: Record<string, unknown> = {};
  for (const [field, inner] of Object.entries(value))
    out[field] =
      typeof inner === 'string'
        ? storable(inner)
        : Array.isArray(inner)
          ? inner.map((item: unknown) => (typeof item === 'string' ? storable(item) : item))
          : inner;
  return out as T;
}

/** The index, telling `watchers` of every record put or removed (a watcher's throw is its own). */
function watched(index: ClientIndex, watchers: ReadonlySet<ClientWatcher>): ClientIndex {
  const tell = (uuid: string, record: ClientRecord | undefined): void => {
    for (const watcher of watchers) {
      try {
        watcher(uuid, record);
      } catch {
        // a watcher's failure must not leave the index half-updated
      }
    }
  };
  // The index's methods are closures, and `size` a getter: delegate rather than copy.
  const wrapped: ClientIndex = Object.create(index) as ClientIndex;
  wrapped.put = (record) => {
    index.put(record);
    tell(record.uuid, index.get(record.uuid) ?? undefined);
  };
  wrapped.remove = (uuid) => {
    index.remove(uuid);
    tell(uuid, undefined);
  };
  return wrapped;
}

/** The index operations of each client write (applied once the write is durable). */
function opsOf(index: ClientIndex, storable: Storable) {
  return {
    insert(client: ClientRecord): Op {
      const copy = stored({ ...client, tags: [...client.tags] }, storable);
      return () => {
        index.put(copy);
        return [copy.uuid];
      };
    },
    update(uuid: string, changes: ClientChanges): Op {
      const copy = stored({ ...changes }, storable);
      return () => {
        const current = index.get(uuid);
        if (current) index.put(merged(current, copy));
        return [uuid];
      };
    },
    setTags(uuid: string, names: readonly string[]): Op {
      const tags = names.map(storable);
      return () => {
        const current = index.get(uuid);
        if (current) index.put({ ...current, tags });
        return [uuid];
      };
    },
    changeTags(
      uuids: readonly string[],
      change: { add: readonly string[]; remove: readonly string[] },
    ): Op {
      const add = change.add.map(storable);
      const remove = new Set(change.remove.map(storable));
      const targets = [...new Set(uuids)];
      return () => {
        for (const uuid of targets) {
          const current = index.get(uuid);
          if (!current) continue;
          index.put({ ...current, tags: [...current.tags.filter((t) => !remove.has(t)), ...add] });
        }
        return targets;
      };
    },
  };
}

/**
 * The client repository's writes through `target`, each handing its index op to `apply`.
 * `written` is told, before each statement, of every client it may write (even if it then
 * changes nothing), or 'all' when only the statement knows which.
 */
function writesThrough(
  target: ClientRepository,
  ops: ReturnType<typeof opsOf>,
  apply: (op: Op) => void,
  written: (uuids: readonly string[] | 'all') => void = () => undefined,
): Pick<ClientRepository, Writes> {
  return {
    async insert(client) {
      written([client.uuid]);
      await target.insert(client);
      apply(ops.insert(client));
    },
    async update(uuid, changes) {
      written([uuid]);
      const found = await target.update(uuid, changes);
      if (found) apply(ops.update(uuid, changes));
      return found;
    },
    async touchLastSeen(seen) {
      written(seen.map((s) => s.uuid));
      await target.touchLastSeen(seen);
      for (const { uuid, at } of seen) apply(ops.update(uuid, { lastSeen: at }));
    },
    async setTags(uuid, names) {
      written([uuid]);
      await target.setTags(uuid, names);
      apply(ops.setTags(uuid, names));
    },
    async changeTags(uuids, change) {
      written(uuids);
      await target.changeTags(uuids, change);
      apply(ops.changeTags(uuids, change));
    },
    async releaseHold(uuid, connection, changes, moving = false) {
      written([uuid]);
      const released = await target.releaseHold(uuid, connection, changes, moving);
      const cleared = moving ? { heldConnection: null } : NO_HOLD;
      if (released) apply(ops.update(uuid, { ...changes, ...cleared }));
      return released;
    },
    async closeSessions(sessions) {
      written(sessions.map((s) => s.uuid));
      const closed = await target.closeSessions(sessions);
      const at = new Map(sessions.map((s) => [s.uuid, s.lastDisconnectedAt]));
      for (const uuid of closed)
        apply(ops.update(uuid, { lastDisconnectedAt: at.get(uuid) ?? null, ...NO_HOLD }));
      return closed;
    },
    async releaseHoldsOf(server, changes) {
      // Which clients, only the statement knows: until it has answered, any of them.
      written('all');
      const uuids = await target.releaseHoldsOf(server, changes);
      for (const uuid of uuids) apply(ops.update(uuid, { ...changes, ...NO_HOLD }));
      return uuids;
    },
    // A lock is the database's: the index cannot take one.
    getToUpdate: (uuid) => target.getToUpdate(uuid),
    async reclaimHold(uuid, server, connection) {
      written([uuid]);
      const kept = await target.reclaimHold(uuid, server, connection);
      if (kept) apply(ops.update(uuid, { heldBy: server, heldConnection: connection }));
      return kept;
    },
  };
}

/** Wraps an open store: loads every client into memory and answers client reads from there. */
export async function withClientIndex(
  base: Store,
  options: ClientIndexOptions = {},
): Promise<IndexedStore> {
  const loadPage = options.loadPage ?? LOAD_PAGE;
  const watchers = new Set<ClientWatcher>();
  const index = watched(createClientIndex(), watchers);
  const ops = opsOf(index, base.dialect === 'postgresql' ? storableText : (text) => text);
  // Which local write or re-read last set each client (a re-read older than a local write loses).
  let clock = 0;
  const setAt = new Map<string, number>();
  const convergeLocalWrites = base.dialect !== 'sqlite';
  // SQLite: this process is the database's one writer, through one connection.
  const oneWriter = base.dialect === 'sqlite';

  async function refresh(uuids: readonly string[]): Promise<void> {
    let pending = [...new Set(uuids)];
    for (let round = 0; pending.length > 0 && round < MAX_REFRESH_ROUNDS; round += 1) {
      const started = ++clock;
      const rows = new Map((await base.clients.getMany(pending)).map((row) => [row.uuid, row]));
      const raced: string[] = [];
      for (const uuid of pending) {
        if ((setAt.get(uuid) ?? 0) > started) {
          raced.push(uuid);
          continue;
        }
        const row = rows.get(uuid);
        if (row) index.put(row);
        else index.remove(uuid);
        setAt.set(uuid, started);
      }
      pending = raced;
    }
  }

  /**
   * Every client read (again, when notifications were lost while the listening connection was
   * down), by pages in clientId order. A page is only as consistent as its own statement, which
   * is enough: whatever another writer changes meanwhile is heard as a notification (listening
   * started first) or applied here by the local write, and either re-reads or sets the client.
   */
  async function reload(): Promise<void> {
    const started = ++clock;
    let afterClientId: string | null = null;
    for (;;) {
      const page = await base.clients.list(
        { includeDecommissioned: true },
        { afterClientId, limit: loadPage },
      );
      for (const record of page) {
        if ((setAt.get(record.uuid) ?? 0) > started) continue;
        index.put(record);
        setAt.set(record.uuid, started);
      }
      const last = page.at(-1);
      if (page.length < loadPage || !last) return;
      afterClientId = last.clientId;
    }
  }

  // Re-reads other servers asked for, and when the last of them is done (`settled`).
  const rereads = new Set<Promise<void>>();
  async function settled(): Promise<void> {
    while (rereads.size > 0) await Promise.all(rereads);
  }
  function track(work: Promise<void>): void {
    const done = work.catch(() => undefined).finally(() => rereads.delete(done));
    rereads.add(done);
  }
  // Listening starts before the first load, so that nothing committed in between is missed.
  const unwatch = await base.changes?.watch({
    events: () => undefined,
    clients: (uuids) => track(refresh(uuids)),
    resync: () => track(reload()),
  });
  try {
    await reload();
  } catch (error) {
    unwatch?.();
    throw error;
  }

  function applyLocal(op: Op): void {
    const touched = op();
    const at = ++clock;
    for (const uuid of touched) setAt.set(uuid, at);
    if (convergeLocalWrites) void refresh(touched).catch(() => undefined);
  }

  const reads = readsFrom(index);
  const clients: ClientRepository = {
    ...reads,
    ...writesThrough(base.clients, ops, applyLocal),
  };

  return {
    ...base,
    clients,
    tags: tagsFrom(index),
    async transaction(work) {
      const staged: Op[] = [];
      // The clients this transaction may have written (all of them after a release of many).
      const written = new Set<string>();
      let wroteAll = false;
      const wrote = (uuid: string): boolean => wroteAll || written.has(uuid);
      const result = await base.transaction((tx) => {
        const repositories: Repositories = {
          ...tx,
          clients: {
            ...tx.clients,
            ...writesThrough(
              tx.clients,
              ops,
              (op) => staged.push(op),
              (uuids) => {
                if (uuids === 'all') wroteAll = true;
                else for (const uuid of uuids) written.add(uuid);
              },
            ),
            ...(oneWriter ? committedReads(tx.clients, reads, wrote) : {}),
          },
        };
        return work(repositories);
      });
      for (const op of staged) applyLocal(op);
      return result;
    },
    settled,
    watchClients(watcher) {
      watchers.add(watcher);
      return () => watchers.delete(watcher);
    },
    async sync() {
      await base.changes?.sync();
      await settled();
    },
    async close() {
      unwatch?.();
      await base.close();
    },
  };
}
