// API keys: the principals of the API (issue 15). Only a SHA-256 of each secret is stored; the
// secret itself is shown once, at creation. A key is looked up by its id (the secret carries
// it: etpk_<id>_<random>), then its hash is compared in constant time.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ApiKeyEntity = defineEntity({
  name: 'ApiKey',
  tableName: 'api_key',
  properties: {
    id: p.string().length(32).primary(),
    secretHash: p.string().length(64),
    name: p.string().length(128),
    role: p.string().length(16),
    scopeTags: p.json<string[]>().nullable(),
    scopeClients: p.json<string[]>().nullable(),
    trustedDocumentsOnly: p.boolean().default(false),
    createdAt: p.datetime(),
    createdBy: p.string().length(256).nullable(),
    createdByKeyId: p.string().length(32).nullable(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
});

export type ApiKey = InferEntity<typeof ApiKeyEntity>;
