// Benchmark: `fleetHealth` over 1,000 simulated agents, time to complete (issue 5). Usage:
//
//   npm run build && npx tsx bench/fleet-health.ts [--agents 1000] [--runs 5] [--processes 2]
//                                                  [--wave 32] [--metrics-delay-ms 250]
//                                                  [--timeout-s 10] [--json FILE]
//   npx tsx bench/fleet-health.ts --quick          (100 agents, 3 runs)
//   npx tsx bench/fleet-health.ts --attach-only    (attach and count online; no fleetHealth)
//   npx tsx bench/fleet-health.ts --cpu-prof DIR   (the server writes a V8 CPU profile to DIR)
//
// Starts the real server (dist/main.js) with --open-enrollment and a one-hour heartbeat interval
// (so heartbeats do not mix into the figures), attaches the simulated agents of
// bench/support/simulated-agents.ts (real SSH, real wire protocol, spread over child
// processes), waits until `clients(filter: {onlineOnly: true})` counts them all, then runs the
// FleetHealth query below `--runs` times, one after another, and prints: time to complete
// (min/p50/max, from the client, and the server's own durationMs), the server's RSS (idle,
// attached, peak), how long attaching took, and the counts, checked against what the agents
// were made to report (every 10th over CPU, every 25th over memory, every 50th over disk).
// Everything started here is stopped at the end, error or not.

import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_BIN, startServer, type TestServer } from '../test/support/server.js';
import { createCleanups, machine, preload, progress, wholeFlag } from './common.js';
import { summarize } from './stats.js';
import { expectedHot, startSimulatedFleet } from './support/simulated-agents.js';

const FLEET_HEALTH = `
query FleetHealth($filter: ClientFilter, $timeoutS: Int) {
  fleetHealth(filter: $filter, timeoutS: $timeoutS, maxAgeSeconds: 0) {
    total online offline keyMismatches unhealthy recentlyOffline sampled failed durationMs
    overCpu { client { clientId } cpuPercent }
    overMemory { client { clientId } memoryPercent }
    overDisk { client { clientId } diskPercent }
  }
}`;
const ONLINE_CLIENTS = `query OnlineClients { clients(filter: { onlineOnly: true }) { clientId } }`;

interface FleetHealthData {
  fleetHealth: {
    total: number;
    online: number;
    offline: number;
    keyMismatches: number;
    unhealthy: number;
    recentlyOffline: number;
    sampled: number;
    failed: number;
    durationMs: number;
    overCpu: unknown[];
    overMemory: unknown[];
    overDisk: unknown[];
  };
}

// ── options ─────────────────────────────────────────────────────────────────────────────────

const { values: flags } = parseArgs({
  options: {
    agents: { type: 'string' },
    runs: { type: 'string' },
    processes: { type: 'string' },
    wave: { type: 'string' },
    'metrics-delay-ms': { type: 'string' },
    'timeout-s': { type: 'string' },
    quick: { type: 'boolean' },
    'attach-only': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: false,
});
if (flags.help) {
  console.log(
    'Usage: npx tsx bench/fleet-health.ts [--agents N (1000)] [--runs N (5)] [--processes N (2)] [--wave N (32)] [--metrics-delay-ms MS (250)] [--timeout-s S (10)] [--quick (100 agents, 3 runs)] [--attach-only] [--cpu-prof DIR] [--json FILE]',
  );
  process.exit(0);
}
const agentCount = wholeFlag(flags.agents, '--agents', flags.quick ? 100 : 1000);
const runs = wholeFlag(flags.runs, '--runs', flags.quick ? 3 : 5);
const processes = wholeFlag(flags.processes, '--processes', agentCount >= 500 ? 2 : 1);
const waveSize = wholeFlag(flags.wave, '--wave', 32);
const metricsDelayMs =
  flags['metrics-delay-ms'] === '0'
    ? 0
    : wholeFlag(flags['metrics-delay-ms'], '--metrics-delay-ms', 250);
const timeoutS = wholeFlag(flags['timeout-s'], '--timeout-s', 10);

if (!existsSync(SERVER_BIN)) {
  console.error(`${SERVER_BIN} is missing: run "npx tsc -p tsconfig.build.json" first.`);
  process.exit(2);
}

// ── cleanup, whatever happens ───────────────────────────────────────────────────────────────

const cleanups = createCleanups();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanups.unwind().finally(() => process.exit(130));
  });
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

