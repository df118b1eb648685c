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

/** What the hash covers of an event. */
export interface ChainedFields {
  type: string;
  clientUuid: string;
  at: Date;
  data: Record<string, unknown>;
  actor: string | null;
  actorKeyId?: string | null | undefined;
  actorKeyName?: string | null | undefined;
}

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
