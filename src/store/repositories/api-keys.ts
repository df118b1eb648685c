// API keys (principals). Only a SHA-256 of each secret is stored. `lastUsedAt` is written in
// batches (touch), not once per request.

import type { Dialect } from '../dialect.js';
import type { ApiKeyRepository } from '../index.js';
import type { ApiKeyRecord } from '../records.js';
import { inList, type Sql } from '../sql.js';

interface ApiKeyRow {
  id: string;
  secret_hash: string;
  name: string;
  role: string;
  scope_tags: unknown;
  scope_clients: unknown;
  trusted_documents_only: unknown;
  created_at: unknown;
  created_by: string | null;
  created_by_key_id: string | null;
  expires_at: unknown;
  revoked_at: unknown;
  last_used_at: unknown;
}

function toApiKey(row: ApiKeyRow, dialect: Dialect): ApiKeyRecord {
  return {
    id: row.id,
    secretHash: row.secret_hash,
    name: row.name,
    role: row.role,
    scopeTags: row.scope_tags === null ? null : dialect.json<string[]>(row.scope_tags),
    scopeClients: row.scope_clients === null ? null : dialect.json<string[]>(row.scope_clients),
    trustedDocumentsOnly:
      row.trusted_documents_only === true ||
      row.trusted_documents_only === 1 ||
      row.trusted_documents_only === '1',
    createdAt: dialect.date(row.created_at),
    createdBy: row.created_by,
    createdByKeyId: row.created_by_key_id,
    expiresAt: dialect.dateOrNull(row.expires_at),
    revokedAt: dialect.dateOrNull(row.revoked_at),
    lastUsedAt: dialect.dateOrNull(row.last_used_at),
  };
}

export function createApiKeyRepository(sql: Sql): ApiKeyRepository {
  const { dialect } = sql;
  const keys = (rows: ApiKeyRow[]): ApiKeyRecord[] => rows.map((row) => toApiKey(row, dialect));

  return {
    async insert(key) {
      await sql.run(
        `insert into api_key (id, secret_hash, name, role, scope_tags, scope_clients,
           trusted_documents_only, created_at, created_by, created_by_key_id, expires_at,
           revoked_at, last_used_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          key.id,
          key.secretHash,
          key.name,
          key.role,
          key.scopeTags === null ? null : JSON.stringify(key.scopeTags),
          key.scopeClients === null ? null : JSON.stringify(key.scopeClients),
          key.trustedDocumentsOnly,
          key.createdAt,
          key.createdBy,
          key.createdByKeyId,
          key.expiresAt,
          key.revokedAt,
          key.lastUsedAt,
        ],
      );
    },

    async get(id) {
      const [row] = keys(await sql.all('select * from api_key where id = ?', [id]));
      return row ?? null;
    },

    async list() {
      return keys(await sql.all('select * from api_key order by created_at desc, id desc'));
    },

    async revoke(id, at) {
      const [row] = keys(
        await sql.all(
          'update api_key set revoked_at = coalesce(revoked_at, ?) where id = ? returning *',
          [at, id],
        ),
      );
      return row ?? null;
    },

    async unusable(ids, at) {
      if (ids.length === 0) return [];
      const [cond, values] = inList('id', ids);
      const rows = await sql.all<{ id: string }>(
        `select id from api_key where ${cond}
           and (revoked_at is not null or (expires_at is not null and expires_at <= ?))`,
        [...values, at],
      );
      return rows.map((row) => row.id);
    },

    async touch(ids, at) {
      if (ids.length === 0) return;
      const [cond, values] = inList('id', ids);
      await sql.run(`update api_key set last_used_at = ? where ${cond}`, [at, ...values]);
    },
  };
}
