// Enrollment tokens. Only a SHA-256 of each token is stored. A use is counted with one
// conditional UPDATE, so that the check (not revoked, not expired, not used up) and the count
// are one atomic step on any database, whichever server runs it.

import type { Dialect } from '../dialect.js';
import type { TokenRepository } from '../index.js';
import type { TokenRecord } from '../records.js';
import type { Sql } from '../sql.js';

interface TokenRow {
  id: string;
  token_hash: string;
  prefix: string;
  name: string | null;
  display_name: string | null;
  purpose: string | null;
  tags: unknown;
  max_uses: number | string | null;
  uses: number | string;
  expires_at: unknown;
  created_at: unknown;
  created_by: string | null;
  revoked_at: unknown;
  last_used_at: unknown;
}

function toToken(row: TokenRow, dialect: Dialect): TokenRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    prefix: row.prefix,
    name: row.name,
    displayName: row.display_name,
    purpose: row.purpose,
    tags: dialect.json<string[]>(row.tags) ?? [],
    maxUses: row.max_uses === null ? null : Number(row.max_uses),
    uses: Number(row.uses),
    expiresAt: dialect.dateOrNull(row.expires_at),
    createdAt: dialect.date(row.created_at),
    createdBy: row.created_by,
    revokedAt: dialect.dateOrNull(row.revoked_at),
    lastUsedAt: dialect.dateOrNull(row.last_used_at),
  };
}

export function createTokenRepository(sql: Sql): TokenRepository {
  const { dialect } = sql;
  const tokens = (rows: TokenRow[]): TokenRecord[] => rows.map((row) => toToken(row, dialect));

  return {
    async insert(token) {
      await sql.run(
        `insert into enrollment_token (id, token_hash, prefix, name, display_name, purpose, tags,
           max_uses, uses, expires_at, created_at, created_by, revoked_at, last_used_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          token.id,
          token.tokenHash,
          token.prefix,
          token.name,
          token.displayName,
          token.purpose,
          dialect.jsonParam(token.tags),
          token.maxUses,
          token.uses,
          token.expiresAt,
          token.createdAt,
          token.createdBy,
          token.revokedAt,
          token.lastUsedAt,
        ],
      );
    },

    async list() {
      return tokens(
        await sql.all('select * from enrollment_token order by created_at desc, id desc'),
      );
    },

    async getByHash(tokenHash) {
      const [row] = tokens(
        await sql.all('select * from enrollment_token where token_hash = ?', [tokenHash]),
      );
      return row ?? null;
    },

    async findByIdOrPrefix(ref) {
      return tokens(
        await sql.all('select * from enrollment_token where id = ? or prefix = ?', [ref, ref]),
      );
    },

    async revoke(id, at) {
      const [row] = tokens(
        await sql.all(
          'update enrollment_token set revoked_at = coalesce(revoked_at, ?) where id = ? returning *',
          [at, id],
        ),
      );
      return row ?? null;
    },

    async consume(id, at) {
      const [row] = tokens(
        await sql.all(
          `update enrollment_token set uses = uses + 1, last_used_at = ?
             where id = ? and revoked_at is null
               and (expires_at is null or expires_at > ?)
               and (max_uses is null or uses < max_uses)
           returning *`,
          [at, id, at],
        ),
      );
      return row ?? null;
    },
  };
}
