// Benchmark: port-forward throughput and connection setup through our tunnel against `ssh -L`
// through OpenSSH, in the same run on the same machine, and the keystroke echo latency of a
// shell through the server (issue 16). Usage:
//
//   npm run build && npx tsx bench/tunnels.ts [--mib 256] [--rounds 3] [--connections 50]
//       [--keys 200] [--cpu-prof DIR] [--agent-semi-space 32] [--server-semi-space 64]
//       [--cli-semi-space 0] [--v8-defaults] [--fleet 0]
//
//   ours      `etphonehome forward` (dist/) → `etphonehome server` → the agent's reverse SSH
//             connection → a TCP sink on the client's side: the real path, CLI included;
//   OpenSSH   `ssh -N -L` to a throwaway `/usr/sbin/sshd -D` on a free loopback port (its own
//             host and client keys, the ciphers a user gets by default), to the same sink.
// Throughput: --mib MiB through one connection (sent, counted by the sink, answered with the
// count), --rounds times, ours and OpenSSH alternating so that load from elsewhere falls on both;
// the ratio is of the medians, and each round's ratio is printed too. Each round also reports
// the CPU time (user + system, /proc) each process on the path spent per MiB, which holds up on a
// busy machine where MiB/s does not. --cpu-prof DIR profiles the server, the agent and the CLI
// during one extra, uncounted round of ours (support/cpu-profile.mjs; summarise the files with
// support/profile-summary.ts). Setup: --connections connections opened one after another
// (connect → first echo byte back). Echo: --keys single keystrokes sent one at a time to `cat`
// on a PTY through /stream, each timed until its echo comes back. Without sshd the OpenSSH rows
// are skipped. --agent-semi-space MiB: V8's --max-semi-space-size for the agent, as its service
// unit sets it (docs/phonehome.service: 32); --server-semi-space and --cli-semi-space the same for
// the server (default 64, as npm start and its unit give it; the server also runs with the memory
// reducer off, as shipped) and the CLI (default 0: Node's default, as it ships). --v8-defaults
// runs them with V8's own heap settings, without what src/lib/v8-heap.ts sets (incremental
// marking off in the agent and the CLI; on Node 24, dead read buffers scavenged early in all
// three) and without the server's old-generation floor, to compare. Each round also counts the
// minor page faults per MiB of every process (pages touched afresh: a cost of Node's fresh read
// buffers).
// --fleet N attaches N simulated agents (support/simulated-agents.ts, in processes of their own)
// to the server first, so that its heap holds a fleet as a real server's does; they only beat.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { spawnProcess } from '../test/support/processes.js';
import {
  createCleanups,
  freePort,
  machine,
  nodeOptions,
  preload,
  progress,
  wholeFlag,
} from './common.js';
import { measureEcho } from './support/echo.js';
import { openForwardPath } from './support/forward-path.js';
import { pushThrough } from './support/push.js';
import { cpuMeter, faultMeter, residentMiB } from './support/process-cpu.js';
import { startSimulatedFleet } from './support/simulated-agents.js';
import { SSHD, startSshd } from './support/sshd.js';
import { ratio, summarize } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    mib: { type: 'string', default: '256' },
    connections: { type: 'string', default: '50' },
    keys: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    // A directory: CPU profiles of the server, the agent and the CLI during our throughput run.
    'cpu-prof': { type: 'string' },
    // V8's --max-semi-space-size for each of our processes; 0: Node's default.
    'agent-semi-space': { type: 'string', default: '32' },
    'server-semi-space': { type: 'string', default: '64' },
    'cli-semi-space': { type: 'string', default: '0' },
    // V8's own heap settings in our processes, as before src/lib/v8-heap.ts.
    'v8-defaults': { type: 'boolean', default: false },
    // Simulated agents attached to the server before measuring (its heap then holds a fleet).
    fleet: { type: 'string', default: '0' },
  },
});
const MIB = Number(flags.mib);
const CONNECTIONS = Number(flags.connections);
const KEYS = Number(flags.keys);
const ROUNDS = Number(flags.rounds);
const FLEET = wholeFlag(flags.fleet, '--fleet', 0, 0);
const cleanups = createCleanups();
const PROFILE_DIR = flags['cpu-prof'] ? resolve(flags['cpu-prof']) : null;
const SEMI_SPACE_MIB = {
  server: Number(flags['server-semi-space']),
  agent: Number(flags['agent-semi-space']),
  cli: Number(flags['cli-semi-space']),
};

/**
 * The environment of one of our processes: its young generation (0: Node's default), and
 * with --cpu-prof, what makes it profile itself between two SIGUSR2 (support/cpu-profile.mjs).
 */
