// Part "http" of bench/graphql.ts: the floor of the API. A trivial query and an empty
// `clients(filter)` on an empty server: sequential latency after a warm-up, then throughput
// with N requests in flight (keep-alive connections, one per request in flight).

import { join } from 'node:path';
import {
  measureSequential,
  measureThroughput,
  request,
  requestBody,
  type Throughput,
} from './graphql-http.js';
import { launchServer, openPoster, progress, serverCpuMs, type Bench } from './graphql-harness.js';
import { markdownTable, ms } from './graphql-report.js';
import type { Summary } from './stats.js';

export interface TrivialOptions {
  requests: number;
  warmup: number;
  concurrency: number;
  throughputRequests: number;
}

export interface TrivialRow {
  query: string;
  sequential: Summary;
  throughput: Throughput;
  /** Server CPU time (user + system) per request, µs: sequential, then concurrent. */
  cpuSequentialUs: number;
  cpuConcurrentUs: number;
}

const QUERIES = [
  { name: '{ __typename }', body: requestBody('{ __typename }') },
  {
    name: 'clients(filter: {tags: ["nope"]}) { clientId }',
    body: requestBody('{ clients(filter: { tags: ["nope"] }) { clientId } }'),
  },
];

export async function benchTrivialQueries(
  bench: Bench,
  options: TrivialOptions,
): Promise<TrivialRow[]> {
  progress('http: starting the server (empty fleet)');
  const server = await launchServer(bench, { dataDir: join(bench.tmp, 'http') });
  const one = openPoster(bench, server, 1);
  const many = openPoster(bench, server, options.concurrency);
  const rows: TrivialRow[] = [];
  const cpuUs = async () => (await serverCpuMs(server)) * 1000;
  for (const { name, body } of QUERIES) {
    for (let i = 0; i < options.warmup; i += 1) await request(one, body);
    let cpu = await cpuUs();
    const seq = await measureSequential(() => request(one, body), {
      count: options.requests,
      warmup: 0,
    });
    const cpuSequentialUs = ((await cpuUs()) - cpu) / seq.summary.count;
    progress(
      `http ${name}: ${seq.summary.count} sequential in ${seq.seconds.toFixed(1)} s, p50 ${ms(seq.summary.p50)} ms, p99 ${ms(seq.summary.p99)} ms`,
    );
    const callMany = () => request(many, body);
    await measureThroughput(callMany, { total: options.warmup, concurrency: options.concurrency });
    cpu = await cpuUs();
    const throughput = await measureThroughput(callMany, {
      total: options.throughputRequests,
      concurrency: options.concurrency,
    });
    progress(
      `http ${name}: ${throughput.requests} with ${throughput.concurrency} in flight, ${throughput.perSecond.toFixed(0)} req/s`,
    );
    const cpuConcurrentUs = ((await cpuUs()) - cpu) / throughput.requests;
    rows.push({
      query: name,
      sequential: seq.summary,
      throughput,
      cpuSequentialUs,
      cpuConcurrentUs,
    });
  }
  return rows;
}

export function trivialTables(rows: readonly TrivialRow[]): string {
  const sequential = markdownTable(
    [
      'query (sequential, keep-alive)',
      'requests',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'mean ms',
      'server CPU µs/req',
    ],
    rows.map(({ query, sequential: s, cpuSequentialUs }) => [
      query,
      String(s.count),
      ms(s.p50),
      ms(s.p90),
      ms(s.p99),
      ms(s.mean),
      cpuSequentialUs.toFixed(0),
    ]),
  );
  const throughput = markdownTable(
    [
      'query (concurrent)',
      'in flight',
      'requests',
      'req/s',
      'p50 ms',
      'p99 ms',
      'server CPU µs/req',
    ],
    rows.map(({ query, throughput: t, cpuConcurrentUs }) => [
      query,
      String(t.concurrency),
      String(t.requests),
      t.perSecond.toFixed(0),
      ms(t.summary.p50),
      ms(t.summary.p99),
      cpuConcurrentUs.toFixed(0),
    ]),
  );
  return `${sequential}\n\n${throughput}`;
}
