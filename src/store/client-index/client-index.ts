// The client index: every client record held in memory, with the lookups and filters the fleet
// asks for all the time — one client by uuid, clientId or name (every operation, every login),
// lists and counts by filter (every `clients` query), tags and their clients. Pure data: no I/O;
// ./indexed-store.ts keeps it coherent with the database.
//
//   byUuid ─▶ entry { record (frozen), slot, search text }
//   byClientId, byLowerName           one client by any of its names
//   sorted                            entries in clientId order (pages, ordered lists)
//   trigrams                          slot postings for substring search (./trigrams.ts)
//   tagBits, capabilityBits           each tag's and capability's clients as slot bits
//                                     (./slot-bits.ts; decommissioned ones included)
//   active, mismatched, live          the same for the clients not decommissioned, those with a
//                                     key waiting, and all of them
//
// A query first intersects the bits of its tags, capabilities, decommissioning and key state:
// when that is all it asks, the bits are the answer (a count is a population count). Otherwise
// it starts from the smallest of those bits, the online uuids and the rarest trigram of its text,
// and checks every condition on each candidate (./client-match.ts). Records handed out are
// frozen: callers never change the index by mistake.

import type { ClientPage, ClientQuery, ClientRecord } from '../records.js';
import {
  freezeRecord,
  indexedAlike,
  matches,
  prepareQuery,
  searchTextOf,
  type PreparedQuery,
} from './client-match.js';
import {
  countSlots,
  createSlotBits,
  hasSlot,
  intersect,
  setSlot,
  slotsOf,
  type SlotBits,
} from './slot-bits.js';
import { createTrigramIndex } from './trigrams.js';

interface Entry {
  record: ClientRecord;
  readonly slot: number;
  text: string;
  /** The last query that collected this entry (candidates from postings repeat). */
  stamp: number;
}

/** With more candidates than this share of the fleet, walk the clientId order, not sort them. */
const WALK_SHARE = 1 / 16;

interface Candidates {
  entries: Iterable<Entry>;
  size: number;
}

/** The bits of a query's tags, capabilities, decommissioning and key state, intersected. */
interface QueryBits {
  words: Uint32Array;
  /** True when the query asks nothing else: every slot in `words` matches. */
  exact: boolean;
}

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

function byClientIdOrder(a: Entry, b: Entry): number {
  return a.record.clientId < b.record.clientId ? -1 : a.record.clientId > b.record.clientId ? 1 : 0;
}

