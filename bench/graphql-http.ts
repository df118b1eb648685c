// GraphQL over HTTP for benchmarks: a minimal POST client on node:http with keep-alive (no
// fetch, whose per-request overhead is larger than the server's for a trivial query), and the
// two ways we time it: one request at a time, and N in flight.

import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats.js';

export interface GraphQLResponse {
  data?: Record<string, unknown>;
  errors?: { message: string }[];
}

export interface Poster {
  /** POSTs a prepared JSON body; resolves with the parsed answer and its size in bytes. */
  post(body: string): Promise<{ json: GraphQLResponse; bytes: number }>;
  close(): void;
}

/** A JSON request body, serialised once so that timing loops only send it. */
export function requestBody(query: string, variables?: Record<string, unknown>): string {
  return JSON.stringify(variables ? { query, variables } : { query });
}

export function createPoster(options: { url: string; apiKey: string; sockets: number }): Poster {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets });
  const target = new URL('/graphql', options.url);
  return {
    post(body) {
      return new Promise((resolve, reject) => {
        const req = http.request(
          target,
          {
            agent,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              authorization: `Bearer ${options.apiKey}`,
              'content-length': Buffer.byteLength(body),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', reject);
            res.on('end', () => {
              const raw = Buffer.concat(chunks);
              if (res.statusCode !== 200) {
                reject(new Error(`HTTP ${res.statusCode}: ${raw.toString('utf8').slice(0, 300)}`));
                return;
              }
              try {
                resolve({
                  json: JSON.parse(raw.toString('utf8')) as GraphQLResponse,
                  bytes: raw.length,
                });
              } catch (error) {
                reject(error as Error);
              }
            });
          },
        );
        req.on('socket', (socket) => socket.setNoDelay(true));
        req.on('error', reject);
        req.end(body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** Posts and fails on GraphQL errors; resolves with `data` and the response size. */
export async function request(
  poster: Poster,
  body: string,
): Promise<{ data: Record<string, unknown>; bytes: number }> {
  const { json, bytes } = await poster.post(body);
  if (json.errors && json.errors.length > 0)
    throw new Error(`GraphQL errors: ${json.errors.map((e) => e.message).join('; ')}`);
  if (!json.data) throw new Error('GraphQL answer without data');
  return { data: json.data, bytes };
}

export interface Sequential {
  summary: Summary;
  seconds: number;
}

/**
 * `warmup` untimed calls, then timed calls one at a time: `count` of them, or fewer when
 * `budgetMs` runs out first (never fewer than `minCount`).
 */
export async function measureSequential(
  call: () => Promise<unknown>,
  options: { count: number; warmup: number; budgetMs?: number; minCount?: number },
): Promise<Sequential> {
  for (let i = 0; i < options.warmup; i += 1) await call();
  const samples: number[] = [];
  const started = performance.now();
  const deadline = started + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  const minCount = Math.min(options.count, options.minCount ?? 1);
  while (samples.length < options.count) {
    if (samples.length >= minCount && performance.now() > deadline) break;
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  return { summary: summarize(samples), seconds: (performance.now() - started) / 1000 };
}

export interface Throughput {
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  summary: Summary;
}

/** `total` calls by `concurrency` workers, each starting its next call when one settles. */
export async function measureThroughput(
  call: () => Promise<unknown>,
  options: { total: number; concurrency: number },
): Promise<Throughput> {
  const samples: number[] = [];
  let started = 0;
  const begin = performance.now();
  const worker = async () => {
    while (started < options.total) {
      started += 1;
      const t0 = performance.now();
      await call();
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  return {
    concurrency: options.concurrency,
    requests: samples.length,
    seconds,
    perSecond: samples.length / seconds,
    summary: summarize(samples),
  };
}
