// Benchmark: a routed call (issue 14) against a direct one, on loopback. Two real servers
// (dist/) on a throwaway PostgreSQL 15, one agent attached to server 1; `runCommand` of `true`
// through server 1 (direct: its own SSH link) and through server 2 (routed: the /peer channel
// to server 1, which calls its link), interleaved one by one so both see the same load. Usage:
//
//   npm run build && npx tsx bench/routing.ts [--calls 500] [--json FILE]
//
// Each call is timed from the GraphQL request to its answer, so both rows include a whole HTTP
// request and the gate; the difference is the hop. Everything started here is killed at the end.

import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAgent } from '../test/support/agent.js';
import { RunCommandDocument } from '../test/support/operations.js';
import { startPostgres } from '../test/support/postgres.js';
import { killAll } from '../test/support/processes.js';
import { startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, freePort, machine, progress } from './common.js';
import { ratio, summarize } from './stats.js';

const { values: flags } = parseArgs({
  options: { calls: { type: 'string', default: '500' }, json: { type: 'string' } },
});
const CALLS = Number(flags.calls);
if (!(CALLS >= 10)) throw new Error('--calls: at least 10');

async function timed(server: TestServer, uuid: string): Promise<number> {
  const started = performance.now();
  const { runCommand } = await server.gql.request(RunCommandDocument, {
    clientId: uuid,
    cmd: 'true',
  });
  if (runCommand.returncode !== 0) throw new Error(`runCommand through ${server.url} failed`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const cleanups = createCleanups();
  try {
    progress('starting PostgreSQL and two servers with peer URLs');
    const postgres = await startPostgres();
    cleanups.add('PostgreSQL', () => postgres.stop());
    const databaseUrl = await postgres.createDatabase('bench');
    const servers: TestServer[] = [];
    for (const name of ['bench-1', 'bench-2']) {
      const httpPort = await freePort();
      const server = await startServer({
        openEnrollment: true,
        httpPort,
        env: {
          ETPHONEHOME_DATABASE_URL: databaseUrl,
          ETPHONEHOME_SERVER_NAME: name,
          ETPHONEHOME_PEER_URL: `http://127.0.0.1:${httpPort}`,
        },
      });
      cleanups.add(name, () => server.close());
      servers.push(server);
    }
    const [holder, entry] = servers as [TestServer, TestServer];
    const agent = await createAgent(holder);
    cleanups.add('agent', () => agent.close());
    await agent.start();
    await agent.waitOnline(holder);
    progress('waiting for server 2 to see the hold, then warming up');
    for (let deadline = Date.now() + 30_000; ;) {
      try {
        await timed(entry, agent.uuid);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    for (let i = 0; i < 50; i += 1) {
      await timed(holder, agent.uuid);
      await timed(entry, agent.uuid);
    }
    progress(`${CALLS} calls each, direct and routed, interleaved`);
    const direct: number[] = [];
    const routed: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      direct.push(await timed(holder, agent.uuid));
      routed.push(await timed(entry, agent.uuid));
    }
    const rows = { direct: summarize(direct), routed: summarize(routed) };
    const line = (cells: string[]) => console.log(cells.map((c) => c.padEnd(24)).join(''));
    line(['runCommand', 'p50 ms', 'p99 ms', 'max ms']);
    for (const [name, s] of Object.entries(rows))
      line([name, s.p50.toFixed(2), s.p99.toFixed(2), s.max.toFixed(2)]);
    console.log(
      `routed − direct: p50 ${(rows.routed.p50 - rows.direct.p50).toFixed(2)} ms, p99 ${(rows.routed.p99 - rows.direct.p99).toFixed(2)} ms; routed / direct (p50): ${ratio(rows.routed.p50, rows.direct.p50).toFixed(2)}×`,
    );
    if (flags.json)
      await writeFile(flags.json, JSON.stringify({ machine: machine(), rows }, null, 2));
  } finally {
    await cleanups.unwind();
    await killAll();
  }
}

await main();