/** A raw GraphQL POST (the operations here are not codegen documents). */
async function gql<T>(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${server.apiKey}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || body.data === undefined) {
    throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

/** The server's resident and peak resident memory, from /proc (Linux); null elsewhere. */
async function serverMemory(
  server: TestServer,
): Promise<{ rssMiB: number; peakMiB: number } | null> {
  const pid = server.process.child.pid;
  if (pid === undefined) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rssMiB: kib('VmRSS') / 1024, peakMiB: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const mib = (value: { rssMiB: number } | null) =>
  value === null ? 'n/a' : `${value.rssMiB.toFixed(0)} MiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Warnings and errors the server logged (pino levels 40 and up), by message. */
function serverComplaints(server: TestServer): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of server.process.stderr) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { level?: number; msg?: string };
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.level === 40 ? 'warn' : 'error'}: ${entry.msg ?? '?'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    } catch {
      // not a log line
    }
  }
  return counts;
}

// ── the run ─────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const env = machine({
    agents: String(agentCount),
    'agent processes': String(processes),
    'get_metrics delay': `${metricsDelayMs} ms`,
  });
  progress(`starting the server (${SERVER_BIN})`);
  const server = await startServer({
    openEnrollment: true,
    env: {
      ETPHONEHOME_LOG_LEVEL: 'info',
      ETPHONEHOME_HEARTBEAT_INTERVAL_S: '3600',
      ...(flags['cpu-prof']
        ? {
            NODE_OPTIONS: preload('support/cpu-profile.mjs'),
            ETPH_BENCH_CPU_PROFILE_DIR: resolve(flags['cpu-prof']),
          }
        : {}),
    },
  });
  cleanups.add('server', () => server.close());
  const idle = await serverMemory(server);

  progress(`attaching ${agentCount} simulated agents over ${processes} process(es)`);
  const attachStarted = performance.now();
  const fleet = await startSimulatedFleet({
    host: '127.0.0.1',
    sshPort: server.sshPort,
    count: agentCount,
    processes,
    waveSize,
    metricsDelayMs,
  });
  cleanups.add('simulated agents', () => fleet.stop());
  const { report } = fleet;
  progress(
    `${report.connected} attached, ${report.failed} failed, in ${(report.attachMs / 1000).toFixed(1)} s` +
      (report.errors.length > 0 ? ` (first errors: ${report.errors.join('; ')})` : ''),
  );

  // Online = registered by the server (hello answered, row written), not just forwarded.
  let online = 0;
  const deadline = Date.now() + 300_000;
  for (;;) {
    online = (await gql<{ clients: unknown[] }>(server, ONLINE_CLIENTS)).clients.length;
    if (online >= report.connected || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const allOnlineMs = performance.now() - attachStarted;
  progress(`${online} online after ${(allOnlineMs / 1000).toFixed(1)} s`);
  if (online < agentCount) throw new Error(`only ${online} of ${agentCount} agents came online`);
  const attached = await serverMemory(server);

  const expected = expectedHot(agentCount);
  const samples: number[] = [];
  const serverDurations: number[] = [];
  let last: FleetHealthData['fleetHealth'] | null = null;
  const mismatches: string[] = [];
  for (let run = 1; run <= (flags['attach-only'] ? 0 : runs); run += 1) {
    const started = performance.now();
    const data = await gql<FleetHealthData>(server, FLEET_HEALTH, { filter: null, timeoutS });
    const elapsed = performance.now() - started;
    const health = data.fleetHealth;
    samples.push(elapsed);
    serverDurations.push(health.durationMs);
    last = health;
    const check = (what: string, actual: number, wanted: number) => {
      if (actual !== wanted) mismatches.push(`run ${run}: ${what} = ${actual}, expected ${wanted}`);
    };
    check('total', health.total, agentCount);
    check('online', health.online, agentCount);
    check('sampled', health.sampled, agentCount);
    check('failed', health.failed, 0);
    check('overCpu', health.overCpu.length, expected.cpu);
    check('overMemory', health.overMemory.length, expected.memory);
    check('overDisk', health.overDisk.length, expected.disk);
    progress(
      `run ${run}: ${ms(elapsed)} (server durationMs ${health.durationMs}; sampled ${health.sampled}, failed ${health.failed})`,
    );
  }
  const peak = await serverMemory(server);
  const counters = await fleet.counters();
  const complaints = serverComplaints(server);
  const none = { count: 0, min: NaN, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  const wall = samples.length > 0 ? summarize(samples) : none;
  const onServer = serverDurations.length > 0 ? summarize(serverDurations) : none;
  const handshakes = report.handshakeMs.length > 0 ? summarize(report.handshakeMs) : null;

  const rows: [string, string][] = [
    ['agents attached / failed', `${report.connected} / ${report.failed}`],
    ['attach time (all forwards accepted)', `${(report.attachMs / 1000).toFixed(1)} s`],
    ['until all online (clients query)', `${(allOnlineMs / 1000).toFixed(1)} s`],
    [
      'handshake per agent (min / p50 / p99 / max)',
      handshakes === null
        ? 'n/a'
        : `${ms(handshakes.min)} / ${ms(handshakes.p50)} / ${ms(handshakes.p99)} / ${ms(handshakes.max)}`,
    ],
    [
      `fleetHealth, ${runs} runs (min / p50 / max)`,
      `${ms(wall.min)} / ${ms(wall.p50)} / ${ms(wall.max)}`,
    ],
    [
      'fleetHealth durationMs on the server (min / p50 / max)',
      `${ms(onServer.min)} / ${ms(onServer.p50)} / ${ms(onServer.max)}`,
    ],
    ['server RSS idle / attached / after runs', `${mib(idle)} / ${mib(attached)} / ${mib(peak)}`],
    ['server peak RSS', peak === null ? 'n/a' : `${peak.peakMiB.toFixed(0)} MiB`],
    ['simulated agents RSS (all processes)', `${(counters.rssBytes / 2 ** 20).toFixed(0)} MiB`],
    [
      'counts (last run)',
      last === null
        ? 'n/a'
        : `total ${last.total}, online ${last.online}, offline ${last.offline}, keyMismatches ${last.keyMismatches}, unhealthy ${last.unhealthy}, recentlyOffline ${last.recentlyOffline}, sampled ${last.sampled}, failed ${last.failed}, overCpu ${last.overCpu.length}, overMemory ${last.overMemory.length}, overDisk ${last.overDisk.length}`,
    ],
    [
      'expected over thresholds',
      `cpu ${expected.cpu}, memory ${expected.memory}, disk ${expected.disk}`,
    ],
    ['calls the agents answered', JSON.stringify(counters.calls)],
    ['agents dropped by the server', String(counters.dropped)],
    [
      'server warnings/errors',
      complaints.size === 0
        ? 'none'
        : [...complaints].map(([message, n]) => `${n}× ${message}`).join('; '),
    ],
  ];

  console.log('\n## fleetHealth over simulated agents\n');
  for (const [key, value] of Object.entries(env)) console.log(`- ${key}: ${value}`);
  console.log('\n| figure | value |\n| --- | --- |');
  for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
  if (mismatches.length > 0) {
    console.log(`\nCOUNT MISMATCHES:\n${mismatches.map((m) => `- ${m}`).join('\n')}`);
  }
  if (flags.json) {
    await writeFile(
      flags.json,
      JSON.stringify(
        {
          machine: env,
          report: { ...report, handshakeMs: handshakes },
          wall,
          onServer,
          idle,
          attached,
          peak,
          counters,
          last,
          expected,
          mismatches,
          complaints: Object.fromEntries(complaints),
        },
        null,
        2,
      ),
    );
  }
  if (mismatches.length > 0) process.exitCode = 1;
  if (flags['cpu-prof']) {
    // V8 writes the profile on a normal exit only: stop the agents, then the server, gently.
    await fleet.stop();
    await server.stop('SIGTERM');
    progress(`server CPU profile written to ${flags['cpu-prof']}`);
  }
}

try {
  await main();
} catch (error) {
  console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanups.unwind();
}
