// Part "filters" of bench/graphql.ts: `clients(filter)` over a big fleet. The clients are
// seeded straight into SQLite between a first start (which runs the migrations) and a restart,
// then each selective filter is timed sequentially; `clientsConnection` pages too, when the
// server's schema has the field.

import { join } from 'node:path';
import type { TestServer } from '../test/support/server.js';
import { measureSequential, request, requestBody, type Poster } from './graphql-http.js';
import {
  launchServer,
  openPoster,
  progress,
  serverCpuMs,
  serverRss,
  type Bench,
} from './graphql-harness.js';
import { kib, markdownTable, mib, ms } from './graphql-report.js';
import { seedClients } from './seed-clients.js';
import type { Summary } from './stats.js';

export interface FilterOptions {
  clients: number;
  /** Timed calls per filter at most, and the time budget that may cut them short. */
  iterations: number;
  budgetMs: number;
}

export interface FilterRow {
  name: string;
  results: number;
  responseBytes: number;
  summary: Summary;
  /** Server CPU time per timed call (user + system), ms. */
  serverCpuMs: number;
  rssAfter: number;
}

export interface FilterResults {
  rows: FilterRow[];
  seed: string;
  rssStart: number;
  notes: string[];
}

const CLIENT_FIELDS = 'clientId displayName purpose tags { name } capabilities online health';
const CLIENTS_QUERY = `query Clients($filter: ClientFilter) { clients(filter: $filter) { ${CLIENT_FIELDS} } }`;
const connectionQuery = (totalCount: boolean) =>
  `query ClientsPage($filter: ClientFilter, $first: Int, $after: String) {
  clientsConnection(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${CLIENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }${totalCount ? '\n    totalCount' : ''}
  }
}`;

/** The filters timed; the seeded fleet (seed 1) makes their result sizes reproducible. */
const FILTER_CASES: { name: string; filter: Record<string, unknown> }[] = [
  { name: 'tags: critical + backup', filter: { tags: ['critical', 'backup'] } },
  {
    name: 'tags: production + eu-west + database',
    filter: { tags: ['production', 'eu-west', 'database'] },
  },
  {
    name: 'capabilities: nvidia-gpu + kubectl',
    filter: { capabilities: ['nvidia-gpu', 'kubectl'] },
  },
  { name: 'query: "eu-west-0421" (rare)', filter: { query: 'eu-west-0421' } },
  { name: 'query: no match', filter: { query: 'no-such-host' } },
  {
    name: 'purpose: "PostgreSQL replica (billing)"',
    filter: { purpose: 'PostgreSQL replica (billing)' },
  },
  {
    name: 'tags production + database, capability docker, purpose "replica"',
    filter: { tags: ['production', 'database'], capabilities: ['docker'], purpose: 'replica' },
  },
  {
    name: 'onlineOnly + tags critical + backup',
    filter: { onlineOnly: true, tags: ['critical', 'backup'] },
  },
  { name: 'onlineOnly (nobody online)', filter: { onlineOnly: true } },
];

/** The broad filter (~40 % of the fleet) the connection pages through. */
const BROAD = { tags: ['production'] };

