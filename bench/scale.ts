// Benchmark: one server at fleet scale (issue 13) — every figure of the goals table,
// printed beside its goal. Usage:
//
//   npm run build && npx tsx bench/scale.ts [--agents 10000] [--clients 100000] [--processes N]
//                                           [--idle-s 60] [--json FILE] [--skip-filters]
//                                           [--cpu-prof DIR] [--count-statements DIR]
//                                           [--no-call-line] [--no-agent-keepalive]
//                                           [--sources N] [--wave N] [--server-semi-space 64]
//                                           [--server-memory-reducer]
//   npx tsx bench/scale.ts --agents 300 --clients 5000 --idle-s 10   (a quick check)
//
// --no-call-line has the simulated agents take every call on a channel of its own, like agents
// from before the call line (src/protocol/call-line.ts), to compare. The simulated agents send SSH
// keepalives as the agent does (src/agent/tunnel.ts AGENT_KEEPALIVE); --no-agent-keepalive turns
// them off (runs before 2026-12-04 had none). --sources N has the agents dial from N loopback
// addresses (127.0.0.2 …) instead of one, as a fleet spread over N sites would (the hub's gate
// gives each address a share); --wave N is how many dial at once during the cold attach (32).
// --server-semi-space MiB is V8's young generation for the server, as its unit runs it
// (docs/operations.md: 64; 0 is Node's default), in both parts. The server runs with V8's
// memory reducer off, as `npm start` and the unit run it; --server-memory-reducer turns it on.
// --cpu-prof DIR profiles the first server during the attach (server-PID-1.cpuprofile in DIR)
// and during the idle phase (…-2), and the restarted one from listening until every agent is
// back (its own PID, -1); summarise them with bench/support/profile-summary.ts. The
// attach also prints the CPU the server and the simulated agents spent on it.
// --count-statements DIR counts the SQL statements each server process sends to SQLite, by
// shape (bench/support/count-statements.mjs: statements-PID.txt in DIR, most first).
//
// Part 1, the live fleet: starts the real server (dist/main.js, open enrollment, default 30 s
// heartbeats), attaches `--agents` simulated agents (bench/support/simulated-agents.ts: real
// SSH, the real wire protocol, spread over child processes, reconnecting with the agent's own
// loop, src/agent/reconnect.ts) and measures:
//   attach      first dial → every agent registered by the server (its first call after hello)
//   RSS         server resident memory with every agent attached, minus before, per agent
//   idle CPU    server CPU time over `--idle-s` seconds of idle fleet (heartbeats only)
//   fleetHealth one query over the whole online fleet (default maxAgeSeconds: heartbeat samples)
//   bulk        `true` on 1,000 agents (sim-00000 … sim-00999) as one job — see BULK below
//   storm       the server SIGKILLed with every agent attached, restarted on the same data:
//               per agent, kill → registered again; p99, all, and those not back after 180 s
// Part 2, queries: `--clients` clients seeded into a fresh server's SQLite
// (bench/graphql-filters.ts), each selective filter timed, and clientsConnection(first: 50)
// with totalCount.
//
// Everything started here is stopped at the end, error or not. `--json FILE` writes exactly the
// keys the issue lists.

