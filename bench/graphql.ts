// Benchmark: the GraphQL API of a real `etphonehome server` (dist/), spawned on loopback.
// Usage:
//
//   npm run build && npx tsx bench/graphql.ts [--only http,filters,fanout] [--json FILE]
//     [--requests 3000] [--concurrency 16] [--clients 100000] [--subscribers 1000] [--rounds 5]
//
// Three parts, each on its own server and data directory, each after waiting for an idle
// machine (--quiet-timeout-s 0 skips the wait):
//   http     graphql-trivial.ts: a trivial query (`{ __typename }`) and an empty
//            `clients(filter)`: p50/p99 of sequential requests after a warm-up, then
//            throughput with N requests in flight;
//   filters  graphql-filters.ts: `clients(filter)` over 100,000 stored clients (seeded straight
//            into SQLite before the server starts, see seed-clients.ts): selective filters by
//            tags, capabilities, substring, purpose, combined and onlineOnly;
//            `clientsConnection` pages when the schema has the field;
//   fanout   graphql-fanout.ts: 1,000 graphql-ws subscribers on `clientEvents`; a real
//            `phonehome` agent connects and disconnects to cause events; time from each
//            event's timestamp until the last subscriber has it; the server's RSS as
//            subscribers attach and leave.
// Everything started here is killed at the end, error or not.

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { AGENT_BIN, SERVER_BIN } from '../test/support/server.js';
import { VERSION } from '../src/version.js';
import { benchFanout, fanoutTables } from './graphql-fanout.js';
import { benchFilters, filterTable } from './graphql-filters.js';
import { SERVER_SEMI_SPACE_MIB, wholeFlag } from './common.js';
import { createCleanups, progress, type Bench } from './graphql-harness.js';
import { cpuPressureUs, machine, mib, waitForQuiet } from './graphql-report.js';
import { benchTrivialQueries, trivialTables } from './graphql-trivial.js';

// ── options ─────────────────────────────────────────────────────────────────────────────────

const PARTS = ['http', 'filters', 'fanout'] as const;
type Part = (typeof PARTS)[number];

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string', default: PARTS.join(',') },
    requests: { type: 'string', default: '3000' },
    warmup: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '16' },
    'throughput-requests': { type: 'string', default: '10000' },
    clients: { type: 'string', default: '100000' },
    'filter-iterations': { type: 'string', default: '200' },
    'filter-budget-s': { type: 'string', default: '20' },
    subscribers: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    'quiet-timeout-s': { type: 'string', default: '300' },
    'server-semi-space': { type: 'string', default: String(SERVER_SEMI_SPACE_MIB) },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: false,
});
if (flags.help) {
  console.log(
    'Usage: npx tsx bench/graphql.ts [--only http,filters,fanout] [--requests 3000] [--warmup 300]\n' +
      '  [--concurrency 16] [--throughput-requests 10000] [--clients 100000]\n' +
      '  [--filter-iterations 200] [--filter-budget-s 20] [--subscribers 1000] [--rounds 5]\n' +
      '  [--quiet-timeout-s 300 (0: do not wait for an idle machine)] [--json FILE]\n' +
      `  [--server-semi-space ${SERVER_SEMI_SPACE_MIB} (MiB, V8's young generation for the server, as shipped; 0: Node's default)]`,
  );
  process.exit(0);
}
// Every numeric flag has its default in parseArgs: the fallback is never used.
const whole = (name: keyof typeof flags, min = 1): number =>
  wholeFlag(flags[name] as string | undefined, `--${name}`, 0, min);
const parts = new Set(
  (flags.only ?? '').split(',').map((part) => {
    if (!(PARTS as readonly string[]).includes(part))
      throw new Error(`--only takes ${PARTS.join(', ')} (got "${part}")`);
    return part as Part;
  }),
);
const settings = {
  requests: whole('requests'),
  warmup: whole('warmup'),
  concurrency: whole('concurrency'),
  throughputRequests: whole('throughput-requests'),
  clients: whole('clients'),
  filterIterations: whole('filter-iterations'),
  filterBudgetMs: whole('filter-budget-s') * 1000,
  subscribers: whole('subscribers'),
  rounds: whole('rounds'),
  quietTimeoutS: whole('quiet-timeout-s', 0),
};

// ── running the parts ───────────────────────────────────────────────────────────────────────

const cleanups = createCleanups();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanups.unwind().finally(() => process.exit(130));
  });
}

