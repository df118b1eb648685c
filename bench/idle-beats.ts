// Benchmark: what one heartbeat costs the server. Usage:
//
//   npm run build && npx tsx bench/idle-beats.ts [--agents 2000] [--interval-s 6] [--idle-s 60]
//                                                [--cpu-prof DIR] [--heap-prof DIR] [--perf-map]
//                                                [--trace-gc] [--server-memory-reducer]
//
// The idle-CPU row of bench/scale.ts takes 10,000 agents and five minutes to set up; the beats
// are most of it (docs/BENCHMARKS.md). This runs the same beat rate with fewer agents and a
// shorter interval (2,000 agents every 6 s: 333 beats a second, as 10,000 every 30 s), attaches
// them, lets the first beats pass, and prints the server's CPU over `--idle-s` seconds as a
// share of one core and as microseconds per beat. --cpu-prof DIR profiles that window
// (summarise with bench/support/profile-summary.ts); --heap-prof DIR samples what the server
// allocates in that window, garbage included (bench/support/heap-summary.ts). --perf-map starts
// the server with --perf-basic-prof-only-functions, for `perf record -g -p PID` (its PID is
// printed) to name its JavaScript. --trace-gc turns on V8's --trace-gc in the server (from a
// preload, support/trace-gc.mjs: NODE_OPTIONS refuses the flag) and prints the window's
// collections, with their count and main-thread time by kind. The server runs with V8's memory
// reducer off, as `npm start` and its unit run it (bench/common.ts, serverNodeArgs);
// --server-memory-reducer turns it on.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startServer } from '../test/support/server.js';
import {
  createCleanups,
  machine,
  nodeOptions,
  preload,
  wholeFlag,
  progress,
  SERVER_SEMI_SPACE_MIB,
  serverNodeArgs,
} from './common.js';
import { serverCpuMs } from './graphql-harness.js';
import { startSimulatedFleet } from './support/simulated-agents.js';

const { values: flags } = parseArgs({
  options: {
    agents: { type: 'string' },
    'interval-s': { type: 'string' },
    'idle-s': { type: 'string' },
    'cpu-prof': { type: 'string' },
    'heap-prof': { type: 'string' },
    'perf-map': { type: 'boolean' },
    'trace-gc': { type: 'boolean' },
    'server-memory-reducer': { type: 'boolean' },
  },
  strict: true,
});
const agentCount = wholeFlag(flags.agents, '--agents', 2000);
const intervalS = wholeFlag(flags['interval-s'], '--interval-s', 6);
const idleS = wholeFlag(flags['idle-s'], '--idle-s', 60);

const cleanups = createCleanups();
try {
  progress(JSON.stringify(machine()));
  const dataDir = await mkdtemp(join(tmpdir(), 'etph-beats-'));
  cleanups.add('data directory', () => rm(dataDir, { recursive: true, force: true }));
  const profile = flags['cpu-prof'];
  const heapProfile = flags['heap-prof'];
  const server = await startServer({
    dataDir,
    openEnrollment: true,
    nodeArgs: serverNodeArgs(flags['server-memory-reducer']),
    env: {
      ETPHONEHOME_LOG_LEVEL: 'info',
      ETPHONEHOME_HEARTBEAT_INTERVAL_S: String(intervalS),
      ...nodeOptions(
        SERVER_SEMI_SPACE_MIB,
        [
          profile ? preload('support/cpu-profile.mjs') : '',
          heapProfile ? preload('support/heap-sample.mjs') : '',
          flags['perf-map'] ? '--perf-basic-prof-only-functions' : '',
          flags['trace-gc'] ? preload('support/trace-gc.mjs') : '',
        ].join(' '),
      ),
      ...(profile
        ? {
            ETPH_BENCH_CPU_PROFILE_DIR: resolve(profile),
            ETPH_BENCH_CPU_PROFILE_ON_SIGNAL: '1',
          }
        : {}),
      ...(heapProfile ? { ETPH_BENCH_HEAP_PROFILE_DIR: resolve(heapProfile) } : {}),
    },
  });
  cleanups.add('server', () => server.close());
  const agents = await startSimulatedFleet({
    host: '127.0.0.1',
    sshPort: server.sshPort,
    count: agentCount,
    processes: Math.max(1, Math.ceil(agentCount / 2500)),
    metricsDelayMs: 0,
    reconnect: true,
    attempts: 10,
  });
  cleanups.add('simulated agents', () => agents.stop());
  progress(
    `${agentCount} agents attached; ${intervalS} s heartbeats; server PID ${server.process.child.pid}`,
  );
  // The attach's garbage and the first beats (one on attach) pass.
  await new Promise((done) => setTimeout(done, Math.max(20, 3 * intervalS) * 1000));
  const pid = server.process.child.pid;
  if ((profile || heapProfile) && pid) process.kill(pid, 'SIGUSR2');
  const callsAtStart = (await agents.counters()).calls;
  const linesAtStart = server.process.stdout.length;
  const before = await serverCpuMs(server);
  const started = performance.now();
  await new Promise((done) => setTimeout(done, idleS * 1000));
  const cpuMs = (await serverCpuMs(server)) - before;
  const elapsedMs = performance.now() - started;
  if ((profile || heapProfile) && pid) process.kill(pid, 'SIGUSR2');
  const calls = (await agents.counters()).calls;
  if (flags['trace-gc']) printCollections(server.process.stdout.slice(linesAtStart));
  const during = (name: string) => (calls[name] ?? 0) - (callsAtStart[name] ?? 0);
  progress(
    `in the window: ${during('beat')} beats sent by the agents, ` +
      `${during('heartbeat') - during('beat') - during('beats')} heartbeats asked for, ` +
      `${during('beats')} beats requests`,
  );
  const beatsPerS = agentCount / intervalS;
  const share = (cpuMs / elapsedMs) * 100;
  console.log(
    `${agentCount} agents, ${intervalS} s heartbeats (${beatsPerS.toFixed(0)} a second): ` +
      `server ${share.toFixed(2)} % of one core, ${((cpuMs * 1000) / ((elapsedMs / 1000) * beatsPerS)).toFixed(0)} µs per beat`,
  );
} finally {
  await cleanups.unwind();
}

/** V8's --trace-gc lines (`[pid:addr] 1234 ms: Scavenge 40.1 (…) -> 39.0 (…) MB, 1.2 / 0.0 ms …`). */
function printCollections(lines: string[]): void {
  const byKind = new Map<string, { count: number; ms: number }>();
  for (const line of lines) {
    const found = /\d+ ms: ([A-Za-z-]+(?: \(reduce\))?) .*?MB, ([\d.]+) \/ [\d.]+ ms/.exec(line);
    if (!found) continue;
    progress(line.trim());
    const kind = found[1] ?? '?';
    const entry = byKind.get(kind) ?? { count: 0, ms: 0 };
    entry.count += 1;
    entry.ms += Number(found[2]);
    byKind.set(kind, entry);
  }
  for (const [kind, { count, ms }] of byKind)
    progress(
      `collections in the window: ${kind} ×${count}, ${ms.toFixed(1)} ms on the main thread`,
    );
}