export function createClientIndex(): ClientIndex {
  const byUuid = new Map<string, Entry>();
  const byClientId = new Map<string, Entry>();
  const byLowerName = new Map<string, Set<Entry>>();
  const activeTagCounts = new Map<string, number>();
  const sorted: Entry[] = [];
  const slots: (Entry | null)[] = [];
  const trigrams = createTrigramIndex();
  const tagBits = new Map<string, SlotBits>();
  const capabilityBits = new Map<string, SlotBits>();
  const live = createSlotBits();
  const active = createSlotBits();
  const mismatched = createSlotBits();
  let stamps = 0;

  const setIn = (map: Map<string, SlotBits>, key: string, slot: number): void => {
    let bits = map.get(key);
    if (!bits) map.set(key, (bits = createSlotBits()));
    setSlot(bits, slot, true);
  };
  /** Clears `slot` in `key`'s bits, dropped once no slot is left. */
  const clearIn = (map: Map<string, SlotBits>, key: string, slot: number): void => {
    const bits = map.get(key);
    if (!bits) return;
    setSlot(bits, slot, false);
    if (bits.size === 0) map.delete(key);
  };

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
    const { record, slot } = entry;
    setSlot(live, slot, false);
    setSlot(active, slot, false);
    setSlot(mismatched, slot, false);
    byClientId.delete(record.clientId);
    removeFrom(byLowerName, record.clientId.toLowerCase(), entry);
    if (record.displayName !== null)
      removeFrom(byLowerName, record.displayName.toLowerCase(), entry);
    for (const tag of record.tags) {
      clearIn(tagBits, tag, slot);
      if (record.decommissionedAt === null) {
        const n = (activeTagCounts.get(tag) ?? 0) - 1;
        if (n > 0) activeTagCounts.set(tag, n);
        else activeTagCounts.delete(tag);
      }
    }
    for (const capability of record.capabilities) clearIn(capabilityBits, capability, slot);
  }

  function link(entry: Entry): void {
    const { record, slot } = entry;
    setSlot(live, slot, true);
    setSlot(active, slot, record.decommissionedAt === null);
    setSlot(mismatched, slot, record.pendingFingerprint !== null);
    byClientId.set(record.clientId, entry);
    addTo(byLowerName, record.clientId.toLowerCase(), entry);
    if (record.displayName !== null) addTo(byLowerName, record.displayName.toLowerCase(), entry);
    for (const tag of record.tags) {
      setIn(tagBits, tag, slot);
      if (record.decommissionedAt === null)
        activeTagCounts.set(tag, (activeTagCounts.get(tag) ?? 0) + 1);
    }
    for (const capability of record.capabilities) setIn(capabilityBits, capability, slot);
  }

  function removeSorted(entry: Entry): void {
    const at = lowerBound(entry.record.clientId);
    if (sorted[at] === entry) sorted.splice(at, 1);
    else sorted.splice(sorted.indexOf(entry), 1); // never expected: clientIds are unique
  }

  /** The query's bit conditions intersected; null when one names a tag or capability nobody has. */
  function bitsOf(prepared: PreparedQuery): QueryBits | null {
    const all: SlotBits[] = [];
    const none: SlotBits[] = [];
    for (const tag of prepared.tags) {
      const bits = tagBits.get(tag);
      if (!bits) return null;
      all.push(bits);
    }
    for (const capability of prepared.capabilities) {
      const bits = capabilityBits.get(capability);
      if (!bits) return null;
      all.push(bits);
    }
    const { query } = prepared;
    if (!query.includeDecommissioned) all.push(active);
    if (query.keyMismatch === true) all.push(mismatched);
    if (query.keyMismatch === false) none.push(mismatched);
    if (all.length === 0) all.push(live);
    const exact =
      prepared.needle === null &&
      prepared.purposeNeedle === null &&
      prepared.uuidIn === null &&
      prepared.uuidNotIn === null &&
      prepared.disconnectedSinceMs === null;
    return { words: intersect(all, none), exact };
  }

  /** Whether `entry` meets the query whose bits are `bits`. */
  const meets = (entry: Entry, bits: QueryBits, prepared: PreparedQuery): boolean =>
    hasSlot(bits.words, entry.slot) && (bits.exact || matches(entry.record, entry.text, prepared));

  /** The entries that may match: the bits, the online uuids or the postings, whichever is fewest. */
  function candidates(prepared: PreparedQuery, bits: QueryBits): Candidates {
    const size = countSlots(bits.words);
    let best: Candidates | null = null;
    if (prepared.uuidIn !== null && prepared.uuidIn.size < size) {
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
    if (posted !== null && posted.length < (best?.size ?? size)) {
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
    return best ?? { entries: entriesOf(bits.words), size };
  }

  function* entriesOf(words: Uint32Array): Iterable<Entry> {
    for (const slot of slotsOf(words)) {
      const entry = slots[slot];
      if (entry) yield entry;
    }
  }

  return {
    get size() {
      return byUuid.size;
    },

    put(given) {
      const record = freezeRecord(given);
      const existing = byUuid.get(record.uuid);
      if (existing && indexedAlike(existing.record, record)) {
        // Nothing the bits, names, order or trigrams hold changed (a heartbeat's lastSeen, a
        // hold): the record is all there is to swap. 10,000 lastSeen a minute relinked each.
        existing.record = record;
        return;
      }
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
      const bits = bitsOf(prepared);
      if (limit <= 0 || bits === null) return [];
      const from = candidates(prepared, bits);
      const out: ClientRecord[] = [];
      if (from.size > sorted.length * WALK_SHARE) {
        // Walk the clientId order from the cursor: no sort, and stop at the page's end.
        for (let i = after === null ? 0 : lowerBound(after); i < sorted.length; i += 1) {
          const entry = sorted[i] as Entry;
          if (after !== null && entry.record.clientId <= after) continue;
          if (!meets(entry, bits, prepared)) continue;
          out.push(entry.record);
          if (out.length >= limit) break;
        }
        return out;
      }
      const found: Entry[] = [];
      for (const entry of from.entries) {
        if (after !== null && entry.record.clientId <= after) continue;
        if (meets(entry, bits, prepared)) found.push(entry);
      }
      found.sort(byClientIdOrder);
      if (found.length > limit) found.length = limit;
      for (const entry of found) out.push(entry.record);
      return out;
    },

    count(query) {
      const prepared = prepareQuery(query);
      const bits = bitsOf(prepared);
      if (bits === null) return 0;
      if (bits.exact) return countSlots(bits.words);
      let n = 0;
      for (const entry of candidates(prepared, bits).entries)
        if (meets(entry, bits, prepared)) n += 1;
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
        const bits = tagBits.get(name);
        const members = bits ? [...entriesOf(intersect([bits, active]))].sort(byClientIdOrder) : [];
        out.set(
          name,
          members.map((entry) => entry.record.uuid),
        );
      }
      return out;
    },
  };
}