/**
 * Runs one part (after waiting for a quiet machine) and undoes what it started; also says how
 * contended the CPUs were meanwhile (PSI "some": share of the time a runnable task waited).
 */
async function phase<T>(name: string, body: () => Promise<T>): Promise<[T, string]> {
  if (settings.quietTimeoutS > 0) {
    progress(`${name}: waiting for an idle machine`);
    const busy = await waitForQuiet({ timeoutSeconds: settings.quietTimeoutS });
    progress(
      `${name}: machine ${(busy * 100).toFixed(0)} % busy, load ${os.loadavg()[0]?.toFixed(2)}`,
    );
  }
  const mark = cleanups.mark();
  const pressureBefore = await cpuPressureUs();
  const started = performance.now();
  try {
    const value = await body();
    const pressureAfter = await cpuPressureUs();
    const seconds = (performance.now() - started) / 1000;
    const pressure =
      pressureBefore === null || pressureAfter === null
        ? 'n/a'
        : `${((pressureAfter - pressureBefore) / 10_000 / seconds).toFixed(0)} %`;
    return [
      value,
      `Part took ${seconds.toFixed(0)} s; CPU pressure (a runnable task waiting for a core, ours included): ${pressure} of the time.`,
    ];
  } finally {
    await cleanups.unwind(mark);
  }
}

// ── main ────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  for (const bin of [SERVER_BIN, AGENT_BIN]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
  }
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-'));
  cleanups.add('temp directory', () => rm(tmp, { recursive: true, force: true }));
  const bench: Bench = { tmp, cleanups, serverSemiSpaceMiB: whole('server-semi-space', 0) };
  // The harness makes its data and config directories in os.tmpdir(): inside ours, they go
  // with it, even when an interruption catches one half made.
  process.env['TMPDIR'] = tmp;
  const info = machine({ etphonehome: VERSION });
  const out: string[] = [
    'GraphQL API of a spawned etphonehome server, client on the same host',
    '',
    ...Object.entries(info).map(([key, value]) => `  ${key.padEnd(13)} ${value}`),
  ];
  const results: Record<string, unknown> = { machine: info, settings };

  if (parts.has('http')) {
    const [rows, contention] = await phase('http', () =>
      benchTrivialQueries(bench, {
        requests: settings.requests,
        warmup: settings.warmup,
        concurrency: settings.concurrency,
        throughputRequests: settings.throughputRequests,
      }),
    );
    results['http'] = rows;
    out.push(
      '',
      `Trivial queries over HTTP/1.1 keep-alive: ${settings.requests} sequential after ${settings.warmup} warm-up; then ${settings.throughputRequests} with ${settings.concurrency} in flight`,
      '',
      trivialTables(rows),
      '',
      contention,
    );
  }
  if (parts.has('filters')) {
    const [{ rows, seed, rssStart, notes }, contention] = await phase('filters', () =>
      benchFilters(bench, {
        clients: settings.clients,
        iterations: settings.filterIterations,
        budgetMs: settings.filterBudgetMs,
      }),
    );
    results['filters'] = { rows, seed, rssStart };
    out.push(
      '',
      `clients(filter) over a seeded fleet (${seed}); server RSS at start ${mib(rssStart)}; each filter: 2 warm-up calls, then up to ${settings.filterIterations} sequential calls or ${settings.filterBudgetMs / 1000} s`,
      '',
      filterTable(rows),
      '',
      ...notes.map((note) => `- ${note}`),
      contention,
    );
  }
  if (parts.has('fanout')) {
    const [{ events, memory }, contention] = await phase('fanout', () =>
      benchFanout(bench, { subscribers: settings.subscribers, rounds: settings.rounds }),
    );
    results['fanout'] = { events, memory };
    out.push(
      '',
      `clientEvents fan-out to ${settings.subscribers} graphql-ws subscribers (one WebSocket each), ${settings.rounds} disconnect + ${settings.rounds} connect rounds of a real agent per variant`,
      '',
      fanoutTables(events, memory),
      '',
      contention,
    );
  }
  out.push(
    '',
    `load (end): ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  console.log(out.join('\n'));
  if (flags.json) {
    await writeFile(resolve(flags.json), `${JSON.stringify(results, null, 2)}\n`);
    progress(`results written to ${flags.json}`);
  }
}

main()
  .then(
    () => 0,
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanups.unwind();
    process.exit(code);
  });