import { writeFile, mkdtemp, rm, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { SERVER_BIN, startServer, type TestServer } from '../test/support/server.js';
import {
  createCleanups,
  machine,
  wholeFlag,
  progress,
  SERVER_SEMI_SPACE_MIB,
  nodeOptions,
  preload,
  serverNodeArgs,
} from './common.js';
import { benchFilters } from './graphql-filters.js';
import { serverCpuMs } from './graphql-harness.js';
import { summarize } from './stats.js';
import { cpuMeter, treeCpuMs } from './support/process-cpu.js';
import { startSimulatedFleet, type SimulatedAgents } from './support/simulated-agents.js';

// BULK: the issue's figure, "`true` on 1,000 agents through one bulk job, until the last
// result": startBulkCommand (64 at a time, the most it allows) returns the job at once; the job is
// polled every BULK_POLL_MS until it is no longer RUNNING (the figure is that coarse).
const BULK_START = `mutation Bulk($filter: ClientFilter!) {
  startBulkCommand(filter: $filter, cmd: "true", parallelism: 64) { id status total }
}`;
const BULK_JOB = `query BulkJob($id: ID!) { bulkJob(id: $id) { status total succeeded failed } }`;
const BULK_POLL_MS = 20;
interface BulkJobFigures {
  status: string;
  total: number;
  succeeded: number;
  failed: number;
}

const FLEET_HEALTH = `query { fleetHealth { online sampled failed durationMs } }`;

/** The storm's deadline: an agent not back by then counts as failed. */
const STORM_DEADLINE_MS = 180_000;

const { values: flags } = parseArgs({
  options: {
    agents: { type: 'string' },
    clients: { type: 'string' },
    processes: { type: 'string' },
    'idle-s': { type: 'string' },
    json: { type: 'string' },
    'skip-filters': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    'count-statements': { type: 'string' },
    'no-call-line': { type: 'boolean' },
    'no-agent-keepalive': { type: 'boolean' },
    sources: { type: 'string' },
    wave: { type: 'string' },
    'server-semi-space': { type: 'string' },
    'server-memory-reducer': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: false,
});
if (flags.help) {
  console.log(
    "Usage: npx tsx bench/scale.ts [--agents N (10000)] [--clients N (100000)] [--processes N (agents/2500, at least 1)] [--idle-s S (60)] [--json FILE] [--skip-filters] [--cpu-prof DIR] [--count-statements DIR] [--no-call-line] [--no-agent-keepalive] [--sources N (1)] [--wave N (32)] [--server-semi-space MiB (64; 0: Node's default)] [--server-memory-reducer (V8's, off as shipped)]",
  );
  process.exit(0);
}
/** One JSON log line of the server (pino's), with the fields the bench reads. */
interface LogEntry {
  time: number;
  msg?: string;
  kind?: string;
  suppressed?: number;
}

/** The server process's JSON log lines, parsed. */
function serverLog(server: TestServer): LogEntry[] {
  return [...server.process.stdout, ...server.process.stderr]
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogEntry);
}
const agentCount = wholeFlag(flags.agents, '--agents', 10_000);
const clientCount = wholeFlag(flags.clients, '--clients', 100_000);
const processes = wholeFlag(
  flags.processes,
  '--processes',
  Math.max(1, Math.ceil(agentCount / 2500)),
);
const idleS = wholeFlag(flags['idle-s'], '--idle-s', 60);
const sources = wholeFlag(flags.sources, '--sources', 1);
if (sources > 250) {
  console.error('--sources is at most 250 (127.0.0.2 … 127.0.0.251)');
  process.exit(2);
}
const waveSize = wholeFlag(flags.wave, '--wave', 32);
const semiSpaceMiB =
  flags['server-semi-space'] === '0'
    ? 0
    : wholeFlag(flags['server-semi-space'], '--server-semi-space', SERVER_SEMI_SPACE_MIB);
if (!existsSync(SERVER_BIN)) {
  console.error(`${SERVER_BIN} is missing: run npm run build first`);
  process.exit(2);
}

const cleanups = createCleanups();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanups.unwind().finally(() => process.exit(130)));
}