function ourEnv(name: keyof typeof SEMI_SPACE_MIB): Record<string, string> {
  const mib = SEMI_SPACE_MIB[name];
  const v8Defaults = flags['v8-defaults'] ? preload('support/v8-defaults.mjs') : '';
  if (!PROFILE_DIR) return nodeOptions(mib, v8Defaults);
  return {
    ...nodeOptions(mib, `${v8Defaults} ${preload('support/cpu-profile.mjs')}`.trim()),
    ETPH_BENCH_CPU_PROFILE_DIR: PROFILE_DIR,
    ETPH_BENCH_CPU_PROFILE_NAME: name,
    ETPH_BENCH_CPU_PROFILE_ON_SIGNAL: '1',
  };
}

/** Starts or stops the profilers of the processes (no-op without --cpu-prof). */
async function toggleProfilers(pids: (number | undefined)[]): Promise<void> {
  if (!PROFILE_DIR) return;
  for (const pid of pids) if (pid) process.kill(pid, 'SIGUSR2');
  await new Promise((done) => setTimeout(done, 200));
}

/** A TCP sink: answers "x" to a first byte "?" (setup probe), else counts until EOF. */
function sink(): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let bytes = 0;
    socket.on('data', (chunk: Buffer) => {
      if (bytes === 0 && chunk[0] === 0x3f) socket.write('x');
      bytes += chunk.length;
    });
    socket.on('end', () => socket.end(String(bytes)));
    socket.on('error', () => undefined);
  });
  cleanups.add('sink', () => new Promise((resolve) => server.close(resolve)));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

interface Throughput {
  mibs: number;
  /** CPU ms per MiB of each process on the path while it ran (the benchmark's own too). */
  cpuMsPerMiB: Record<string, number>;
  /** Minor page faults per MiB of each process on the path (4 KiB pages touched afresh). */
  faultsPerMiB: Record<string, number>;
}

/** MiB/s of `MIB` MiB through one connection to localPort, and what it cost each process. */
async function throughput(
  localPort: number,
  pids: Record<string, number | undefined>,
): Promise<Throughput> {
  const meter = cpuMeter(pids);
  const faults = faultMeter(pids);
  const ownBefore = process.cpuUsage();
  const ownFaultsBefore = process.resourceUsage().minorPageFault;
  const mibs = await pushThrough(localPort, MIB);
  const own = process.cpuUsage(ownBefore);
  const used = { ...meter.since(), 'bench (source + sink)': (own.user + own.system) / 1000 };
  const faulted = {
    ...faults.since(),
    'bench (source + sink)': process.resourceUsage().minorPageFault - ownFaultsBefore,
  };
  const perMiB = (counts: Record<string, number>, digits: number) =>
    Object.fromEntries(
      Object.entries(counts).map(([name, n]) => [name, Number((n / MIB).toFixed(digits))]),
    );
  return { mibs, cpuMsPerMiB: perMiB(used, 2), faultsPerMiB: perMiB(faulted, 1) };
}

/** Milliseconds from connect to the first byte back, `CONNECTIONS` times in sequence. */
async function setup(localPort: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const started = performance.now();
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect({ port: localPort, host: '127.0.0.1' }, () => socket.write('?'));
      socket.once('data', () => {
        samples.push(performance.now() - started);
        socket.destroy();
        resolve();
      });
      socket.on('error', reject);
    });
  }
  return samples;
}

