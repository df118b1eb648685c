// Benchmark: three servers on one PostgreSQL behind HAProxy (docs/examples/haproxy.cfg, as
// written), N protocol-true simulated agents with the real agent's reconnect loop dialling the
// balancer (issue 14: "3 servers × 3,000 simulated agents attach and, after one server is killed,
// the time until all its agents are back"). Usage:
//
//   npm run build && npx tsx bench/cluster-failover.ts [--agents 9000] [--processes 4] [--json FILE]
//
// Figures: cold attach (first dial → every agent held by a server); how the balancer spread them;
// after SIGKILL of the server holding most, the time until 99 % and 100 % of its agents are held
// by the survivors (from the kill; HAProxy's health check takes 1–2 s to mark it down, and the
// agents' backoff is full jitter from 1 s doubling to 30 s), and whether any agent gave up.
// "Held" is each live server's own count (/health clientsHeld), not `online`, which counts a
// dead server's clients until its lease runs out. Everything started here is killed at the end.

import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startHAProxy } from '../test/support/haproxy.js';
import { startPostgres } from '../test/support/postgres.js';
import { killAll } from '../test/support/processes.js';
import { startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, machine, progress } from './common.js';
import { startSimulatedFleet } from './support/simulated-agents.js';

const { values: flags } = parseArgs({
  options: {
    agents: { type: 'string', default: '9000' },
    processes: { type: 'string', default: '4' },
    json: { type: 'string' },
  },
});
const AGENTS = Number(flags.agents);
const PROCESSES = Number(flags.processes);
if (!(AGENTS >= 3 && PROCESSES >= 1)) throw new Error('--agents ≥ 3, --processes ≥ 1');

async function held(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/health`).catch(() => null);
  if (!response?.ok) return 0;
  return ((await response.json()) as { clientsHeld: number }).clientsHeld;
}

/** Polls until `done(total held by the given servers)`; seconds since `from`. */
async function until(
  servers: TestServer[],
  done: (total: number) => boolean,
  from: number,
  limitS: number,
): Promise<number | null> {
  for (;;) {
    const total = (await Promise.all(servers.map(held))).reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - from) / 1000;
    if (done(total)) return seconds;
    if (seconds > limitS) return null;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  const cleanups = createCleanups();
  const result: Record<string, unknown> = { machine: machine(), agents: AGENTS };
  try {
    const postgres = await startPostgres();
    cleanups.add('postgresql', () => postgres.stop());
    const databaseUrl = await postgres.createDatabase('etphonehome');
    const servers: TestServer[] = [];
    for (const name of ['etph-1', 'etph-2', 'etph-3']) {
      const server = await startServer({
        openEnrollment: true,
        env: {
          ETPHONEHOME_DATABASE_URL: databaseUrl,
          ETPHONEHOME_SERVER_NAME: name,
        },
      });
      cleanups.add(name, () => server.close());
      servers.push(server);
    }
    const balancer = await startHAProxy(
      servers.map((server, i) => ({
        name: `etph-${i + 1}`,
        sshPort: server.sshPort,
        httpPort: server.httpPort,
      })),
    );
    cleanups.add('haproxy', () => balancer.stop());
    await new Promise((resolve) => setTimeout(resolve, 2500)); // health checks mark them up

    progress(`attaching ${AGENTS} simulated agents through HAProxy`);
    const dialled = performance.now();
    const agents = await startSimulatedFleet({
      host: '127.0.0.1',
      sshPort: balancer.sshPort,
      count: AGENTS,
      processes: PROCESSES,
      metricsDelayMs: 0,
      reconnect: true,
      attempts: 10,
    });
    cleanups.add('simulated agents', () => agents.stop());
    const attachS = await until(servers, (total) => total >= AGENTS, dialled, 900);
    result['attach_seconds'] = attachS;
    const spread = await Promise.all(servers.map(held));
    result['spread'] = spread;
    progress(`attached in ${attachS?.toFixed(1)} s; held ${spread.join(' / ')}`);

    const victim = spread.indexOf(Math.max(...spread));
    const moving = spread[victim] ?? 0;
    const survivors = servers.filter((_, i) => i !== victim);
    const base = spread.reduce((a, b) => a + b, 0) - moving;
    progress(`SIGKILL etph-${victim + 1} (${moving} agents)`);
    const killed = performance.now();
    await servers[victim]!.stop('SIGKILL');
    const p99 = await until(survivors, (t) => t - base >= Math.ceil(moving * 0.99), killed, 600);
    const all = await until(survivors, (t) => t - base >= moving, killed, 600);
    const counters = await agents.counters();
    result['failover'] = {
      moved: moving,
      back_99_percent_s: p99,
      back_all_s: all,
      dropped_links: counters.dropped,
      reconnect_waits: counters.waits,
    };
    progress(`back: 99 % in ${p99?.toFixed(1)} s, all in ${all?.toFixed(1)} s`);
    console.log(JSON.stringify(result, null, 2));
    if (flags.json) await writeFile(flags.json, JSON.stringify(result, null, 2));
  } finally {
    await cleanups.unwind();
    await killAll();
  }
}

await main();
