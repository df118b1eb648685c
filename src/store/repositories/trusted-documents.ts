// Trusted GraphQL documents an admin registered. One row per document, keyed by the SHA-256 of
// its normalised text; registering the same document twice keeps the first row (the insert is
// conditional, so two servers racing agree on one).

import type { Dialect } from '../dialect.js';
import type { TrustedDocumentRepository } from '../index.js';
import type { TrustedDocumentRecord } from '../records.js';
import type { Sql } from '../sql.js';

interface TrustedDocumentRow {
  hash: string;
  name: string | null;
  document: string;
  created_at: unknown;
  created_by: string | null;
}

function toRecord(row: TrustedDocumentRow, dialect: Dialect): TrustedDocumentRecord {
  return {
    hash: row.hash,
    name: row.name,
    document: row.document,
    createdAt: dialect.date(row.created_at),
    createdBy: row.created_by,
  };
}

export function createTrustedDocumentRepository(sql: Sql): TrustedDocumentRepository {
  const { dialect } = sql;
  const records = (rows: TrustedDocumentRow[]): TrustedDocumentRecord[] =>
    rows.map((row) => toRecord(row, dialect));
  const get = async (hash: string): Promise<TrustedDocumentRecord | null> => {
    const [row] = records(await sql.all('select * from trusted_document where hash = ?', [hash]));
    return row ?? null;
  };

  return {
    async insert(document) {
      const rows = await sql.all<{ hash: string }>(
        `insert into trusted_document (hash, name, document, created_at, created_by)
         values (?, ?, ?, ?, ?) on conflict (hash) do nothing returning hash`,
        [document.hash, document.name, document.document, document.createdAt, document.createdBy],
      );
      return rows.length === 1;
    },

    get,

    async list() {
      return records(
        await sql.all('select * from trusted_document order by created_at desc, hash asc'),
      );
    },

    async remove(hash) {
      // Read, then delete: SQLite's driver hands back no rows of a `delete … returning`.
      const row = await get(hash);
      if (!row) return null;
      await sql.run('delete from trusted_document where hash = ?', [hash]);
      return row;
    },
  };
}