async function gql<T>(server: TestServer, query: string, variables = {}): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function rssBytes(server: TestServer): Promise<number> {
  const status = await readFile(`/proc/${server.process.child.pid ?? 0}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]) * 1024;
}

/** Waits until every agent was registered after `since` (epoch ms); their delays in ms. */
async function registeredSince(
  agents: SimulatedAgents,
  since: number,
  deadlineMs: number,
): Promise<{ delaysMs: number[]; missing: number }> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const { registeredAt } = await agents.counters();
    const back = registeredAt.filter((at) => at >= since);
    if (back.length === registeredAt.length || Date.now() > deadline)
      return { delaysMs: back.map((at) => at - since), missing: registeredAt.length - back.length };
    await new Promise((done) => setTimeout(done, 250));
  }
}

const rows: [string, string, string][] = [];
const figure = (name: string, value: string, goal: string) => {
  rows.push([name, value, goal]);
  progress(`${name}: ${value} (goal ${goal})`);
};
const result: Record<string, unknown> = { agents: agentCount };

try {
  const env = machine({ agents: String(agentCount), clients: String(clientCount) });
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-scale-'));
  cleanups.add('data directory', () => rm(dataDir, { recursive: true, force: true }));
  const server = await startServer({
    dataDir,
    openEnrollment: true,
    nodeArgs: serverNodeArgs(flags['server-memory-reducer']),
    env: {
      ETPHONEHOME_LOG_LEVEL: 'info',
      ...nodeOptions(
        semiSpaceMiB,
        [
          flags['cpu-prof'] ? preload('support/cpu-profile.mjs') : '',
          flags['count-statements'] ? preload('support/count-statements.mjs') : '',
        ]
          .filter(Boolean)
          .join(' '),
      ),
      ...(flags['cpu-prof']
        ? {
            ETPH_BENCH_CPU_PROFILE_DIR: resolve(flags['cpu-prof']),
            ETPH_BENCH_CPU_PROFILE_ON_SIGNAL: '1',
          }
        : {}),
      ...(flags['count-statements']
        ? { ETPH_BENCH_STATEMENTS_DIR: resolve(flags['count-statements']) }
        : {}),
    },
  });
  cleanups.add('server', () => server.close());
  const rssIdle = await rssBytes(server);

  // ── attach ──
  progress(`attaching ${agentCount} simulated agents over ${processes} process(es)`);
  const profiling = flags['cpu-prof'] ? server.process.child.pid : undefined;
  const attachCpu = cpuMeter({ server: server.process.child.pid, everything: process.pid });
  if (profiling) process.kill(profiling, 'SIGUSR2');
  const dialled = Date.now();
  const attachStarted = performance.now();
  const agents = await startSimulatedFleet({
    host: '127.0.0.1',
    sshPort: server.sshPort,
    count: agentCount,
    processes,
    metricsDelayMs: 0,
    reconnect: true,
    attempts: 10,
    callLine: !flags['no-call-line'],
    keepalive: !flags['no-agent-keepalive'],
    sources,
    waveSize,
  });
  cleanups.add('simulated agents', () => agents.stop());
  if (agents.report.failed > 0)
    progress(`${agents.report.failed} agents failed to attach: ${agents.report.errors.join('; ')}`);
  const attached = await registeredSince(agents, dialled, 600_000);
  const attachSeconds = (performance.now() - attachStarted) / 1000;
  if (profiling) process.kill(profiling, 'SIGUSR2');
  const spent = attachCpu.since();
  const serverCpuS = (spent['server'] ?? 0) / 1000;
  const othersCpuS = (spent['everything'] ?? 0) / 1000 - serverCpuS;
  progress(
    `attach CPU: server ${serverCpuS.toFixed(1)} s (${((serverCpuS / attachSeconds) * 100).toFixed(0)} % of a core), ` +
      `simulated agents and this bench ${othersCpuS.toFixed(1)} s (${((othersCpuS / attachSeconds) * 100).toFixed(0)} %)`,
  );
  result['attach_seconds'] = attachSeconds;
  figure(
    'cold attach (first dial → all registered)',
    `${attachSeconds.toFixed(1)} s (${agentCount - attached.missing} of ${agentCount})`,
    '≤ 60 s',
  );

  // ── memory and idle CPU ──
  await new Promise((done) => setTimeout(done, 5000)); // the attach's garbage settles
  const rssPerAgentKiB = ((await rssBytes(server)) - rssIdle) / 1024 / agentCount;
  result['rss_per_agent_kib'] = rssPerAgentKiB;
  figure('server RSS per attached idle agent', `${rssPerAgentKiB.toFixed(1)} KiB`, '≤ 64 KiB');
  const cpuBefore = await serverCpuMs(server);
  if (profiling) process.kill(profiling, 'SIGUSR2');
  const idleStarted = performance.now();
  await new Promise((done) => setTimeout(done, idleS * 1000));
  if (profiling) process.kill(profiling, 'SIGUSR2');
  const idleCpuPercent =
    (((await serverCpuMs(server)) - cpuBefore) / (performance.now() - idleStarted)) * 100;
  result['idle_cpu_percent'] = idleCpuPercent;
  figure(
    `server CPU, idle fleet, 30 s heartbeats (${idleS} s)`,
    `${idleCpuPercent.toFixed(1)} % of one core`,
    '≤ 5 %',
  );

  // ── fleetHealth ──
  const healthRuns: number[] = [];
  let health = { online: 0, sampled: 0, failed: 0, durationMs: 0 };
  for (let run = 0; run < 3; run += 1) {
    const started = performance.now();
    health = (await gql<{ fleetHealth: typeof health }>(server, FLEET_HEALTH)).fleetHealth;
    healthRuns.push(performance.now() - started);
  }
  const fleetHealthMs = summarize(healthRuns).p50;
  result['fleet_health_ms'] = fleetHealthMs;
  figure(
    `fleetHealth over ${health.online} online agents (p50 of 3)`,
    `${fleetHealthMs.toFixed(0)} ms (sampled ${health.sampled}, failed ${health.failed})`,
    '≤ 1 s',
  );

  // ── bulk ──
  const bulkTargets = Math.min(1000, agentCount);
  const bulkStarted = performance.now();
  const started = await gql<{ startBulkCommand: { id: string } }>(server, BULK_START, {
    filter: { query: agentCount > 1000 ? 'sim-00' : 'sim-', onlineOnly: true },
  });
  let bulk: BulkJobFigures;
  for (;;) {
    ({ bulkJob: bulk } = await gql<{ bulkJob: BulkJobFigures }>(server, BULK_JOB, {
      id: started.startBulkCommand.id,
    }));
    if (bulk.status !== 'RUNNING') break;
    await new Promise((done) => setTimeout(done, BULK_POLL_MS));
  }
  const bulkMs = performance.now() - bulkStarted;
  result['bulk_1000_ms'] = bulkMs;
  figure(
    `\`true\` on ${bulk.total} agents (one bulk job, 64 at a time)`,
    `${bulkMs.toFixed(0)} ms (${bulk.status}: ${bulk.succeeded} succeeded, ${bulk.failed} failed)`,
    `≤ 3 s (for ${bulkTargets}, as a bulk job)`,
  );

  // ── storm ──
  progress('storm: SIGKILL the server with every agent attached, restart it');
  const killedAt = Date.now();
  const restartCpu = cpuMeter({ everything: process.pid, old: server.process.child.pid });
  await server.stop('SIGKILL');
  await server.restart();
  const restartS = (Date.now() - killedAt) / 1000;
  // The tree's CPU since the kill, the killed server's own left out (gone from the tree, its
  // `since` is minus its total).
  const restartCpuMs = () => {
    const spent = restartCpu.since();
    return (spent['everything'] ?? 0) - (spent['old'] ?? 0);
  };
  // The new server is in the tree too; so are the agents dialling it meanwhile (refused until it
  // listens), which share the machine's cores with its start.
  progress(
    `storm: the server listens again ${restartS.toFixed(1)} s after the kill; the simulated ` +
      `agents, this bench and the new server used ${(restartCpuMs() / 1000).toFixed(1)} s of CPU ` +
      `meanwhile, the new server ${(treeCpuMs(server.process.child.pid ?? 0) / 1000).toFixed(1)} s`,
  );
  // Where the restart's time goes: each log line of the new server until it listens, by its own
  // timestamp, from the kill.
  const logged = serverLog(server).sort((a, b) => a.time - b.time);
  const startLog = logged.slice(0, logged.findIndex((e) => e.msg === 'server listening') + 1);
  const fromKill = (entry: { time: number }) => `+${((entry.time - killedAt) / 1000).toFixed(1)} s`;
  const events = startLog.filter((entry) => entry.msg === 'fleet event');
  for (const entry of startLog) {
    if (entry.msg !== 'fleet event') progress(`storm: ${fromKill(entry)} ${entry.msg ?? ''}`);
    else if (entry === events[0])
      progress(
        `storm: ${fromKill(entry)} to ${fromKill(events.at(-1)!)}: ${events.length} fleet events`,
      );
  }
  const stormCpu = cpuMeter({ server: server.process.child.pid });
  const stormProfiling = flags['cpu-prof'] ? server.process.child.pid : undefined;
  if (stormProfiling) process.kill(stormProfiling, 'SIGUSR2');
  const stormListening = performance.now();
  const storm = await registeredSince(agents, killedAt, STORM_DEADLINE_MS);
  if (stormProfiling) process.kill(stormProfiling, 'SIGUSR2');
  const stormServerCpuS = (stormCpu.since()['server'] ?? 0) / 1000;
  // When they came back (5 s steps from the kill), and how busy the server was meanwhile: an
  // idle stretch with agents still out means they were told (or chose) to wait too long.
  const buckets: number[] = [];
  for (const ms of storm.delaysMs) {
    const at = Math.floor(ms / 5000);
    buckets[at] = (buckets[at] ?? 0) + 1;
  }
  progress(
    `storm: back per 5 s from the kill: ${Array.from(buckets, (n) => n ?? 0).join(' ')}; ` +
      `server CPU from listening to the last back ${stormServerCpuS.toFixed(1)} s ` +
      `(${((stormServerCpuS / ((performance.now() - stormListening) / 1000)) * 100).toFixed(0)} % of a core)`,
  );
  const stormSummary = summarize(storm.delaysMs.length > 0 ? storm.delaysMs : [NaN]);
  const counters = await agents.counters();
  result['storm_p99_seconds'] = stormSummary.p99 / 1000;
  result['storm_all_seconds'] = storm.missing > 0 ? null : stormSummary.max / 1000;
  result['storm_failed'] = storm.missing;
  figure(
    'storm: kill → 99 % registered again',
    `${(stormSummary.p99 / 1000).toFixed(1)} s`,
    '≤ 60 s',
  );
  figure(
    'storm: kill → all registered again',
    storm.missing > 0
      ? `${storm.missing} not back after 180 s`
      : `${(stormSummary.max / 1000).toFixed(1)} s`,
    '≤ 120 s, none gives up',
  );
  // What the new server said while the fleet came back: its log lines by message, the flood
  // summaries' counts included (a refusal's notice lost on the way shows as fewer hinted waits
  // than refusals).
  const said = new Map<string, number>();
  for (const entry of serverLog(server)) {
    if (entry.msg === undefined || entry.msg === 'fleet event') continue;
    const key =
      entry.kind !== undefined && entry.suppressed !== undefined
        ? `${entry.kind} (in flood summaries)`
        : entry.msg;
    said.set(key, (said.get(key) ?? 0) + (entry.suppressed ?? 1));
  }
  for (const [msg, n] of [...said].sort((a, b) => b[1] - a[1]).slice(0, 8))
    progress(`storm: the new server logged ${n} × ${msg}`);
  progress(
    `storm: reconnect waits ${counters.waits.total}: after a retry hint ${counters.waits.hinted}, ` +
      `after a refused dial ${counters.waits.refused}, after any other end ` +
      `${counters.waits.total - counters.waits.hinted - counters.waits.refused}`,
  );
  figure('storm: restart (kill → listening), included above', `${restartS.toFixed(1)} s`, '—');
  await agents.stop();
  await server.close();

  // ── queries ──
  if (!flags['skip-filters']) {
    const tmp = await mkdtemp(join(tmpdir(), 'etph-scale-filters-'));
    cleanups.add('filters directory', () => rm(tmp, { recursive: true, force: true }));
    const filters = await benchFilters(
      { tmp, cleanups, serverSemiSpaceMiB: semiSpaceMiB },
      { clients: clientCount, iterations: 200, budgetMs: 20_000 },
    );
    result['filters'] = filters.rows
      .filter(
        (row) =>
          row.name.startsWith('clientsConnection') === false && !row.name.startsWith('the same'),
      )
      .map((row) => ({
        name: row.name,
        results: row.results,
        p50_ms: row.summary.p50,
        p99_ms: row.summary.p99,
      }));
    for (const row of filters.rows) {
      const goal = row.name.startsWith('the same with totalCount')
        ? '≤ 5 ms'
        : row.results <= 250
          ? 'p50 ≤ 5 ms, p99 ≤ 20 ms'
          : 'p50 ≤ 20 ms';
      figure(
        `${row.name} (${row.results} results)`,
        `p50 ${row.summary.p50.toFixed(1)} ms, p99 ${row.summary.p99.toFixed(1)} ms`,
        goal,
      );
    }
    const withTotal = filters.rows.find((row) => row.name === 'the same with totalCount');
    result['connection_total_count_ms'] = withTotal ? withTotal.summary.p50 : null;
  }

  console.log(`\n## One server at fleet scale (bench/scale.ts)\n`);
  for (const [key, value] of Object.entries(env)) console.log(`- ${key}: ${value}`);
  console.log('\n| figure | measured | goal |\n| --- | --- | --- |');
  for (const [name, value, goal] of rows) console.log(`| ${name} | ${value} | ${goal} |`);
  if (flags.json) {
    const keys = [
      'agents',
      'attach_seconds',
      'storm_p99_seconds',
      'storm_all_seconds',
      'storm_failed',
      'rss_per_agent_kib',
      'idle_cpu_percent',
      'fleet_health_ms',
      'bulk_1000_ms',
      'filters',
      'connection_total_count_ms',
    ];
    const json = Object.fromEntries(keys.map((key) => [key, result[key] ?? null]));
    await writeFile(flags.json, `${JSON.stringify(json, null, 2)}\n`);
  }
} finally {
  await cleanups.unwind();
}