interface ConnectionPage {
  edges: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export async function benchFilters(bench: Bench, options: FilterOptions): Promise<FilterResults> {
  const dataDir = join(bench.tmp, 'filters');
  progress('filters: starting the server once to create the database');
  const server = await launchServer(bench, { dataDir });
  await server.stop();
  progress(`filters: seeding ${options.clients} clients`);
  const seeded = await seedClients(join(dataDir, 'etphonehome.db'), { count: options.clients });
  const seed = `${seeded.clients} clients, ${seeded.tagLinks} tag links, ${seeded.tags} tags, seeded in ${(seeded.ms / 1000).toFixed(1)} s`;
  progress(`filters: ${seed}`);
  await server.restart();
  const poster = openPoster(bench, server, 1);
  const rssStart = await serverRss(server);
  const rows: FilterRow[] = [];
  const notes: string[] = [];
  const time = (name: string, body: string, count: (data: Record<string, unknown>) => number) =>
    timeOne({ poster, server, options }, name, body, count);

  for (const { name, filter } of FILTER_CASES) {
    const body = requestBody(CLIENTS_QUERY, { filter });
    rows.push(await time(name, body, (data) => (data['clients'] as unknown[]).length));
  }

  const probe = await poster.post(requestBody(connectionQuery(false), { filter: BROAD, first: 1 }));
  if (probe.json.errors?.some((e) => /Cannot query field "clientsConnection"/.test(e.message))) {
    notes.push('clientsConnection is not in this build’s schema: its rows are skipped.');
    return { rows, seed, rssStart, notes };
  }
  const edges = (data: Record<string, unknown>) =>
    (data['clientsConnection'] as ConnectionPage).edges.length;
  const pages: { name: string; body: () => Promise<string> }[] = [
    {
      name: 'clientsConnection(tags: production, first: 50)',
      body: async () => requestBody(connectionQuery(false), { filter: BROAD, first: 50 }),
    },
    {
      name: 'the same with totalCount',
      body: async () => requestBody(connectionQuery(true), { filter: BROAD, first: 50 }),
    },
    {
      name: 'the same, first: 50 after the 20,000th',
      body: async () =>
        requestBody(connectionQuery(false), {
          filter: BROAD,
          first: 50,
          after: await cursorAfter(poster, BROAD, 20_000),
        }),
    },
  ];
  for (const page of pages) {
    try {
      rows.push(await time(page.name, await page.body(), edges));
    } catch (error) {
      notes.push(`${page.name}: skipped (${(error as Error).message})`);
    }
  }
  return { rows, seed, rssStart, notes };
}

/** One filter: its result size from a first call, then the timed calls. */
async function timeOne(
  { poster, server, options }: { poster: Poster; server: TestServer; options: FilterOptions },
  name: string,
  body: string,
  count: (data: Record<string, unknown>) => number,
): Promise<FilterRow> {
  const first = await request(poster, body);
  const results = count(first.data);
  const cpuBefore = await serverCpuMs(server);
  const seq = await measureSequential(() => request(poster, body), {
    count: options.iterations,
    warmup: 2,
    budgetMs: options.budgetMs,
    minCount: 5,
  });
  // The two warm-up calls ran on the server too.
  const cpu = ((await serverCpuMs(server)) - cpuBefore) / (seq.summary.count + 2);
  const rssAfter = await serverRss(server);
  progress(
    `filters ${name}: ${results} results, ${seq.summary.count} calls, p50 ${ms(seq.summary.p50)} ms, p99 ${ms(seq.summary.p99)} ms, server CPU ${ms(cpu)} ms/call, RSS ${mib(rssAfter)}`,
  );
  return {
    name,
    results,
    responseBytes: first.bytes,
    summary: seq.summary,
    serverCpuMs: cpu,
    rssAfter,
  };
}

/** The end cursor after `skip` results of a connection, paging 500 (or 100) at a time. */
async function cursorAfter(
  poster: Poster,
  filter: Record<string, unknown>,
  skip: number,
): Promise<string | null> {
  let after: string | null = null;
  let seen = 0;
  let pageSize = 500;
  while (seen < skip) {
    const body = requestBody(connectionQuery(false), {
      filter,
      first: Math.min(pageSize, skip - seen),
      after,
    });
    const { json } = await poster.post(body);
    if (json.errors?.length) {
      if (pageSize === 500) {
        pageSize = 100;
        continue;
      }
      throw new Error(json.errors.map((e) => e.message).join('; '));
    }
    const page = (json.data as { clientsConnection: ConnectionPage }).clientsConnection;
    seen += page.edges.length;
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) break;
  }
  return after;
}

export function filterTable(rows: readonly FilterRow[]): string {
  return markdownTable(
    [
      'filter',
      'results',
      'KiB',
      'calls',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'server CPU ms/call',
      'server RSS after',
    ],
    rows.map((row) => [
      row.name,
      String(row.results),
      kib(row.responseBytes),
      String(row.summary.count),
      ms(row.summary.p50),
      ms(row.summary.p90),
      ms(row.summary.p99),
      ms(row.serverCpuMs),
      mib(row.rssAfter),
    ]),
  );
}
