// Authorized keys shared by the servers of one database (issue 14). Each server mirrors its own
// authorized_keys file under its name (`replaceServerKeys`: only that server's rows change, so
// servers never race over a row); a login on any server asks `listed`, one lookup on the
// primary key's leading column. A key stops being admitted once no server's file lists it.

import type { Sql } from '../sql.js';

/** One line of a server's authorized_keys file: "<algo> <base64>" and its comment. */
export interface AuthorizedKeyLine {
  publicKey: string;
  comment: string | null;
}

export interface AuthorizedKeyRepository {
  /**
   * Makes `server`'s rows exactly `keys` (added lines inserted, removed ones deleted; other
   * servers' rows untouched). Returns how many rows were added and removed.
   */
  replaceServerKeys(
    server: string,
    keys: readonly AuthorizedKeyLine[],
    now: Date,
  ): Promise<{ added: number; removed: number }>;
  /** True when any server's file lists `publicKey`. */
  listed(publicKey: string): Promise<boolean>;
  /** The keys `server` lists, sorted. */
  serverKeys(server: string): Promise<string[]>;
}

export function createAuthorizedKeyRepository(sql: Sql): AuthorizedKeyRepository {
  return {
    async replaceServerKeys(server, keys, now) {
      const stored = await sql.all<{ public_key: string; comment: string | null }>(
        'select public_key, comment from authorized_key where server = ?',
        [server],
      );
      const wanted = new Map(keys.map((key) => [key.publicKey, key.comment]));
      const have = new Map(stored.map((row) => [row.public_key, row.comment]));
      let removed = 0;
      for (const publicKey of have.keys()) {
        if (wanted.has(publicKey)) continue;
        await sql.run('delete from authorized_key where public_key = ? and server = ?', [
          publicKey,
          server,
        ]);
        removed += 1;
      }
      let added = 0;
      for (const [publicKey, comment] of wanted) {
        if (!have.has(publicKey)) {
          await sql.run(
            `insert into authorized_key (public_key, server, comment, added_at) values (?, ?, ?, ?)
               on conflict (public_key, server) do update set comment = excluded.comment`,
            [publicKey, server, comment, now],
          );
          added += 1;
        } else if (have.get(publicKey) !== comment) {
          await sql.run(
            'update authorized_key set comment = ? where public_key = ? and server = ?',
            [comment, publicKey, server],
          );
        }
      }
      return { added, removed };
    },

    async listed(publicKey) {
      const row = await sql.one<{ found: number }>(
        'select 1 as found from authorized_key where public_key = ? limit 1',
        [publicKey],
      );
      return row !== undefined;
    },

    async serverKeys(server) {
      const rows = await sql.all<{ public_key: string }>(
        'select public_key from authorized_key where server = ? order by public_key',
        [server],
      );
      return rows.map((row) => row.public_key);
    },
  };
}
