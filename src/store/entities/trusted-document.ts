// GraphQL documents an admin registered as trusted (ETPHONEHOME_TRUSTED_DOCUMENTS, docs/access.md).
// Keyed by the SHA-256 of the normalised document, which is kept too so that an admin can read
// what was registered. The documents the project ships are not stored: they are built in.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TrustedDocumentEntity = defineEntity({
  name: 'TrustedDocument',
  tableName: 'trusted_document',
  properties: {
    hash: p.string().length(64).primary(),
    name: p.string().length(128).nullable(),
    document: p.text(),
    createdAt: p.datetime(),
    createdBy: p.string().length(256).nullable(),
  },
});

export type TrustedDocument = InferEntity<typeof TrustedDocumentEntity>;
