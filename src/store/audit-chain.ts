// The audit chain (docs/design/0006-audit-chain.md): each event's hash is
//
//   hash = hex(sha256(previousHash + "\n" + canonical(event)))
//
// where previousHash is the hash of the event before it in id order ("" for the first chained
// event) and canonical(event) is the JSON array
//
//   [type, clientUuid, at (ISO 8601, ms, UTC), actor, actorKeyId, actorKeyName, data]
//
// with every object's keys sorted (so PostgreSQL's jsonb, which reorders keys, reads back the
// same bytes). The id is not hashed: the chain itself fixes the order.

import { createHash } from 'node:crypto';
import type { NewEvent } from './records.js';

/** What the hash covers of an event: all of it but its id and its hash, as it is appended. */
export type ChainedFields = NewEvent;

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = sorted((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The canonical encoding of an event (UTF-8 JSON, keys sorted). */
export function canonicalEvent(event: ChainedFields): string {
  return JSON.stringify(
    sorted([
      event.type,
      event.clientUuid,
      event.at.toISOString(),
      event.actor,
      event.actorKeyId ?? null,
      event.actorKeyName ?? null,
      // A round trip through JSON, as the database stores it (undefined fields dropped).
      JSON.parse(JSON.stringify(event.data ?? {})) as unknown,
    ]),
  );
}

/** The hash of `event` chained to `previousHash` ("" for the first). */
export function chainHash(previousHash: string, event: ChainedFields): string {
  return createHash('sha256')
    .update(`${previousHash}\n${canonicalEvent(event)}`)
    .digest('hex');
}

/** What a walk of the chain found: intact, or the first broken link. */
export type ChainReport =
  | { ok: true; events: number; chained: number; lastId: number | null; head: string | null }
  | { ok: false; brokenAt: number; reason: string; checked: number };

/** Something that reads events oldest first (the store's event repository). */
export interface ChainSource {
  after(
    afterId: number,
    limit: number,
  ): Promise<(ChainedFields & { id: number; hash: string | null })[]>;
}

/**
 * Walks the chain in id order and names the first link that does not hold: a changed row, a
 * deleted or moved one (the next row's hash no longer follows), a hash missing after the chain
 * began. Rows older than the chain (hash null, before the migration) are counted, not checked.
 */
export async function verifyChain(source: ChainSource, pageSize = 1000): Promise<ChainReport> {
  let previous: string | null = null;
  let lastId = 0;
  let events = 0;
  let chained = 0;
  for (;;) {
    const page = await source.after(lastId, pageSize);
    if (page.length === 0) break;
    for (const event of page) {
      events += 1;
      lastId = event.id;
      if (event.hash === null) {
        if (previous === null) continue;
        return { ok: false, brokenAt: event.id, reason: 'its hash is missing', checked: events };
      }
      const expected = chainHash(previous ?? '', event);
      if (expected !== event.hash) {
        return {
          ok: false,
          brokenAt: event.id,
          reason: `its hash does not follow from the event before it (stored ${event.hash.slice(0, 16)}…, computed ${expected.slice(0, 16)}…): this row was changed, or a row before it was deleted or moved`,
          checked: events,
        };
      }
      previous = event.hash;
      chained += 1;
    }
  }
  return { ok: true, events, chained, lastId: events > 0 ? lastId : null, head: previous };
}

/** One event as a JSON line (audit export, ETPHONEHOME_AUDIT_LOG). */
export function eventLine(
  event: ChainedFields & { id: number; hash?: string | null | undefined },
): string {
  return JSON.stringify({
    id: event.id,
    event: event.type,
    timestamp: event.at.toISOString(),
    clientUuid: event.clientUuid || null,
    actor: event.actor,
    principal: event.actorKeyId ? { keyId: event.actorKeyId, keyName: event.actorKeyName } : null,
    data: event.data,
    hash: event.hash ?? null,
  });
}
