// The registry row of one client. Two kinds of fields live here and must never be confused:
// facts the agent reports (refreshed on every connection) and what operators set (never touched
// by a reconnect). Key pinning fields record the trusted key and any unaccepted replacement.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { TagEntity } from './tag.js';

export const ClientEntity = defineEntity({
  name: 'Client',
  tableName: 'client',
  properties: {
    uuid: p.string().length(36).primary(),
    clientId: p.string().length(160).unique(),

    // Operator-set metadata and settings.
    displayName: p.string().length(256).nullable(),
    purpose: p.text().nullable(),
    tags: () => p.manyToMany(TagEntity).pivotTable('client_tag'),
    allowedPaths: p.json<string[]>().nullable(),
    webhookUrl: p.text().nullable(),
    /** Signs deliveries to this client's own webhookUrl; write-only in the API. */
    webhookSecret: p.text().nullable(),
    rateLimitRpm: p.integer().nullable(),
    rateLimitConcurrent: p.integer().nullable(),
    rateLimitMode: p.string().length(16).nullable(),
    // Resource thresholds (percent; null = the server default) and whether crossing one makes
    // the client unhealthy (null = the server default).
    cpuThreshold: p.float().nullable(),
    memoryThreshold: p.float().nullable(),
    diskThreshold: p.float().nullable(),
    resourceChecks: p.boolean().nullable(),
    /** Port-forward rules this client may be asked to reach (null = none). */
    forwardTargets: p.json<string[]>().nullable(),
    decommissionedAt: p.datetime().nullable(),

    // Facts the agent reports.
    hostname: p.string().length(256).default(''),
    platform: p.string().length(256).default(''),
    platformRelease: p.string().length(256).default(''),
    arch: p.string().length(64).default(''),
    agentVersion: p.string().length(64).default(''),
    username: p.string().length(256).default(''),
    capabilities: p.json<string[]>(),
    agentAllowedPaths: p.json<string[]>().nullable(),

    // Identity: the pinned key, and a presented key not yet accepted.
    publicKey: p.text(),
    keyFingerprint: p.string().length(128).index(),
    pendingPublicKey: p.text().nullable(),
    pendingFingerprint: p.string().length(128).nullable(),
    previousFingerprint: p.string().length(128).nullable(),
    keyMismatchAt: p.datetime().nullable(),
    keyAcceptedAt: p.datetime().nullable(),
    keyAcceptedBy: p.string().length(256).nullable(),
    enrolledVia: p.string().length(128),

    // Connection history.
    firstSeen: p.datetime(),
    lastSeen: p.datetime(),
    connectionCount: p.integer().default(0),
    lastConnectedAt: p.datetime().nullable(),
    lastDisconnectedAt: p.datetime().nullable(),
    lastRemoteAddress: p.string().length(128).nullable(),

    // The hold (issue 14): the server holding the tunnel, and its connection.
    heldBy: p.string().length(255).nullable().index(),
    heldConnection: p.string().length(64).nullable(),
    // The holder's judgement of its health (HEALTHY / UNHEALTHY), written at attach and at each
    // change, so that servers not holding the client show it too.
    health: p.string().length(16).nullable(),
    healthReason: p.text().nullable(),
    healthSince: p.datetime().nullable(),
  },
});

export type Client = InferEntity<typeof ClientEntity>;
