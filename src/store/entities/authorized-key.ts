// Authorized keys shared by the servers of one database (issue 14): each server mirrors the
// keys of its own `<data-dir>/authorized_keys` file here under its name, so a key listed in any
// server's file admits an agent on every server. A row is owned by the server that wrote it;
// only that server adds or removes it (when its file changes). The primary key's first column
// is the admission lookup's index.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const AuthorizedKeyEntity = defineEntity({
  name: 'AuthorizedKey',
  tableName: 'authorized_key',
  properties: {
    /** "<algo> <base64>", as the admission check compares it. */
    publicKey: p.string().length(8192).primary(),
    /** The server whose file lists the key (`--server-name`). */
    server: p.string().length(255).primary(),
    /** The file line's comment, if any (who the key belongs to). */
    comment: p.string().length(1024).nullable(),
    addedAt: p.datetime(),
  },
});

export type AuthorizedKey = InferEntity<typeof AuthorizedKeyEntity>;
