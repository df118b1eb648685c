// The PostgreSQL dialect of the store against a real PostgreSQL (test/support/postgres.ts):
// migrations that two servers run at once, a schema that matches SQLite's table for table and
// column for column, entities that read back as the SQLite path returns them, and a pool that
// survives the database restarting.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReferenceKind, type MikroORM as AnyOrm } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { MikroORM as SqliteOrm } from '@mikro-orm/sqlite';
import { Migrator } from '@mikro-orm/migrations';
import {
  ClientEntity,
  EnrollmentTokenEntity,
  EventEntity,
  TagEntity,
  WebhookDeliveryEntity,
  entities,
} from '../../src/store/entities/index.js';
import { migrationsList as sqliteMigrations } from '../../src/store/migrations/index.js';
import { migrationsList as postgresMigrations } from '../../src/store/postgresql/migrations/index.js';
import { createPostgresOptions } from '../../src/store/postgresql/options.js';
import { MIGRATION_LOCK_KEY, migratePostgres } from '../../src/store/postgresql/migrate.js';
import { POSTGRES_ONLY, pendingSchemaChanges } from '../../src/store/postgresql/schema-drift.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { waitFor } from '../support/wait.js';

let pg: PostgresServer;
let sqliteDir: string;
let sqlite: SqliteOrm;

before(async () => {
  pg = await startPostgres();
  // The schema SQLite's own migrations build (not the store's opening code: only the schema).
  sqliteDir = await mkdtemp(join(tmpdir(), 'etph-store-pg-'));
  sqlite = await SqliteOrm.init({
    dbName: join(sqliteDir, 'store.db'),
    entities,
    extensions: [Migrator],
    allowGlobalContext: false,
    discovery: { requireEntitiesArray: true },
    logger: () => undefined,
    migrations: { migrationsList: sqliteMigrations, snapshot: false, silent: true },
  });
  await sqlite.getMigrator().up();
});

after(async () => {
  await sqlite?.close();
  await rm(sqliteDir, { recursive: true, force: true });
  await pg?.stop();
});

/** A migrated PostgreSQL ORM on a database of its own. */
async function migratedPostgres(): Promise<MikroORM> {
  const orm = await MikroORM.init(createPostgresOptions(await pg.createDatabase()));
  await migratePostgres(orm);
  return orm;
}

test('every SQLite migration has a PostgreSQL twin of the same name, in the same order', () => {
  assert.deepEqual(
    postgresMigrations.map((m) => m.name),
    sqliteMigrations.map((m) => m.name),
  );
});

test('two servers migrating one database at once both succeed and apply the schema once', async () => {
  const url = await pg.createDatabase();
  const [first, second, holder] = await Promise.all(
    [1, 2, 3].map(async () => MikroORM.init(createPostgresOptions(url))),
  );
  assert.ok(first && second && holder);
  // A third connection holds the lock first, so both servers are provably inside migratePostgres
  // at the same time; it is released whatever happens (an ORM does not close while in use).
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holding = holder.em.fork().transactional(async (em) => {
    await em.execute('select pg_advisory_xact_lock(?::bigint)', [MIGRATION_LOCK_KEY]);
    locked();
    await held;
  });
  let both: Promise<string[][]> | undefined;
  try {
    await lockTaken;
    both = Promise.all([migratePostgres(first), migratePostgres(second)]);
    await waitFor(
      async () => {
        const rows = await holder.em
          .fork()
          .execute(`select 1 from pg_locks where locktype = 'advisory' and not granted`);
        return rows.length === 2;
      },
      { what: 'both servers waiting for the migration lock' },
    );
    release();
    await holding;
    const applied = await both;

    const names = postgresMigrations.map((m) => m.name);
    assert.deepEqual(
      [...applied].sort((a, b) => b.length - a.length),
      [names, []],
      'one server applies every migration, the other finds none pending',
    );
    const recorded = await first.em
      .fork()
      .execute<{ name: string }[]>('select name from mikro_orm_migrations order by id');
    assert.deepEqual(
      recorded.map((r) => r.name),
      names,
    );
    assert.deepEqual(await migratePostgres(second), [], 'a later start applies nothing');
  } finally {
    release();
    await Promise.allSettled([holding, both]);
    await Promise.all([first.close(), second.close(), holder.close()]);
  }
});

