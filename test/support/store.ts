// A real store for tests, on either dialect through the same `Store` interface: SQLite in a
// temporary directory, or PostgreSQL in a database of its own on a throwaway server that the
// test file's process shares (test/support/postgres.ts: started on first use, stopped and
// deleted when the process exits). `forEachDialect` runs a file's tests once per dialect.
//
// Without PostgreSQL's binaries the PostgreSQL variant fails with startPostgres's message (how
// to install them); it never skips.

import { describe } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientRecord, DialectName, Store } from '../../src/store/index.js';
import { openDatabase, openStore } from '../../src/store/open.js';
import { startPostgres, type PostgresServer } from './postgres.js';

export const DIALECTS: readonly DialectName[] = ['sqlite', 'postgresql'];

/** Declares `tests` once per dialect, each run in a `describe` named for its dialect. */
export function forEachDialect(tests: (dialect: DialectName) => void): void {
  for (const dialect of DIALECTS) describe(dialect, () => tests(dialect));
}

let sharedPostgres: Promise<PostgresServer> | undefined;

/** This process's throwaway PostgreSQL server (one per test file), started on first use. */
export function testPostgres(): Promise<PostgresServer> {
  sharedPostgres ??= startPostgres();
  return sharedPostgres;
}

/** A fresh, empty database on this process's PostgreSQL server; its URL. */
export async function testDatabaseUrl(): Promise<string> {
  return (await testPostgres()).createDatabase(`store_${process.pid}_${++databases}`);
}
let databases = 0;

export interface TestStore {
  store: Store;
  /** The database file. */
  file: string;
  /** The statements run since the last `resetStatements()` (for "no N+1" checks). */
  statements: string[];
  resetStatements(): void;
  /** Closes the store and removes its files. */
  close(): Promise<void>;
}

/**
 * `clientIndex: false` opens the database alone, without the in-memory client index the server
 * runs with: every client read is then a statement (for tests that count statements).
 */
export async function openTestStore(
  dialect: DialectName = 'sqlite',
  options: { clientIndex?: boolean } = {},
): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'etph-store-'));
  const statements: string[] = [];
  const storeOptions = {
    file: join(dir, 'test.db'),
    databaseUrl: dialect === 'postgresql' ? await testDatabaseUrl() : null,
    // SQL only: the SQLite store also marks where each transaction begins and commits.
    onStatement: (sql: string) => {
      if (sql !== 'begin' && sql !== 'commit') statements.push(sql);
    },
  };
  const store =
    options.clientIndex === false
      ? await openDatabase(storeOptions)
      : await openStore(storeOptions);
  return {
    store,
    file: storeOptions.file,
    statements,
    resetStatements: () => statements.splice(0),
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A client record with every field set to something plain; `fields` override. */
export function clientRecord(n: number, fields: Partial<ClientRecord> = {}): ClientRecord {
  const now = new Date('2026-01-01T00:00:00Z');
  return {
    uuid: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    clientId: `host-${String(n).padStart(3, '0')}`,
    displayName: null,
    purpose: null,
    tags: [],
    allowedPaths: null,
    webhookUrl: null,
    webhookSecret: null,
    rateLimitRpm: null,
    rateLimitConcurrent: null,
    rateLimitMode: null,
    cpuThreshold: null,
    memoryThreshold: null,
    diskThreshold: null,
    resourceChecks: null,
    forwardTargets: null,
    decommissionedAt: null,
    hostname: `host-${n}`,
    platform: 'Linux',
    platformRelease: '6.1',
    arch: 'x64',
    agentVersion: 'test',
    username: 'deploy',
    capabilities: [],
    agentAllowedPaths: null,
    publicKey: 'ssh-ed25519 AAAA',
    keyFingerprint: `SHA256:${n}`,
    pendingPublicKey: null,
    pendingFingerprint: null,
    previousFingerprint: null,
    keyMismatchAt: null,
    keyAcceptedAt: null,
    keyAcceptedBy: null,
    enrolledVia: 'open_enrollment',
    firstSeen: now,
    lastSeen: now,
    connectionCount: 1,
    lastConnectedAt: null,
    lastDisconnectedAt: null,
    lastRemoteAddress: null,
    heldBy: null,
    heldConnection: null,
    health: null,
    healthReason: null,
    healthSince: null,
    ...fields,
  };
}
