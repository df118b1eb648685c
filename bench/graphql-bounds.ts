// Benchmark: what one operation the cost estimate allows can cost while it runs, with the bounds
// of src/graphql/answer-bounds.ts and without them (issue 17, item 3). A real `etphonehome
// server` (dist/) over N clients seeded straight into SQLite; the operation is
// `{ tags { name clients { uuid clientId displayName online } } }` — estimated at 100 tags × 100
// clients, really every tag link of the fleet. While it runs, a second connection sends
// `{ __typename }` every 5 ms: its slowest answer is how long the server's event loop (where
// the agents' keepalives are answered) was held.
//
//   npm run build && npx tsx bench/graphql-bounds.ts [--clients 100000] [--json FILE]

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, machine, progress } from './common.js';
import { serverRss } from './graphql-harness.js';
import { createPoster, requestBody, type Poster } from './graphql-http.js';
import { markdownTable, mib, ms } from './graphql-report.js';
import { seedClients } from './seed-clients.js';

const { values: flags } = parseArgs({
  options: {
    clients: { type: 'string', default: '100000' },
    json: { type: 'string' },
  },
  strict: true,
});

const QUERY = '{ tags { name clients { uuid clientId displayName online } } }';
const PING = requestBody('{ __typename }');

interface Row {
  bounds: string;
  outcome: string;
  ms: number;
  loopHeldMs: number;
  bytes: number;
  rssBefore: number;
  rssAfter: number;
}

async function measure(poster: Poster, pinger: Poster, server: TestServer, bounds: string) {
  const rssBefore = await serverRss(server);
  let running = true;
  let slowest = 0;
  const pings = (async () => {
    while (running) {
      const started = performance.now();
      await pinger.post(PING);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  const started = performance.now();
  const reply = await poster.post(requestBody(QUERY));
  const elapsed = performance.now() - started;
  running = false;
  await pings;
  const error = reply.json.errors?.[0] as
    { message: string; extensions?: Record<string, unknown> } | undefined;
  const outcome = error
    ? `refused: ${String(error.extensions?.['limit'] ?? error.extensions?.['code'])}`
    : `${(reply.json.data?.['tags'] as unknown[]).length} tags sent`;
  return {
    bounds,
    outcome,
    ms: elapsed,
    loopHeldMs: slowest,
    bytes: reply.bytes,
    rssBefore,
    rssAfter: await serverRss(server),
  } satisfies Row;
}

const cleanups = createCleanups();
const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-bounds-'));
cleanups.add('tmp', () => rm(tmp, { recursive: true, force: true }));
const rows: Row[] = [];
try {
  const dataDir = join(tmp, 'data');
  const first = await startServer({ dataDir, env: { ETPHONEHOME_LOG_LEVEL: 'info' } });
  await first.stop();
  progress(`seeding ${flags.clients} clients`);
  const seeded = await seedClients(join(dataDir, 'etphonehome.db'), {
    count: Number(flags.clients),
  });
  progress(`${seeded.clients} clients, ${seeded.tagLinks} tag links, ${seeded.tags} tags`);
  const runs: { bounds: string; env: Record<string, string> }[] = [
    { bounds: 'defaults (500,000 fields, 64 MiB)', env: {} },
    {
      bounds: 'none (limits raised to their maxima)',
      env: {
        ETPHONEHOME_GRAPHQL_MAX_FIELDS: '100000000',
        ETPHONEHOME_GRAPHQL_MAX_RESPONSE_BYTES: String(1024 ** 3),
      },
    },
  ];
  for (const run of runs) {
    await first.close();
    const server = await startServer({
      dataDir,
      env: {
        ETPHONEHOME_LOG_LEVEL: 'info',
        ...run.env,
      },
    });
    cleanups.add('server', () => server.close());
    const poster = createPoster({ url: server.url, apiKey: server.apiKey, sockets: 1 });
    const pinger = createPoster({ url: server.url, apiKey: server.apiKey, sockets: 1 });
    // Warm: the client index loads, the schema compiles.
    await poster.post(requestBody('{ tags { name clientCount } }'));
    progress(`running with bounds: ${run.bounds}`);
    const row = await measure(poster, pinger, server, run.bounds);
    rows.push(row);
    progress(JSON.stringify(row));
    poster.close();
    pinger.close();
    await server.close();
  }
  console.log(`\n## One operation the estimate allows, over ${seeded.clients} clients\n`);
  console.log(
    markdownTable(
      [
        'bounds',
        'outcome',
        'ms until answered',
        'event loop held (slowest ping, ms)',
        'bytes sent',
        'server RSS before → after',
      ],
      rows.map((r) => [
        r.bounds,
        r.outcome,
        ms(r.ms),
        ms(r.loopHeldMs),
        String(r.bytes),
        `${mib(r.rssBefore)} → ${mib(r.rssAfter)}`,
      ]),
    ),
  );
  if (flags.json)
    await writeFile(flags.json, JSON.stringify({ machine: machine(), seeded, rows }, null, 2));
} finally {
  await cleanups.unwind();
}
