// The webhook outbox: one row per delivery of one event to one URL. The row is written in the
// same transaction as the event it carries (audit.ts), so an event is never recorded without its
// delivery; the worker (fleet/webhooks/worker.ts) moves it PENDING → DELIVERED, or FAILED once
// the retry schedule is spent. `id` is the Standard Webhooks `webhook-id`: stable across retries.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const WebhookDeliveryEntity = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  // Covers the worker's claim (status, claimed, due, endpoint not saturated) without table reads.
  indexes: [{ properties: ['status', 'claimed', 'nextAttemptAt', 'endpoint'] }],
  properties: {
    id: p.string().length(40).primary(),
    /** The audit event carried; null for test deliveries. */
    eventId: p.integer().nullable().index(),
    event: p.string().length(64).index(),
    clientUuid: p.string().length(36).nullable().index(),
    url: p.text(),
    /** scheme://host:port of `url`: the worker's per-endpoint queue. */
    endpoint: p.string().length(300),
    /** "client" (signed with the client's secret when it has one) or "global". */
    target: p.string().length(16),
    /** The exact JSON body sent on every attempt. */
    payload: p.text(),
    status: p.string().length(16),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    /** Set while the worker holds the row; cleared on start (a crash leaves it set). */
    claimed: p.boolean().default(false),
    /** The server (cluster_server name) holding the claim; its claims go when its lease does. */
    claimedBy: p.string().length(255).nullable(),
    lastError: p.text().nullable(),
    lastStatusCode: p.integer().nullable(),
    lastAttemptAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    deliveredAt: p.datetime().nullable(),
    replayedAt: p.datetime().nullable(),
  },
});

export type WebhookDelivery = InferEntity<typeof WebhookDeliveryEntity>;
