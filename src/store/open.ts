// Opens the store the server is configured for. Today the SQLite file in the data directory;
// issue 14 adds PostgreSQL (`--database-url`) as a second implementation of the same Store.
// Whatever the database, client reads are answered from the in-memory client index
// (./client-index/indexed-store.ts), which every client write keeps up to date.

import { withClientIndex, type IndexedStore } from './client-index/indexed-store.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite.js';

export type StoreOptions = SqliteStoreOptions;

export async function openStore(options: StoreOptions): Promise<IndexedStore> {
  const store = await openSqliteStore(options);
  try {
    return await withClientIndex(store);
  } catch (error) {
    await store.close();
    throw error;
  }
}