test('the PostgreSQL migrations build what the entities describe', async () => {
  const orm = await migratedPostgres();
  try {
    assert.deepEqual(await pendingSchemaChanges(orm), []);
  } finally {
    await orm.close();
  }
});

test('PostgreSQL and SQLite have the same tables, columns, nullability, indexes and foreign keys', async () => {
  const orm = await migratedPostgres();
  try {
    const [pgSchema, sqliteSchema] = await Promise.all([
      postgresSchema(orm),
      sqliteSchemaOf(sqlite),
    ]);
    assert.ok(pgSchema.columns.includes('client.client_id text not null'));
    assert.deepEqual(pgSchema, sqliteSchema);
  } finally {
    await orm.close();
  }
});

test('every entity reads back from PostgreSQL exactly as from SQLite', async () => {
  const orm = await migratedPostgres();
  try {
    const fromPostgres = await roundTrip(orm);
    const fromSqlite = await roundTrip(sqlite);
    assert.deepEqual(fromPostgres, fromSqlite);
    // And as written: datetimes as Dates, booleans as booleans, JSON as values, ids as numbers.
    const client = fromPostgres.Client;
    assert.ok(client?.firstSeen instanceof Date);
    assert.equal((client.firstSeen as Date).toISOString(), AT.toISOString());
    assert.equal(client.resourceChecks, true);
    assert.equal(client.cpuThreshold, 90.1);
    assert.deepEqual(client.capabilities, ['docker', 'git']);
    assert.deepEqual(client.tags, ['edge', 'production']);
    assert.equal(client.decommissionedAt, null);
    assert.deepEqual(fromPostgres.Event?.data, EVENT_DATA);
    assert.equal(fromPostgres.Event?.id, 1);
    assert.equal(fromPostgres.WebhookDelivery?.claimed, false);
    assert.equal(fromPostgres.WebhookDelivery?.eventId, 1);

    // Raw SQL too: counts and bigserial ids are numbers, as on SQLite.
    const [count] = await orm.em.fork().execute('select count(*) as n from event');
    assert.deepEqual(count, { n: 1 });
  } finally {
    await orm.close();
  }
});

