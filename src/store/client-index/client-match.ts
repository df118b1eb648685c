// One client record in the index: the frozen copy it keeps, its search text, and what a
// ClientQuery means for it — the same conditions as the SQL of ../repositories/clients.ts
// (clientConditions), evaluated on a record. Text conditions ignore case in full Unicode
// (toLowerCase), where SQLite's LIKE folds only ASCII.

import type { ClientQuery, ClientRecord } from '../records.js';

/** Separates the searchable fields of one client in its search text. */
export const FIELD_SEPARATOR = '\n';

/** The lower-cased text `query` searches: display name, purpose, hostname and clientId. */
export function searchTextOf(record: ClientRecord): string {
  return [record.displayName ?? '', record.purpose ?? '', record.hostname, record.clientId]
    .map((field) => field.toLowerCase())
    .join(FIELD_SEPARATOR);
}

// Lists frozen here, kept as they are when a record is frozen again: a heartbeat's lastSeen or a
// hold changes one field of a record whose lists are these (10,000 records a minute, each with
// four lists, were copied again for nothing). A frozen list from anywhere else is copied: only
// these are known to be copies nothing else holds, and tag lists deduplicated and sorted.
const frozenHere = new WeakSet<readonly string[]>();

function frozenList(list: readonly string[] | null, normal?: (list: string[]) => string[]) {
  if (list === null) return null;
  if (frozenHere.has(list)) return list as string[];
  const copy = Object.freeze(normal ? normal([...list]) : [...list]) as string[];
  frozenHere.add(copy);
  return copy;
}

const sortedSet = (list: string[]): string[] => [...new Set(list)].sort();

/** A copy of `record` that nothing can change (arrays included). */
export function freezeRecord(record: ClientRecord): ClientRecord {
  return Object.freeze({
    ...record,
    tags: frozenList(record.tags, sortedSet) as string[],
    capabilities: frozenList(record.capabilities) as string[],
    allowedPaths: frozenList(record.allowedPaths),
    agentAllowedPaths: frozenList(record.agentAllowedPaths),
  });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * Whether two records of one client index alike: every field the index keeps outside the record
 * (names, order, tag and capability bits, decommissioned and key-waiting bits, search text).
 */
export function indexedAlike(a: ClientRecord, b: ClientRecord): boolean {
  return (
    a.clientId === b.clientId &&
    a.displayName === b.displayName &&
    a.purpose === b.purpose &&
    a.hostname === b.hostname &&
    (a.decommissionedAt === null) === (b.decommissionedAt === null) &&
    (a.pendingFingerprint === null) === (b.pendingFingerprint === null) &&
    sameList(a.tags, b.tags) &&
    sameList(a.capabilities, b.capabilities)
  );
}

/** A query prepared once for many records: needles lowered, lists made sets. */
export interface PreparedQuery {
  readonly query: ClientQuery;
  /** The lowered `query` text, or null when not given. */
  readonly needle: string | null;
  readonly purposeNeedle: string | null;
  readonly tags: readonly string[];
  readonly capabilities: readonly string[];
  readonly uuidIn: ReadonlySet<string> | null;
  readonly uuidNotIn: ReadonlySet<string> | null;
  readonly disconnectedSinceMs: number | null;
}

export function prepareQuery(query: ClientQuery): PreparedQuery {
  return {
    query,
    needle: query.query ? query.query.toLowerCase() : null,
    purposeNeedle: query.purpose ? query.purpose.toLowerCase() : null,
    tags: [...new Set(query.tags ?? [])],
    capabilities: [...new Set(query.capabilities ?? [])],
    uuidIn: query.uuidIn ? new Set(query.uuidIn) : null,
    uuidNotIn: query.uuidNotIn && query.uuidNotIn.length > 0 ? new Set(query.uuidNotIn) : null,
    disconnectedSinceMs: query.disconnectedSince ? query.disconnectedSince.getTime() : null,
  };
}

/** True when `record` (whose lowered search text is `text`) meets every condition. */
export function matches(record: ClientRecord, text: string, prepared: PreparedQuery): boolean {
  const { query } = prepared;
  if (!query.includeDecommissioned && record.decommissionedAt !== null) return false;
  if (prepared.needle !== null && !textMatches(record, text, prepared.needle)) return false;
  if (
    prepared.purposeNeedle !== null &&
    !(record.purpose ?? '').toLowerCase().includes(prepared.purposeNeedle)
  )
    return false;
  for (const tag of prepared.tags) if (!record.tags.includes(tag)) return false;
  for (const capability of prepared.capabilities)
    if (!record.capabilities.includes(capability)) return false;
  if (query.keyMismatch === true && record.pendingFingerprint === null) return false;
  if (query.keyMismatch === false && record.pendingFingerprint !== null) return false;
  if (prepared.uuidIn !== null && !prepared.uuidIn.has(record.uuid)) return false;
  if (prepared.uuidNotIn?.has(record.uuid)) return false;
  if (prepared.disconnectedSinceMs !== null) {
    const at = record.lastDisconnectedAt;
    if (at === null || at.getTime() < prepared.disconnectedSinceMs) return false;
  }
  return true;
}

/** A needle holding the field separator could match across two fields: check each field. */
function textMatches(record: ClientRecord, text: string, needle: string): boolean {
  if (!needle.includes(FIELD_SEPARATOR)) return text.includes(needle);
  return [record.displayName, record.purpose, record.hostname, record.clientId].some((field) =>
    (field ?? '').toLowerCase().includes(needle),
  );
}
