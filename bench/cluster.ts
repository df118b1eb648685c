// Benchmark: several servers on one PostgreSQL (issue 14) — what spanning servers costs, measured
// on real servers (dist/) and a throwaway PostgreSQL 15 started here. Usage:
//
//   npm run build && npx tsx bench/cluster.ts [--events 300] [--reads 500] [--json FILE]
//
// Rows:
//   event, same server     a client.updated event caused through server 1 (updateClient), seen by
//                          a graphql-ws subscriber on server 1: from the event's own timestamp
//                          (taken before its row is written) to its arrival;
//   event, across servers  the same event seen by a subscriber on server 2 at the same time;
//   read after a write     updateClient through server 1, then client(id) through server 2, which
//                          must already answer the new value (fleet.caughtUp: one notification's
//                          round trip); the read's own latency;
//   read, SQLite server    the same client(id) read on a one-server SQLite deployment, for scale;
//   runCommand, direct     `true` on the agent through the server that holds it (the routed
//                          row, through another server, is bench/routing.ts).
// Everything started here is killed at the end, error or not.

import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAgent, type TestAgent } from '../test/support/agent.js';
import {
  ClientDocument,
  ClientEventsSubscription,
  RunCommandDocument,
  UpdateClientDocument,
} from '../test/support/operations.js';
import { startPostgres } from '../test/support/postgres.js';
import { killAll } from '../test/support/processes.js';
import { startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, machine, progress } from './common.js';
import { ratio, summarize, type Summary } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    events: { type: 'string', default: '300' },
    reads: { type: 'string', default: '500' },
    json: { type: 'string' },
  },
});
const EVENTS = Number(flags.events);
const READS = Number(flags.reads);
if (!(EVENTS >= 10 && READS >= 10)) throw new Error('--events and --reads: at least 10');

interface Watcher {
  arrivals: Map<string, number>;
  close(): void;
}

/** Subscribes to client.updated on `server`, noting when each purpose arrives. */
async function watch(server: TestServer): Promise<Watcher> {
  const subscription = await server.subscribe(ClientEventsSubscription, {
    filter: { events: ['client.updated'] },
  });
  const arrivals = new Map<string, number>();
  void (async () => {
    for await (const result of subscription.results) {
      const event = result.data?.clientEvents;
      if (!event) continue;
      const purpose = /bench-\d+/.exec(JSON.stringify(event.data))?.[0];
      if (purpose)
        arrivals.set(purpose, Date.now() - new Date(event.timestamp as string).getTime());
    }
  })().catch(() => undefined);
  return { arrivals, close: () => subscription.close() };
}

async function main(): Promise<void> {
  const cleanups = createCleanups();
  try {
    progress('starting PostgreSQL and two servers');
    const postgres = await startPostgres();
    cleanups.add('PostgreSQL', () => postgres.stop());
    const databaseUrl = await postgres.createDatabase('bench');
    const servers: TestServer[] = [];
    for (const name of ['bench-1', 'bench-2']) {
      const server = await startServer({
        openEnrollment: true,
        env: { ETPHONEHOME_DATABASE_URL: databaseUrl, ETPHONEHOME_SERVER_NAME: name },
      });
      cleanups.add(name, () => server.close());
      servers.push(server);
    }
    const [first, second] = servers as [TestServer, TestServer];
    const agent: TestAgent = await createAgent(first);
    cleanups.add('agent', () => agent.close());
    await agent.start();
    await agent.waitOnline(first);

    progress(`events: ${EVENTS} updates through server 1, watched on servers 1 and 2`);
    const here = await watch(first);
    const there = await watch(second);
    const purposes: string[] = [];
    for (let i = 0; i < EVENTS; i += 1) {
      const purpose = `bench-${i}`;
      purposes.push(purpose);
      await first.gql.request(UpdateClientDocument, { id: agent.uuid, input: { purpose } });
      // One at a time, so that each event's latency is its own, not a queue's.
      const deadline = Date.now() + 10_000;
      while (!(here.arrivals.has(purpose) && there.arrivals.has(purpose))) {
        if (Date.now() > deadline) throw new Error(`event ${purpose} not seen on both servers`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    here.close();
    there.close();
    const sameServer = summarize(purposes.map((p) => here.arrivals.get(p)!));
    const acrossServers = summarize(purposes.map((p) => there.arrivals.get(p)!));

    progress(`reads: ${READS} writes through server 1, each read back through server 2`);
    const readTimes: number[] = [];
    let stale = 0;
    for (let i = 0; i < READS; i += 1) {
      const purpose = `read-${i}`;
      await first.gql.request(UpdateClientDocument, { id: agent.uuid, input: { purpose } });
      const started = performance.now();
      const read = await second.gql.request(ClientDocument, { id: agent.uuid });
      readTimes.push(performance.now() - started);
      if (read.client?.purpose !== purpose) stale += 1;
    }
    const readAfterWrite = summarize(readTimes);

    progress('runCommand on the holder');
    const commandTimes: number[] = [];
    for (let i = 0; i < READS; i += 1) {
      const started = performance.now();
      await first.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'true' });
      commandTimes.push(performance.now() - started);
    }
    const direct = summarize(commandTimes);

    progress('the same read on a one-server SQLite deployment');
    const sqlite = await startServer({ openEnrollment: true });
    cleanups.add('SQLite server', () => sqlite.close());
    const local = await createAgent(sqlite);
    cleanups.add('SQLite agent', () => local.close());
    await local.start();
    await local.waitOnline(sqlite);
    const sqliteTimes: number[] = [];
    for (let i = 0; i < READS; i += 1) {
      const started = performance.now();
      await sqlite.gql.request(ClientDocument, { id: local.uuid });
      sqliteTimes.push(performance.now() - started);
    }
    const sqliteRead = summarize(sqliteTimes);

    const rows: [string, Summary][] = [
      ['event, same server', sameServer],
      ['event, across servers', acrossServers],
      ['read after a write (server 2)', readAfterWrite],
      ['read, SQLite server', sqliteRead],
      ['runCommand, direct', direct],
    ];
    const line = (cells: string[]) => console.log(cells.map((c) => c.padEnd(32)).join(''));
    line(['', 'p50 ms', 'p99 ms', 'max ms']);
    for (const [name, s] of rows)
      line([name, s.p50.toFixed(2), s.p99.toFixed(2), s.max.toFixed(2)]);
    console.log(`stale reads after a write on another server: ${stale} of ${READS}`);
    console.log(
      `across servers / same server (p50): ${ratio(acrossServers.p50, sameServer.p50).toFixed(2)}×; read on PostgreSQL with caughtUp / SQLite (p50): ${ratio(readAfterWrite.p50, sqliteRead.p50).toFixed(2)}×`,
    );
    if (flags.json) {
      await writeFile(
        flags.json,
        JSON.stringify({ machine: machine(), rows: Object.fromEntries(rows), stale }, null, 2),
      );
    }
  } finally {
    await cleanups.unwind();
    await killAll();
  }
}

await main();
