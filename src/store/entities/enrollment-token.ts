// Enrollment tokens admit new agent keys. Only a SHA-256 of the token is stored; the token itself
// is shown once, at creation. Presets become the client's initial metadata.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const EnrollmentTokenEntity = defineEntity({
  name: 'EnrollmentToken',
  tableName: 'enrollment_token',
  properties: {
    id: p.string().length(36).primary(),
    tokenHash: p.string().length(64).unique(),
    prefix: p.string().length(32),
    name: p.string().length(256).nullable(),
    displayName: p.string().length(256).nullable(),
    purpose: p.text().nullable(),
    tags: p.json<string[]>(),
    maxUses: p.integer().nullable(),
    uses: p.integer().default(0),
    expiresAt: p.datetime().nullable(),
    createdAt: p.datetime(),
    createdBy: p.string().length(256).nullable(),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
});

export type EnrollmentToken = InferEntity<typeof EnrollmentTokenEntity>;
