// Seeds a server's database with many made-up clients, for benchmarks: rows written straight
// into SQLite (one transaction, multi-row prepared inserts), not through the ORM, so 100,000
// clients take seconds. The database must already exist with its schema: start the server once
// on the data directory (it runs the migrations), stop it, seed, start it again.
//
//   npx tsx bench/seed-clients.ts --data-dir DIR [--count 100000] [--seed 1]
//
// The fleet follows the guide's tagging strategy: every client carries one environment, one
// region, one criticality and one function tag. Capabilities, display names, purposes and
// hostnames are drawn to match. A seeded PRNG makes the same seed give the same fleet, so
// result sizes are comparable between runs.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import sqlite3 from 'sqlite3';
import { seededRandom } from '../test/support/random.js';

/** Each tag group, with the weight of each value (relative, not percentages). */
export const TAG_WEIGHTS = {
  environment: { production: 40, staging: 20, development: 25, testing: 15 },
  region: { 'us-east': 30, 'us-west': 20, 'eu-west': 30, 'ap-southeast': 20 },
  criticality: { critical: 10, important: 25, standard: 50, experimental: 15 },
  function: {
    'api-server': 16,
    'web-server': 14,
    database: 10,
    worker: 18,
    scheduler: 5,
    cache: 8,
    monitoring: 9,
    logging: 9,
    backup: 11,
  },
} as const;

type Fn = keyof (typeof TAG_WEIGHTS)['function'];

const FUNCTION_TITLES: Record<Fn, string> = {
  'api-server': 'API Server',
  'web-server': 'Web Server',
  database: 'Database',
  worker: 'Worker',
  scheduler: 'Scheduler',
  cache: 'Cache',
  monitoring: 'Monitoring',
  logging: 'Logging',
  backup: 'Backup',
};

const PURPOSES: Record<Fn, readonly string[]> = {
  'api-server': [
    'REST API serving customer requests',
    'GraphQL gateway',
    'Payments API',
    'Internal admin API',
  ],
  'web-server': ['Public website (nginx)', 'Static assets edge', 'Customer dashboard frontend'],
  database: [
    'PostgreSQL primary',
    'PostgreSQL replica',
    'MySQL primary',
    'ClickHouse analytics',
    'Redis persistence node',
  ],
  worker: ['CI Runner', 'Billing batch worker', 'Video transcoding', 'ML training (GPU)'],
  scheduler: ['Cron and job scheduler', 'Airflow scheduler'],
  cache: ['Redis cache', 'Memcached pool', 'Varnish HTTP cache'],
  monitoring: ['Prometheus and Alertmanager', 'Grafana dashboards', 'Uptime probes'],
  logging: ['Log shipping (Vector)', 'Elasticsearch data node', 'Loki ingester'],
  backup: ['Nightly backup target', 'Offsite archive (restic)', 'Snapshot verification'],
};

/** Capabilities an agent detects, each with the chance a client has it. */
const CAPABILITY_ODDS: readonly [string, number][] = [
  ['ssh', 0.92],
  ['git', 0.8],
  ['apt', 0.7],
  ['docker', 0.5],
  ['make', 0.45],
  ['c-compiler', 0.4],
  ['node', 0.3],
  ['dnf', 0.15],
  ['kubectl', 0.1],
  ['podman', 0.05],
];
const PYTHONS: Record<string, number> = {
  'python3.10': 15,
  'python3.11': 30,
  'python3.12': 35,
  none: 20,
};

const TEAMS = ['billing', 'search', 'identity', 'growth', 'platform', 'data', 'payments', 'core'];

function pickWeighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let total = 0;
  for (const [, weight] of entries) total += weight;
  let roll = random() * total;
  for (const [key, weight] of entries) {
    roll -= weight;
    if (roll < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function randomBytesFrom(random: () => number, count: number): Buffer {
  const out = Buffer.alloc(count);
  for (let i = 0; i < count; i += 1) out[i] = Math.floor(random() * 256);
  return out;
}

function uuidFrom(random: () => number): string {
  const b = randomBytesFrom(random, 16);
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An OpenSSH ed25519 public key line and its SHA256 fingerprint, from PRNG bytes. */
function keyFrom(
  random: () => number,
  comment: string,
): { publicKey: string; fingerprint: string } {
  const name = Buffer.from('ssh-ed25519');
  const wire = Buffer.concat([
    Buffer.from([0, 0, 0, name.length]),
    name,
    Buffer.from([0, 0, 0, 32]),
    randomBytesFrom(random, 32),
  ]);
  const digest = createHash('sha256').update(wire).digest('base64').replace(/=+$/, '');
  return {
    publicKey: `ssh-ed25519 ${wire.toString('base64')} ${comment}`,
    fingerprint: `SHA256:${digest}`,
  };
}

// ── the rows ────────────────────────────────────────────────────────────────────────────────

/** The client columns written, in order; everything else keeps its default (NULL or ''). */
const CLIENT_COLUMNS = [
  'uuid',
  'client_id',
  'display_name',
  'purpose',
  'hostname',
  'platform',
  'platform_release',
  'arch',
  'agent_version',
  'username',
  'capabilities',
  'public_key',
  'key_fingerprint',
  'enrolled_via',
  'first_seen',
  'last_seen',
  'connection_count',
  'last_connected_at',
  'last_disconnected_at',
  'last_remote_address',
] as const;

type Value = string | number | null;

interface SeedClient {
  row: Value[];
  tags: string[];
}

function makeClient(random: () => number, index: number, now: number): SeedClient {
  const environment = pickWeighted(random, TAG_WEIGHTS.environment);
  const region = pickWeighted(random, TAG_WEIGHTS.region);
  const criticality = pickWeighted(random, TAG_WEIGHTS.criticality);
  const fn = pickWeighted(random, TAG_WEIGHTS.function);
  const serial = String(index).padStart(6, '0');
  const hostname = `${fn}-${region}-${serial}`;
  const envTitle = environment[0]?.toUpperCase() + environment.slice(1);
  const displayName =
    random() < 0.8 ? `${envTitle} ${FUNCTION_TITLES[fn]} ${region} #${index}` : null;
  const purpose = random() < 0.9 ? `${pick(random, PURPOSES[fn])} (${pick(random, TEAMS)})` : null;

  const capabilities = CAPABILITY_ODDS.filter(([, odds]) => random() < odds).map(([name]) => name);
  const python = pickWeighted(random, PYTHONS);
  if (python !== 'none') capabilities.push(python);
  // GPUs live mostly on workers (ML training); a few elsewhere.
  if (random() < (fn === 'worker' ? 0.08 : 0.005)) capabilities.push('nvidia-gpu');
  capabilities.sort();

  const linux = random() < 0.93;
  const firstSeen = now - Math.floor(random() * 400 * 86_400_000);
  const lastSeen = firstSeen + Math.floor(random() * (now - firstSeen));
  const key = keyFrom(random, `phonehome@${hostname}`);
  const enrolledVia =
    random() < 0.6
      ? `enrollment_token:${randomBytesFrom(random, 4).toString('hex')}`
      : random() < 0.7
        ? 'authorized_keys'
        : 'open_enrollment';
  const row: Value[] = [
    uuidFrom(random),
    hostname,
    displayName,
    purpose,
    hostname,
    linux ? 'Linux' : 'Darwin',
    linux ? pick(random, ['6.1.0-28-amd64', '5.15.0-126-generic', '6.8.0-49-generic']) : '24.1.0',
    random() < 0.75 ? 'x64' : 'arm64',
    pick(random, ['0.1.0', '0.1.0', '0.0.9']),
    pick(random, ['phonehome', 'phonehome', 'deploy', 'root']),
    JSON.stringify(capabilities),
    key.publicKey,
    key.fingerprint,
    enrolledVia,
    firstSeen,
    lastSeen,
    1 + Math.floor(random() * 300),
    lastSeen - Math.floor(random() * 86_400_000),
    lastSeen,
    `10.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}.${1 + Math.floor(random() * 254)}:${1024 + Math.floor(random() * 60_000)}`,
  ];
  return { row, tags: [environment, region, criticality, fn] };
}

// ── sqlite3, promisified ────────────────────────────────────────────────────────────────────

function run(db: sqlite3.Database, sql: string, params: Value[] = []): Promise<void> {
  return new Promise((resolve, reject) =>
    db.run(sql, params, (error) => (error ? reject(error) : resolve())),
  );
}

function all<T>(db: sqlite3.Database, sql: string, params: Value[] = []): Promise<T[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
  );
}

/** Inserts rows `batch` at a time with one prepared multi-row statement (and one for the rest). */
async function insertMany(
  db: sqlite3.Database,
  table: string,
  columns: readonly string[],
  rows: readonly Value[][],
  batch: number,
): Promise<void> {
  const values = (count: number) =>
    new Array<string>(count).fill(`(${columns.map(() => '?').join(',')})`).join(',');
  const sql = (count: number) =>
    `insert into \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) values ${values(count)}`;
  const full = db.prepare(sql(batch));
  try {
    let start = 0;
    for (; start + batch <= rows.length; start += batch) {
      const params = rows.slice(start, start + batch).flat();
      await new Promise<void>((resolve, reject) =>
        full.run(params, (error) => (error ? reject(error) : resolve())),
      );
    }
    if (start < rows.length) {
      const rest = rows.slice(start);
      await run(db, sql(rest.length), rest.flat());
    }
  } finally {
    await new Promise<void>((resolve) => full.finalize(() => resolve()));
  }
}

/** Fails clearly when the schema has grown a required column this seeder does not fill. */
async function checkColumns(db: sqlite3.Database): Promise<void> {
  const info = await all<{ name: string; notnull: number; dflt_value: unknown; pk: number }>(
    db,
    'pragma table_info(`client`)',
  );
  if (info.length === 0)
    throw new Error('no client table: start the server once on this data directory first');
  const filled = new Set<string>(CLIENT_COLUMNS);
  const missing = info
    .filter((c) => c.notnull === 1 && c.dflt_value === null && !filled.has(c.name))
    .map((c) => c.name);
  if (missing.length > 0)
    throw new Error(
      `bench/seed-clients.ts does not fill required client columns: ${missing.join(', ')}`,
    );
}

export interface SeedResult {
  clients: number;
  tagLinks: number;
  tags: number;
  ms: number;
}

/**
 * Adds `count` clients (with their tags) to the server database at `dbPath`, in one
 * transaction. Client ids are `<function>-<region>-<serial>`, serials from `firstIndex`.
 */
export async function seedClients(
  dbPath: string,
  options: { count: number; seed?: number; firstIndex?: number },
): Promise<SeedResult> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 1);
  const now = Date.now();
  const first = options.firstIndex ?? 1;
  const clients: SeedClient[] = [];
  for (let i = 0; i < options.count; i += 1) clients.push(makeClient(random, first + i, now));

  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(
      dbPath,
      sqlite3.OPEN_READWRITE,
      (error) => (error ? reject(error) : resolve(opened)),
    );
  });
  try {
    await checkColumns(db);
    // One big transaction through the WAL would write every page twice; a rollback journal
    // (and no fsync) for the seed, then back to WAL, which the server expects.
    await run(db, 'pragma journal_mode=delete');
    await run(db, 'pragma synchronous=off');
    await run(db, 'pragma foreign_keys=on');
    await run(db, 'begin immediate');
    try {
      // Plain inserts: on a database that already holds these clients or tags, a unique index
      // fails and everything rolls back, rather than leaving half a fleet.
      await insertMany(
        db,
        'client',
        CLIENT_COLUMNS,
        clients.map((c) => c.row),
        400,
      );
      const names = [...new Set(clients.flatMap((c) => c.tags))].sort();
      await insertMany(
        db,
        'tag',
        ['name'],
        names.map((name) => [name]),
        1,
      );
      const ids = new Map(
        (await all<{ id: number; name: string }>(db, 'select id, name from tag')).map((t) => [
          t.name,
          t.id,
        ]),
      );
      const links: Value[][] = [];
      for (const client of clients)
        for (const tag of client.tags) links.push([client.row[0] as string, ids.get(tag) ?? null]);
      await insertMany(db, 'client_tag', ['client_uuid', 'tag_id'], links, 2000);
      await run(db, 'commit');
      await run(db, 'pragma journal_mode=wal');
      return {
        clients: clients.length,
        tagLinks: links.length,
        tags: names.length,
        ms: performance.now() - started,
      };
    } catch (error) {
      await run(db, 'rollback').catch(() => undefined);
      await run(db, 'pragma journal_mode=wal').catch(() => undefined);
      throw error;
    }
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

// ── as a command ────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      count: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
  });
  if (!values['data-dir']) throw new Error('--data-dir is required');
  for (const name of ['count', 'seed'] as const) {
    if (!/^\d+$/.test(values[name])) throw new Error(`--${name} must be a whole number`);
  }
  const result = await seedClients(join(values['data-dir'], 'etphonehome.db'), {
    count: Number(values.count),
    seed: Number(values.seed),
  });
  console.log(
    `seeded ${result.clients} clients, ${result.tagLinks} tag links (${result.tags} tags) in ${(result.ms / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
