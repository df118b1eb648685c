// The client index: every client record held in memory, with the lookups and filters the fleet
// asks for all the time — one client by uuid, clientId or name (every operation, every login),
// lists and counts by filter (every `clients` query), tags and their clients. Pure data: no I/O;
// ./indexed-store.ts keeps it coherent with the database.
//
//   byUuid ─▶ entry { record (frozen), slot, search text }
//   byClientId, byLowerName           one client by any of its names
//   byTag, byCapability               sets of entries (decommissioned ones included)
//   sorted                            entries in clientId order (pages, ordered lists)
//   trigrams                          slot postings for substring search (./trigrams.ts)
//
// A query starts from its most selective indexed condition (a tag, a capability, the online
// uuids, the rarest trigram of its text) and checks every condition on each candidate
// (./client-match.ts). Records handed out are frozen: callers never change the index by mistake.

import type { ClientPage, ClientQuery, ClientRecord } from '../records.js';
import { matches, prepareQuery, searchTextOf, type PreparedQuery } from './client-match.js';
import { createTrigramIndex } from './trigrams.js';

interface Entry {
  record: ClientRecord;
  readonly slot: number;
  text: string;
  /** The last query that collected this entry (candidates from postings repeat). */
  stamp: number;
}

/**
 * With more candidates than this share of the fleet, a page is found by walking the clientId
 * order rather than by sorting the candidates.
 */
const WALK_SHARE = 1 / 16;

interface Candidates {
  entries: Iterable<Entry>;
  size: number;
}

const NONE: Candidates = { entries: [], size: 0 };

export interface ClientIndex {
  readonly size: number;
  /** Adds or replaces a client's record. */
  put(record: ClientRecord): void;
  remove(uuid: string): void;
  get(uuid: string): ClientRecord | null;
  getByClientId(clientId: string): ClientRecord | null;
  /** Clients whose clientId or display name equals `name` ignoring case, in clientId order. */
  findByName(name: string, limit: number): ClientRecord[];
  /** Clients matching `query`, in clientId order; a page when asked. */
  list(query: ClientQuery, page?: ClientPage): ClientRecord[];
  count(query: ClientQuery): number;
  /** The clientIds that start with `prefix` (exactly, case included). */
  clientIdsStartingWith(prefix: string): string[];
  /** Every name (clientId or display name, lowercased) that starts with `prefix` ignoring case. */
  namesStartingWith(prefix: string): string[];
  /** Tag names carried by at least one client that is not decommissioned, sorted. */
  tagsInUse(): string[];
  /** How many clients that are not decommissioned carry each name. */
  tagCounts(names: readonly string[]): Map<string, number>;
  /** The uuids of the clients (not decommissioned) carrying each name, in clientId order. */
  tagMembers(names: readonly string[]): Map<string, string[]>;
}

function frozenList(list: readonly string[] | null): string[] | null {
  return list === null ? null : (Object.freeze([...list]) as string[]);
}

/** A copy of `record` that nothing can change (arrays included). */
export function freezeRecord(record: ClientRecord): ClientRecord {
  return Object.freeze({
    ...record,
    tags: frozenList([...new Set(record.tags)].sort()) as string[],
    capabilities: frozenList(record.capabilities) as string[],
    allowedPaths: frozenList(record.allowedPaths),
    agentAllowedPaths: frozenList(record.agentAllowedPaths),
  });
}

function byClientIdOrder(a: Entry, b: Entry): number {
  return a.record.clientId < b.record.clientId ? -1 : a.record.clientId > b.record.clientId ? 1 : 0;
}

