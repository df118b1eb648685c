// Idempotency keys: the first request with a key records what it asked (a fingerprint of the
// operation and its arguments) and, once known, its outcome; a repeat gets that outcome instead
// of running again. Kept at least 24 h (`expiresAt`). `actor` is who asked; the API key that asked is
// part of the fingerprint (src/fleet/idempotency.ts). A key still RUNNING when a server starts was cut short: it becomes
// INTERRUPTED, and a repeat is told the outcome is unknown.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const IdempotencyKeyEntity = defineEntity({
  name: 'IdempotencyKey',
  tableName: 'idempotency_key',
  properties: {
    key: p.string().length(255).primary(),
    /** The operation (runCommand, writeFile …). */
    operation: p.string().length(64),
    /** SHA-256 (hex) of the operation and its arguments. */
    fingerprint: p.string().length(64),
    actor: p.string().length(256).nullable(),
    /** RUNNING, DONE or INTERRUPTED. */
    state: p.string().length(16),
    /** The outcome as JSON text: {"result": …} or {"error": {code, message}}. */
    outcome: p.text().nullable(),
    createdAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    expiresAt: p.datetime().index(),
    /** The server running it (issue 14): only it, or a survivor once it is gone, interrupts it. */
    server: p.string().length(255).nullable(),
  },
});

export type IdempotencyKey = InferEntity<typeof IdempotencyKeyEntity>;