/** `ssh -N -L` to a throwaway sshd, forwarding a free local port to the sink; that port. */
async function startSshForward(
  dir: string,
  sinkPort: number,
): Promise<{ port: number; pids: Record<string, number | undefined> }> {
  const sshd = await startSshd(join(dir, 'openssh'), cleanups, ['AllowTcpForwarding yes']);
  const local = await freePort();
  const ssh = spawnProcess('ssh', [
    '-o',
    'ExitOnForwardFailure=yes',
    '-N',
    '-L',
    `127.0.0.1:${local}:127.0.0.1:${sinkPort}`,
    ...sshd.clientArgs(),
  ]);
  cleanups.add('ssh -L', () => ssh.kill('SIGTERM'));
  // Ready when the local port accepts.
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ port: local, host: '127.0.0.1' }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return { port: local, pids: { 'ssh (client)': ssh.child.pid, sshd: sshd.pid } };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-tunnels-'));
  cleanups.add('tmp', () => rm(tmp, { recursive: true, force: true }));
  const sinkPort = await sink();
  const path = await openForwardPath({
    sinkPort,
    cleanups,
    env: { server: ourEnv('server'), agent: ourEnv('agent'), cli: ourEnv('cli') },
    noFloor: flags['v8-defaults'],
    beforeAgent: async (server) => {
      if (FLEET === 0) return;
      progress(`attaching ${FLEET} simulated agents`);
      const fleet = await startSimulatedFleet({
        host: '127.0.0.1',
        sshPort: server.sshPort,
        count: FLEET,
        processes: Math.ceil(FLEET / 2500),
        metricsDelayMs: 0,
        reconnect: true,
        attempts: 10,
      });
      cleanups.add('simulated agents', () => fleet.stop());
    },
  });
  const { server, agent } = path;
  const ours = { port: path.localPort, pids: path.pids };
  // Resident memory of ours before any traffic (idle) and, after the rounds, at its peak: what
  // the young generation (--semi-space) costs.
  const idleMiB = Object.fromEntries(
    Object.entries(ours.pids).map(([name, pid]) => [name, residentMiB(pid)?.now ?? null]),
  );
  const openssh = existsSync(SSHD) ? await startSshForward(tmp, sinkPort) : null;
  if (!openssh)
    progress('OpenSSH rows skipped: /usr/sbin/sshd is missing (apt-get install openssh-server)');

  // Rounds alternate between the paths, so a burst of load from elsewhere on a shared machine
  // falls on both; each round's ratio compares neighbours in time.
  const oursRuns: Throughput[] = [];
  const sshRuns: Throughput[] = [];
  // One short round of each, not counted: the first megabytes through a fresh process run
  // before the JIT has compiled the hot path (ssh has nothing to warm up; a long-lived tunnel has).
  progress('warm-up round (not counted)');
  await pushThrough(ours.port, Math.min(MIB, 32));
  if (openssh) await pushThrough(openssh.port, Math.min(MIB, 32));
  if (PROFILE_DIR) {
    // A round of its own, not counted: the profilers slow what they watch.
    const pids = Object.values(ours.pids);
    progress(`profiled round (not counted): ours, ${MIB} MiB`);
    await toggleProfilers(pids);
    await throughput(ours.port, ours.pids);
    await toggleProfilers(pids);
    progress(`CPU profiles of the server, the agent and the CLI in ${PROFILE_DIR}`);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    progress(`round ${round}/${ROUNDS}: ours, ${MIB} MiB through one connection`);
    oursRuns.push(await throughput(ours.port, ours.pids));
    if (openssh) {
      progress(`round ${round}/${ROUNDS}: OpenSSH, ${MIB} MiB through one connection`);
      sshRuns.push(await throughput(openssh.port, openssh.pids));
    }
  }
  const peakMiB = Object.fromEntries(
    Object.entries(ours.pids).map(([name, pid]) => [name, residentMiB(pid)?.peak ?? null]),
  );
  const oursSetup = summarize(await setup(ours.port));
  const sshSetup = openssh ? summarize(await setup(openssh.port)) : null;
  const median = (values: number[]): number => summarize(values).p50;
  const oursMiBs = median(oursRuns.map((r) => r.mibs));
  const sshMiBs = sshRuns.length > 0 ? median(sshRuns.map((r) => r.mibs)) : null;
  const rows: Record<string, unknown>[] = [
    {
      path: 'ours (etphonehome forward)',
      MiBps: oursRuns.map((r) => r.mibs.toFixed(1)).join(' / '),
      setupP50ms: oursSetup.p50.toFixed(2),
      setupP90ms: oursSetup.p90.toFixed(2),
    },
  ];
  if (sshSetup)
    rows.push({
      path: 'OpenSSH (ssh -L)',
      MiBps: sshRuns.map((r) => r.mibs.toFixed(1)).join(' / '),
      setupP50ms: sshSetup.p50.toFixed(2),
      setupP90ms: sshSetup.p90.toFixed(2),
    });
  const roundRatios = sshRuns.map((ssh, i) =>
    Number(ratio(oursRuns[i]?.mibs ?? 0, ssh.mibs).toFixed(2)),
  );
  progress(`echo latency: ${KEYS} keystrokes`);
  const echo = summarize(
    await measureEcho({ url: server.url, apiKey: server.apiKey }, agent.uuid, KEYS),
  );
  console.table(rows);
  console.log(
    JSON.stringify(
      {
        machine: machine(),
        mib: MIB,
        rounds: ROUNDS,
        semiSpaceMiB: SEMI_SPACE_MIB,
        fleet: FLEET,
        throughputMiBps: { ours: oursMiBs, openssh: sshMiBs },
        throughputRatio: sshMiBs ? Number(ratio(oursMiBs, sshMiBs).toFixed(2)) : null,
        roundRatios,
        residentMiB: { idle: idleMiB, peak: peakMiB },
        cpuMsPerMiB: {
          ours: oursRuns.map((r) => r.cpuMsPerMiB),
          openssh: sshRuns.map((r) => r.cpuMsPerMiB),
        },
        faultsPerMiB: {
          ours: oursRuns.map((r) => r.faultsPerMiB),
          openssh: sshRuns.map((r) => r.faultsPerMiB),
        },
        echoMs: {
          p50: Number(echo.p50.toFixed(2)),
          p90: Number(echo.p90.toFixed(2)),
          p99: Number(echo.p99.toFixed(2)),
        },
        rows,
      },
      null,
      2,
    ),
  );
}

try {
  await main();
} finally {
  await cleanups.unwind();
}