test('the pool survives the database restarting and loses no acknowledged write', async () => {
  const logs: string[] = [];
  const orm = await MikroORM.init(
    createPostgresOptions(await pg.createDatabase(), { log: (line) => logs.push(line) }),
  );
  await migratePostgres(orm);
  const write = async (): Promise<number> => {
    const em = orm.em.fork();
    const event = em.create(EventEntity, { type: 'test.write', at: new Date(), data: null });
    await em.flush();
    return event.id;
  };
  const acknowledged: number[] = [];
  const failures: string[] = [];
  let running = true;
  const workers = Array.from({ length: 4 }, async () => {
    while (running) {
      await write().then(
        (id) => acknowledged.push(id),
        (error: Error) => failures.push(error.message),
      );
    }
  });
  try {
    await waitFor(() => acknowledged.length >= 20, { what: 'writes before the restart' });
    let whileDown: Promise<number> | undefined;
    await pg.restart({
      mode: 'immediate', // a crash: recovery replays the WAL on start
      downMs: 300,
      whileDown: async () => {
        // Let the pool see its connections die (they are closed before the postmaster exits).
        await new Promise((resolve) => setImmediate(resolve));
        whileDown = write();
      },
    });
    const countAtRestart = acknowledged.length;
    await waitFor(() => acknowledged.length >= countAtRestart + 20, {
      what: 'writes after the restart',
    });
    running = false;
    await Promise.all(workers);

    assert.equal(typeof (await whileDown), 'number', 'a write issued while down waits, then lands');
    const rows = await orm.em.fork().execute<{ id: number }[]>('select id from event');
    const stored = new Set(rows.map((row) => row.id));
    assert.deepEqual(
      acknowledged.filter((id) => !stored.has(id)),
      [],
      'every acknowledged write survived the crash',
    );
    // Only what was in flight at the crash fails (a worker has one statement at a time); the
    // rest waited for the database instead of failing on refused connections.
    assert.ok(failures.length <= 2 * 4, `failures: ${failures.length}\n${failures.join('\n')}`);
    assert.ok(
      logs.some((line) => line.startsWith('knex: ')),
      'dropped connections are logged',
    );
  } finally {
    running = false;
    await Promise.all(workers);
    await orm.close();
  }
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────

const AT = new Date('2026-11-25T02:45:11.123Z');
const LATER = new Date('2026-11-26T08:00:00.456Z');
const EVENT_DATA = { zeta: 1, alpha: ['x', 2], nested: { flag: true, none: null } };

type Snapshot = Record<string, unknown>;

/** Writes one row of every entity (a fresh database), then reads each back in a new context. */
async function roundTrip(orm: AnyOrm): Promise<Record<string, Snapshot>> {
  const em = orm.em.fork();
  const client = em.create(ClientEntity, {
    uuid: '00000000-0000-4000-8000-000000000001',
    clientId: 'web-01',
    displayName: 'Web 1',
    purpose: 'serves the shop',
    allowedPaths: ['/srv', '/var/log'],
    rateLimitRpm: 120,
    rateLimitMode: 'ENFORCE',
    cpuThreshold: 90.1,
    memoryThreshold: 85.5,
    resourceChecks: true,
    hostname: 'web-01.example',
    capabilities: ['docker', 'git'],
    agentAllowedPaths: null,
    publicKey: 'ssh-ed25519 AAAA',
    keyFingerprint: 'SHA256:abc',
    keyMismatchAt: LATER,
    enrolledVia: 'token',
    firstSeen: AT,
    lastSeen: LATER,
    connectionCount: 3,
  });
  client.tags.add(em.create(TagEntity, { name: 'production' }));
  client.tags.add(em.create(TagEntity, { name: 'edge' }));
  const event = em.create(EventEntity, {
    type: 'client.connected',
    clientUuid: client.uuid,
    at: AT,
    data: EVENT_DATA,
    actor: 'api',
  });
  em.create(EnrollmentTokenEntity, {
    id: '00000000-0000-4000-8000-0000000000e1',
    tokenHash: 'f'.repeat(64),
    prefix: 'etph_abc',
    tags: ['edge'],
    maxUses: 1,
    expiresAt: LATER,
    createdAt: AT,
  });
  await em.flush();
  em.create(WebhookDeliveryEntity, {
    id: 'msg_0001',
    eventId: event.id,
    event: 'client.connected',
    clientUuid: client.uuid,
    url: 'https://hooks.example/in',
    endpoint: 'https://hooks.example:443',
    target: 'global',
    payload: '{"event":"client.connected"}',
    status: 'PENDING',
    nextAttemptAt: LATER,
    createdAt: AT,
  });
  await em.flush();

  const read = orm.em.fork();
  const rows: [string, object | null][] = [
    ['Client', await read.findOne(ClientEntity, { clientId: 'web-01' }, { populate: ['tags'] })],
    ['Tag', await read.findOne(TagEntity, { name: 'edge' })],
    ['Event', await read.findOne(EventEntity, { type: 'client.connected' })],
    ['EnrollmentToken', await read.findOne(EnrollmentTokenEntity, { prefix: 'etph_abc' })],
    ['WebhookDelivery', await read.findOne(WebhookDeliveryEntity, { id: 'msg_0001' })],
  ];
  return Object.fromEntries(rows.map(([name, row]) => [name, snapshot(orm, name, row)]));
}

/** Every property of a read-back row as a plain value (a collection as its sorted tag names). */
function snapshot(orm: AnyOrm, entityName: string, row: object | null): Snapshot {
  assert.ok(row, `${entityName} was read back`);
  const values = row as Record<string, unknown>;
  const out: Snapshot = {};
  for (const prop of orm.getMetadata().get(entityName).props) {
    if (prop.kind === ReferenceKind.MANY_TO_MANY && !prop.owner) continue; // Tag's hidden inverse
    const value = values[prop.name];
    out[prop.name] =
      prop.kind === ReferenceKind.MANY_TO_MANY
        ? (value as { getItems(): { name: string }[] })
            .getItems()
            .map((tag) => tag.name)
            .sort()
        : value;
  }
  return out;
}

interface SchemaSummary {
  /** "table.column <kind> null|not null", kinds as both dialects can express them. */
  columns: string[];
  /** "table.index", primary keys left out (SQLite does not name them). */
  indexes: string[];
  /** "table.column -> table.column". */
  foreignKeys: string[];
}

/** The kind of a declared type: varchar/text → text, int/bigint/boolean → integer, … */
function kindOf(declared: string): string {
  const type = declared.toLowerCase();
  if (/char|text/.test(type)) return 'text';
  if (/^(int|integer|bigint|smallint|boolean)/.test(type)) return 'integer';
  if (/real|double|float/.test(type)) return 'real';
  if (/timestamp|datetime/.test(type)) return 'datetime';
  if (/json/.test(type)) return 'json';
  return type;
}

/** The PostgreSQL schema without the parts declared PostgreSQL-only (checked present here). */
async function postgresSchema(orm: MikroORM): Promise<SchemaSummary> {
  const all = await postgresSchemaWithExtras(orm);
  const columnNames = all.columns.map((c) => c.split(' ')[0]);
  for (const column of POSTGRES_ONLY.columns)
    assert.ok(columnNames.includes(column), `PostgreSQL-only column ${column} exists`);
  for (const index of POSTGRES_ONLY.indexes)
    assert.ok(all.indexes.includes(index), `PostgreSQL-only index ${index} exists`);
  return {
    columns: all.columns.filter(
      (c) => !(POSTGRES_ONLY.columns as readonly string[]).includes(c.split(' ')[0] ?? ''),
    ),
    indexes: all.indexes.filter((i) => !(POSTGRES_ONLY.indexes as readonly string[]).includes(i)),
    foreignKeys: all.foreignKeys,
  };
}

async function postgresSchemaWithExtras(orm: MikroORM): Promise<SchemaSummary> {
  const em = orm.em.fork();
  const columns = await em.execute<
    { table_name: string; column_name: string; data_type: string; is_nullable: string }[]
  >(
    `select table_name, column_name, data_type, is_nullable from information_schema.columns where table_schema = 'public'`,
  );
  const indexes = await em.execute<{ tablename: string; indexname: string }[]>(
    `select tablename, indexname from pg_indexes where schemaname = 'public' and indexname not like '%\\_pkey'`,
  );
  const foreignKeys = await em.execute<{ source: string; target: string }[]>(
    `select c.conrelid::regclass::text || '.' || a.attname as source, c.confrelid::regclass::text || '.' || b.attname as target
       from pg_constraint c
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute b on b.attrelid = c.confrelid and b.attnum = c.confkey[1]
      where c.contype = 'f'`,
  );
  return {
    columns: columns
      .map(
        (c) =>
          `${c.table_name}.${c.column_name} ${kindOf(c.data_type)} ${c.is_nullable === 'YES' ? 'null' : 'not null'}`,
      )
      .sort(),
    indexes: indexes.map((i) => `${i.tablename}.${i.indexname}`).sort(),
    foreignKeys: foreignKeys.map((f) => `${f.source} -> ${f.target}`.replaceAll('"', '')).sort(),
  };
}

async function sqliteSchemaOf(orm: SqliteOrm): Promise<SchemaSummary> {
  const em = orm.em.fork();
  const tables = await em.execute<{ name: string }[]>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`,
  );
  const summary: SchemaSummary = { columns: [], indexes: [], foreignKeys: [] };
  for (const { name } of tables) {
    const columns = await em.execute<{ name: string; type: string; notnull: number; pk: number }[]>(
      `select name, type, "notnull", pk from pragma_table_info(?)`,
      [name],
    );
    for (const c of columns) {
      // SQLite lets a primary key column be null unless declared otherwise; PostgreSQL never.
      const nullable = c.notnull === 0 && c.pk === 0;
      summary.columns.push(`${name}.${c.name} ${kindOf(c.type)} ${nullable ? 'null' : 'not null'}`);
    }
    const indexes = await em.execute<{ name: string; origin: string }[]>(
      `select name, origin from pragma_index_list(?)`,
      [name],
    );
    for (const i of indexes) if (i.origin !== 'pk') summary.indexes.push(`${name}.${i.name}`);
    const foreignKeys = await em.execute<{ from: string; table: string; to: string }[]>(
      `select "from", "table", "to" from pragma_foreign_key_list(?)`,
      [name],
    );
    for (const f of foreignKeys)
      summary.foreignKeys.push(`${name}.${f.from} -> ${f.table}.${f.to}`);
  }
  summary.columns.sort();
  summary.indexes.sort();
  summary.foreignKeys.sort();
  return summary;
}
