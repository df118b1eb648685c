// Part "fanout" of bench/graphql.ts: one fleet event to many graphql-ws subscribers. A real
// `phonehome` agent disconnects and connects to cause `client.disconnected` and
// `client.connected`; every subscriber notes when it has the event. Two subscriptions: the
// event's own fields, and the same plus its `client` (resolved per subscriber on the server).

import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createAgent } from '../test/support/agent.js';
import { launchServer, progress, serverRss, sleep, type Bench } from './graphql-harness.js';
import { markdownTable, mib, ms } from './graphql-report.js';
import { createSubscriberPool, type Delivery, type SubscriberPool } from './graphql-subscribers.js';
import { summarize } from './stats.js';

export interface FanoutOptions {
  subscribers: number;
  /** Each round is one disconnect and one connect. */
  rounds: number;
}

export interface EventRow {
  variant: string;
  event: string;
  /** Per event, in ms: from its timestamp to the first and the last subscriber having it, and
   * from the cause (agent spawned or sent SIGTERM) to the last. */
  toFirst: number[];
  toLast: number[];
  causeToLast: number[];
}

export interface MemoryRow {
  variant: string;
  attachSeconds: number;
  rssBefore: number;
  rssAttached: number;
  rssAfterRounds: number;
  rssClosed: number;
  benchRss: number;
}

const VARIANTS = [
  {
    name: 'event fields only',
    query: 'subscription { clientEvents { id event timestamp } }',
  },
  {
    name: 'with client { clientId online tags }',
    query:
      'subscription { clientEvents { id event timestamp client { clientId online tags { name } } } }',
  },
];

type AgentEvent = 'client.connected' | 'client.disconnected';
const ROUND: readonly AgentEvent[] = ['client.disconnected', 'client.connected'];

export async function benchFanout(
  bench: Bench,
  options: FanoutOptions,
): Promise<{ events: EventRow[]; memory: MemoryRow[] }> {
  progress('fanout: starting the server (open enrollment) and a phonehome agent config');
  const server = await launchServer(bench, {
    dataDir: join(bench.tmp, 'fanout'),
    openEnrollment: true,
  });
  const agent = await createAgent(server);
  bench.cleanups.add('agent', () => agent.close());
  const url = `ws://127.0.0.1:${server.httpPort}/graphql`;
  const events: EventRow[] = [];
  const memory: MemoryRow[] = [];
  let lastId = 0;

  /** Causes one event through the agent and waits until every subscriber has it. */
  const cause = async (pool: SubscriberPool, event: AgentEvent) => {
    const causedAt = performance.timeOrigin + performance.now();
    if (event === 'client.connected') await agent.start();
    else await agent.stop('SIGTERM');
    const delivery: Delivery = await pool.waitForAll(event, lastId, 30_000);
    lastId = delivery.id;
    return { delivery, causedAt };
  };

  for (const variant of VARIANTS) {
    await sleep(1000);
    const rssBefore = await serverRss(server);
    progress(`fanout (${variant.name}): opening ${options.subscribers} subscribers`);
    const t0 = performance.now();
    const pool = await createSubscriberPool({
      url,
      apiKey: server.apiKey,
      size: options.subscribers,
      query: variant.query,
    });
    const attachSeconds = (performance.now() - t0) / 1000;
    // graphql-ws does not acknowledge a subscription: give the server time to start them all;
    // the warm-up event then proves that every one is live.
    await sleep(2000);
    const rssAttached = await serverRss(server);
    await cause(pool, 'client.connected');
    const rows = new Map<AgentEvent, EventRow>(
      ROUND.map((event) => [
        event,
        { variant: variant.name, event, toFirst: [], toLast: [], causeToLast: [] },
      ]),
    );
    for (let round = 0; round < options.rounds; round += 1) {
      for (const event of ROUND) {
        await sleep(500);
        const { delivery, causedAt } = await cause(pool, event);
        const first = Math.min(...delivery.received);
        const last = Math.max(...delivery.received);
        const row = rows.get(event) as EventRow;
        row.toFirst.push(first - delivery.timestampMs);
        row.toLast.push(last - delivery.timestampMs);
        row.causeToLast.push(last - causedAt);
        progress(
          `fanout (${variant.name}) ${event} #${delivery.id}: timestamp → last ${ms(last - delivery.timestampMs)} ms`,
        );
      }
    }
    const rssAfterRounds = await serverRss(server);
    const benchRss = process.memoryUsage().rss;
    await pool.close();
    await agent.stop('SIGTERM');
    await sleep(2000);
    const rssClosed = await serverRss(server);
    events.push(...rows.values());
    memory.push({
      variant: variant.name,
      attachSeconds,
      rssBefore,
      rssAttached,
      rssAfterRounds,
      rssClosed,
      benchRss,
    });
  }
  return { events, memory };
}

export function fanoutTables(events: readonly EventRow[], memory: readonly MemoryRow[]): string {
  const latency = markdownTable(
    [
      'subscription selects',
      'event',
      'events',
      'ts → first p50 ms',
      'ts → last p50 ms',
      'ts → last max ms',
      'cause → last p50 ms',
    ],
    events.map((row) => [
      row.variant,
      row.event,
      String(row.toLast.length),
      ms(summarize(row.toFirst).p50),
      ms(summarize(row.toLast).p50),
      ms(summarize(row.toLast).max),
      ms(summarize(row.causeToLast).p50),
    ]),
    2,
  );
  const rss = markdownTable(
    [
      'subscription selects',
      'attach s',
      'server RSS before',
      'attached',
      'after rounds',
      'closed (+2 s)',
      'bench RSS',
    ],
    memory.map((m) => [
      m.variant,
      m.attachSeconds.toFixed(1),
      mib(m.rssBefore),
      mib(m.rssAttached),
      mib(m.rssAfterRounds),
      mib(m.rssClosed),
      mib(m.benchRss),
    ]),
  );
  return `${latency}\n\n${rss}`;
}
