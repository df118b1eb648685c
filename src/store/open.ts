// Opens the store the server is configured for: PostgreSQL when a postgres:// (or
// postgresql://) database URL is given (several servers may share it), else the SQLite file.
// Both are the same Store: the same repositories over their own dialect. Whatever the database,
// client reads are answered from the in-memory client index (./client-index/indexed-store.ts),
// which every client write keeps up to date.

import { withClientIndex, type IndexedStore } from './client-index/indexed-store.js';
import type { Store } from './index.js';

export interface StoreOptions {
  /** The SQLite file (created if missing); used when there is no databaseUrl. */
  file: string;
  /** A postgres:// URL: PostgreSQL instead of the file. */
  databaseUrl?: string | null | undefined;
  /** Shown in PostgreSQL's pg_stat_activity (e.g. `etphonehome/<host>`). */
  applicationName?: string | undefined;
  /** Told about the ORM's own messages (migrations applied …). */
  log?: ((message: string) => void) | undefined;
  /** Told about every statement the repositories run (tests count them). */
  onStatement?: ((sql: string) => void) | undefined;
}

/**
 * The database alone, without the client index (tests that count statements use it). Only the
 * dialect in use is loaded: PostgreSQL's ORM driver and pg take a fifth of a second of a start
 * that uses SQLite (and every restart counts: bench/restart.ts --spawn).
 */
export async function openDatabase(options: StoreOptions): Promise<Store> {
  const { databaseUrl, file, log, onStatement, applicationName } = options;
  if (databaseUrl) {
    const { openPostgresStore } = await import('./postgresql/store.js');
    return openPostgresStore({
      url: databaseUrl,
      ...(log ? { log } : {}),
      ...(onStatement ? { onStatement } : {}),
      ...(applicationName ? { applicationName } : {}),
    });
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore({ file, log, onStatement });
}

export async function openStore(options: StoreOptions): Promise<IndexedStore> {
  const store = await openDatabase(options);
  try {
    return await withClientIndex(store);
  } catch (error) {
    await store.close();
    throw error;
  }
}
