// Opens the store the server is configured for. Today the SQLite file in the data directory;
// issue 14 adds PostgreSQL (`--database-url`) as a second implementation of the same Store.

import type { Store } from './index.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite.js';

export type StoreOptions = SqliteStoreOptions;

export function openStore(options: StoreOptions): Promise<Store> {
  return openSqliteStore(options);
}
