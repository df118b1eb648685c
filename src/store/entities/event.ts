// The audit trail: one append-only row per fleet event. Nothing updates or deletes these rows.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const EventEntity = defineEntity({
  name: 'Event',
  tableName: 'event',
  properties: {
    id: p.integer().primary().autoincrement(),
    type: p.string().length(64).index(),
    clientUuid: p.string().length(36).nullable().index(),
    at: p.datetime().index(),
    data: p.json<Record<string, unknown>>().nullable(),
    actor: p.string().length(256).nullable(),
    /** The API key that caused it (null: the server or an agent). */
    actorKeyId: p.string().length(32).nullable().index(),
    actorKeyName: p.string().length(128).nullable(),
    /** sha256(previous event's hash + this event's canonical encoding), hex (0006-audit-chain). */
    hash: p.string().length(64).nullable(),
  },
});

export type Event = InferEntity<typeof EventEntity>;