export function createClientIndex(): ClientIndex {
  const byUuid = new Map<string, Entry>();
  const byClientId = new Map<string, Entry>();
  const byLowerName = new Map<string, Set<Entry>>();
  const byTag = new Map<string, Set<Entry>>();
  const byCapability = new Map<string, Set<Entry>>();
  const activeTagCounts = new Map<string, number>();
  const sorted: Entry[] = [];
  const slots: (Entry | null)[] = [];
  const trigrams = createTrigramIndex();
  let stamps = 0;

  const addTo = <K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(entry);
  };
  const removeFrom = <K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void => {
    const set = map.get(key);
    if (!set) return;
    set.delete(entry);
    if (set.size === 0) map.delete(key);
  };

  /** The first position in `sorted` whose clientId is not below `clientId`. */
  function lowerBound(clientId: string): number {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((sorted[mid] as Entry).record.clientId < clientId) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  function unlink(entry: Entry): void {
    const { record } = entry;
    byClientId.delete(record.clientId);
    removeFrom(byLowerName, record.clientId.toLowerCase(), entry);
    if (record.displayName !== null)
      removeFrom(byLowerName, record.displayName.toLowerCase(), entry);
    for (const tag of record.tags) {
      removeFrom(byTag, tag, entry);
      if (record.decommissionedAt === null) {
        const n = (activeTagCounts.get(tag) ?? 0) - 1;
        if (n > 0) activeTagCounts.set(tag, n);
        else activeTagCounts.delete(tag);
      }
    }
    for (const capability of record.capabilities) removeFrom(byCapability, capability, entry);
  }

  function link(entry: Entry): void {
    const { record } = entry;
    byClientId.set(record.clientId, entry);
    addTo(byLowerName, record.clientId.toLowerCase(), entry);
    if (record.displayName !== null) addTo(byLowerName, record.displayName.toLowerCase(), entry);
    for (const tag of record.tags) {
      addTo(byTag, tag, entry);
      if (record.decommissionedAt === null)
        activeTagCounts.set(tag, (activeTagCounts.get(tag) ?? 0) + 1);
    }
    for (const capability of record.capabilities) addTo(byCapability, capability, entry);
  }

  function removeSorted(entry: Entry): void {
    const at = lowerBound(entry.record.clientId);
    if (sorted[at] === entry) sorted.splice(at, 1);
    else sorted.splice(sorted.indexOf(entry), 1); // never expected: clientIds are unique
  }

  /** The entries that may match, from the most selective indexed condition; null: all. */
  function candidates(prepared: PreparedQuery): Candidates | null {
    let best = null as Candidates | null;
    const consider = (set: Set<Entry> | undefined): boolean => {
      if (!set) return false;
      if (best === null || set.size < best.size) best = { entries: set, size: set.size };
      return true;
    };
    for (const tag of prepared.tags) if (!consider(byTag.get(tag))) return NONE;
    for (const capability of prepared.capabilities)
      if (!consider(byCapability.get(capability))) return NONE;
    if (prepared.uuidIn !== null && (best === null || prepared.uuidIn.size < best.size)) {
      const found: Entry[] = [];
      for (const uuid of prepared.uuidIn) {
        const entry = byUuid.get(uuid);
        if (entry) found.push(entry);
      }
      best = { entries: found, size: found.length };
    }
    // The purpose is part of the search text, so its trigrams narrow a purpose filter too.
    const needle = prepared.needle ?? prepared.purposeNeedle;
    const posted = needle === null ? null : trigrams.candidates(needle);
    if (posted !== null && (best === null || posted.length < best.size)) {
      const stamp = ++stamps;
      const found: Entry[] = [];
      for (const slot of posted) {
        const entry = slots[slot];
        if (!entry || entry.stamp === stamp) continue;
        entry.stamp = stamp;
        found.push(entry);
      }
      best = { entries: found, size: found.length };
    }
    return best;
  }

  return {
    get size() {
      return byUuid.size;
    },

    put(given) {
      const record = freezeRecord(given);
      const existing = byUuid.get(record.uuid);
      if (existing) {
        unlink(existing);
        if (existing.record.clientId !== record.clientId) {
          removeSorted(existing);
          existing.record = record;
          sorted.splice(lowerBound(record.clientId), 0, existing);
        } else {
          existing.record = record;
        }
        existing.text = searchTextOf(record);
        link(existing);
        trigrams.set(existing.slot, existing.text);
        return;
      }
      const entry: Entry = { record, slot: slots.length, text: searchTextOf(record), stamp: 0 };
      slots.push(entry);
      byUuid.set(record.uuid, entry);
      sorted.splice(lowerBound(record.clientId), 0, entry);
      link(entry);
      trigrams.set(entry.slot, entry.text);
    },

    remove(uuid) {
      const entry = byUuid.get(uuid);
      if (!entry) return;
      unlink(entry);
      removeSorted(entry);
      byUuid.delete(uuid);
      slots[entry.slot] = null;
      trigrams.set(entry.slot, null);
    },

    get: (uuid) => byUuid.get(uuid)?.record ?? null,
    getByClientId: (clientId) => byClientId.get(clientId)?.record ?? null,

    findByName(name, limit) {
      const found = [...(byLowerName.get(name.toLowerCase()) ?? [])];
      return found
        .sort(byClientIdOrder)
        .slice(0, limit)
        .map((entry) => entry.record);
    },

    list(query, page = {}) {
      const prepared = prepareQuery(query);
      const after = page.afterClientId ?? null;
      const limit = page.limit ?? Number.POSITIVE_INFINITY;
      if (limit <= 0) return [];
      const from = candidates(prepared);
      const out: ClientRecord[] = [];
      if (from === null || (page.limit !== undefined && from.size > sorted.length * WALK_SHARE)) {
        // Walk the clientId order from the cursor: no sort, and stop at the page's end.
        for (let i = after === null ? 0 : lowerBound(after); i < sorted.length; i += 1) {
          const entry = sorted[i] as Entry;
          if (after !== null && entry.record.clientId <= after) continue;
          if (!matches(entry.record, entry.text, prepared)) continue;
          out.push(entry.record);
          if (out.length >= limit) break;
        }
        return out;
      }
      const found: Entry[] = [];
      for (const entry of from.entries) {
        if (after !== null && entry.record.clientId <= after) continue;
        if (matches(entry.record, entry.text, prepared)) found.push(entry);
      }
      found.sort(byClientIdOrder);
      if (found.length > limit) found.length = limit;
      for (const entry of found) out.push(entry.record);
      return out;
    },

    count(query) {
      const prepared = prepareQuery(query);
      const from = candidates(prepared)?.entries ?? sorted;
      let n = 0;
      for (const entry of from) if (matches(entry.record, entry.text, prepared)) n += 1;
      return n;
    },

    clientIdsStartingWith(prefix) {
      const out: string[] = [];
      for (let i = lowerBound(prefix); i < sorted.length; i += 1) {
        const clientId = (sorted[i] as Entry).record.clientId;
        if (!clientId.startsWith(prefix)) break;
        out.push(clientId);
      }
      return out;
    },

    namesStartingWith(prefix) {
      // Only a new client's first admission asks (to pick a free clientId): a scan is enough.
      const lowered = prefix.toLowerCase();
      return [...byLowerName.keys()].filter((name) => name.startsWith(lowered));
    },

    tagsInUse: () => [...activeTagCounts.keys()].sort(),

    tagCounts(names) {
      return new Map(names.map((name) => [name, activeTagCounts.get(name) ?? 0]));
    },

    tagMembers(names) {
      const out = new Map<string, string[]>();
      for (const name of names) {
        const members = [...(byTag.get(name) ?? [])]
          .filter((entry) => entry.record.decommissionedAt === null)
          .sort(byClientIdOrder);
        out.set(
          name,
          members.map((entry) => entry.record.uuid),
        );
      }
      return out;
    },
  };
}
