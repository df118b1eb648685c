// Benchmark: round-trip latency of running `true` on a machine, our link against OpenSSH, in
// the same run on the same machine (issue 2). Usage:
//
//   npm run build && npx tsx bench/run-command.ts [--iterations 1000] [--fresh-iterations 200]
//                                                 [--json FILE]
//
// Methods, each measured sequentially (one call at a time) after one warm-up call:
//   ours (HTTP)   GraphQL runCommand(cmd: "true") over HTTP POST (keep-alive) to a spawned
//                 `etphonehome server` (dist/), agent = a spawned `phonehome` — the real thing;
//   ours (fleet)  fleet.commands.run in-process (src/serve.ts's startServer): no HTTP/GraphQL,
//                 but the fleet's client lookup and audit row (SQLite) are still there;
//   ours (hub)    AgentSession.call('run_command') on an in-process tunnel hub: the SSH link
//                 and the agent only;
//   OpenSSH (CM)  `ssh -o ControlMaster=auto -o ControlPath=… -o ControlPersist=… host true`,
//                 the master connection set up first;
//   OpenSSH fresh `ssh host true`, a new connection (key exchange, auth) per call;
//   reference     spawning `/bin/sh -c true` from this Node process, no link at all: roughly
//                 what the agent's own spawn costs (not a strict floor: fork cost grows with
//                 the parent's memory, and this process is bigger than the agent).
// OpenSSH runs against a throwaway `/usr/sbin/sshd -D` on a free loopback port with its own
// temp host key and authorized key (Debian: apt-get install -y openssh-server), as the current
// user, whose login shell is kept from reading rc files (see SetEnv below). Without sshd the
// OpenSSH rows are skipped. Everything started here is killed at the end, error or not.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { destination, pino } from 'pino';
import { createTunnelHub, type TunnelHub } from '../src/hub/tunnel-hub.js';
import type { AgentSession } from '../src/hub/agent-session.js';
import { loadOrCreateHostKey } from '../src/hub/host-key.js';
import { readServerConfig } from '../src/config.js';
import { startServer as startInProcessServer } from '../src/serve.js';
import { VERSION } from '../src/version.js';
import { createAgent, type TestAgent } from '../test/support/agent.js';
import { RunCommandDocument } from '../test/support/operations.js';
import { isAlive } from '../test/support/processes.js';
import { createCleanups, machine, progress, wholeFlag } from './common.js';
import { SSHD, startSshd, type Sshd } from './support/sshd.js';
import { AGENT_BIN, SERVER_BIN, startServer, type TestServer } from '../test/support/server.js';
import { waitFor } from '../test/support/wait.js';
import { ratio, summarize, type Summary } from './stats.js';

// ── options ─────────────────────────────────────────────────────────────────────────────────

const { values: flags } = parseArgs({
  options: {
    iterations: { type: 'string', default: '1000' },
    'fresh-iterations': { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
  allowPositionals: false,
});
if (flags.help) {
  console.log(
    'Usage: npx tsx bench/run-command.ts [--iterations N (1000)] [--fresh-iterations N (min(200, N))] [--json FILE]',
  );
  process.exit(0);
}
const iterations = wholeFlag(flags.iterations, '--iterations', 1000);
const freshIterations = flags['fresh-iterations']
  ? wholeFlag(flags['fresh-iterations'], '--fresh-iterations', 0)
  : Math.min(200, iterations);

// ── cleanup, whatever happens ───────────────────────────────────────────────────────────────

const cleanups = createCleanups();
const onCleanup = cleanups.add;
const unwind = (mark?: number): Promise<void> => cleanups.unwind(mark);
/** Runs one phase of the benchmark and undoes what it started, even when it fails. */
async function phase<T>(body: () => Promise<T>): Promise<T> {
  const mark = cleanups.mark();
  try {
    return await body();
  } finally {
    await unwind(mark);
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void unwind().finally(() => process.exit(130));
  });
}

// ── measuring ───────────────────────────────────────────────────────────────────────────────

interface Row {
  key: string;
  method: string;
  summary: Summary;
}

/** One warm-up call, then `count` sequential calls, each timed from start to settled. */
async function measure(
  key: string,
  method: string,
  count: number,
  call: () => Promise<void>,
): Promise<Row> {
  await call();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(samples);
  progress(
    `${key}: ${count} calls in ${seconds.toFixed(1)} s (p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms)`,
  );
  return { key, method, summary };
}

/** Runs a program to completion (stdout and stderr closed); rejects unless it exits 0. */
function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} exited with ${code ?? signal}: ${output.trim().slice(0, 500)}`,
          ),
        );
    });
  });
}

function expectSuccess(result: { returncode: number }): void {
  if (result.returncode !== 0) throw new Error(`true exited with ${result.returncode}`);
}

// ── ours ────────────────────────────────────────────────────────────────────────────────────

/** A logger like the server's at its default level, writing to /dev/null. */
function quietLogger() {
  return pino(
    { level: 'info', name: 'etphonehome', base: { pid: process.pid } },
    destination({ dest: '/dev/null', sync: true }),
  );
}

async function startAgent(server: TestServer, what: string): Promise<TestAgent> {
  const agent = await createAgent(server);
  onCleanup(`${what} agent`, () => agent.close());
  await agent.start();
  return agent;
}

async function benchOursHttp(): Promise<Row> {
  progress('ours (HTTP): starting etphonehome server and phonehome agent');
  // The harness logs at debug for the tests; a benchmark wants the default (info).
  const server = await startServer({
    openEnrollment: true,
    env: { ETPHONEHOME_LOG_LEVEL: 'info' },
  });
  onCleanup('server', () => server.close());
  const agent = await startAgent(server, 'HTTP');
  await agent.waitOnline(server);
  const variables = { clientId: agent.uuid, cmd: 'true' };
  const row = await measure(
    'ours-http',
    'ours: GraphQL runCommand, HTTP keep-alive',
    iterations,
    async () => expectSuccess((await server.gql.request(RunCommandDocument, variables)).runCommand),
  );
  return row;
}

async function benchOursFleet(tmp: string): Promise<Row> {
  progress('ours (fleet): starting an in-process server (no HTTP client) and an agent');
  // The same configuration path as `etphonehome server` (defaults included), minus the process.
  const config = readServerConfig(
    [
      '--data-dir',
      join(tmp, 'fleet-server'),
      '--ssh-host',
      '127.0.0.1',
      '--ssh-port',
      '0',
      '--http-port',
      '0',
      '--open-enrollment',
    ],
    { ETPHONEHOME_API_KEY: `bench-${randomBytes(16).toString('hex')}` },
  );
  if (config === 'help') throw new Error('unexpected help from readServerConfig');
  const running = await startInProcessServer(config, quietLogger(), { print: () => undefined });
  onCleanup('in-process server', () => running.close());
  const agent = await startAgent(
    { sshPort: running.sshPort } as TestServer, // createAgent reads only the SSH port
    'fleet',
  );
  await waitFor(async () => (await running.fleet.clients.find(agent.uuid))?.online === true, {
    what: 'the fleet agent online',
  });
  const caller = { actor: 'bench' };
  const row = await measure(
    'ours-fleet',
    'ours: fleet.commands.run in-process, no HTTP',
    iterations,
    async () =>
      expectSuccess(await running.fleet.commands.run(agent.uuid, { cmd: 'true' }, caller)),
  );
  return row;
}

async function benchOursHub(tmp: string): Promise<Row> {
  progress('ours (hub): starting an in-process tunnel hub and an agent');
  const hostKeyDir = join(tmp, 'hub');
  await mkdir(hostKeyDir, { recursive: true });
  const hostKey = await loadOrCreateHostKey(hostKeyDir);
  let gotSession!: (session: AgentSession<null>) => void;
  const sessionReady = new Promise<AgentSession<null>>((r) => (gotSession = r));
  const hub: TunnelHub = createTunnelHub<null>({
    hostKey: hostKey.privateKey,
    hubVersion: VERSION,
    logger: quietLogger(),
    authorize: async () => ({ accept: true, admission: null }),
    onSession: async (session) => gotSession(session),
  });
  onCleanup('hub', () => hub.close());
  const { port } = await hub.listen('127.0.0.1', 0);
  await startAgent({ sshPort: port } as TestServer, 'hub');
  let timer: NodeJS.Timeout | undefined;
  const session = await Promise.race([
    sessionReady,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the agent did not reach the hub')), 20_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const row = await measure(
    'ours-hub',
    'ours: hub AgentSession.call, no HTTP/fleet/DB',
    iterations,
    async () =>
      expectSuccess(
        await session.call(
          'run_command',
          { cmd: 'true', timeoutMs: 300_000 },
          {
            timeoutMs: 315_000,
          },
        ),
      ),
  );
  return row;
}

async function benchReference(): Promise<Row> {
  progress('reference: spawning /bin/sh -c true from this process');
  const row = await measure(
    'reference',
    'reference: spawn /bin/sh -c true here, no link',
    iterations,
    async () => void (await run('/bin/sh', ['-c', 'true'])),
  );
  return row;
}

// ── OpenSSH ─────────────────────────────────────────────────────────────────────────────────

/** The throwaway sshd, as ssh reaches it: a session runs `true` through the login shell. */
function startBenchSshd(tmp: string): Promise<Sshd> {
  return startSshd(join(tmp, 'openssh'), cleanups, [
    'PrintMotd no',
    'PrintLastLog no',
    'MaxStartups 100:30:200',
    'MaxSessions 100',
    // The session runs `true` through the user's login shell. Debian's bash sources ~/.bashrc
    // when started by sshd as a top-level shell, even non-interactively; root's .bashrc here
    // runs pyenv init (~100 ms). SHLVL=1 makes bash a nested shell, so no rc file is read —
    // like our agent, whose /bin/sh -c reads none. The same work on both sides.
    'SetEnv SHLVL=1',
  ]);
}

async function benchOpenSshControlMaster(sshd: Sshd): Promise<Row> {
  const mux = [
    '-o',
    'ControlMaster=auto',
    '-o',
    `ControlPath=${join(sshd.dir, 'cm-%C')}`,
    '-o',
    'ControlPersist=600',
  ];
  progress('OpenSSH (ControlMaster): setting up the master connection');
  // -f -N: authenticate, then go to the background as the master (ControlPersist keeps it).
  await run('ssh', [...mux, '-f', '-N', ...sshd.clientArgs()]);
  const check = await run('ssh', [...mux, '-O', 'check', ...sshd.clientArgs()]);
  const masterPid = Number(/pid=(\d+)/.exec(check)?.[1] ?? 0);
  onCleanup('ssh master', async () => {
    await run('ssh', [...mux, '-O', 'exit', ...sshd.clientArgs()]).catch(() => undefined);
    if (masterPid > 0) {
      // -O exit only asks; wait for the master (ours, though no longer our child) to go.
      await waitFor(() => !isAlive(masterPid), { timeoutMs: 3000, intervalMs: 20 }).catch(() =>
        process.kill(masterPid, 'SIGKILL'),
      );
    }
  });
  return measure(
    'ssh-cm',
    'OpenSSH: ssh -o ControlMaster=auto (multiplexed)',
    iterations,
    async () => void (await run('ssh', [...mux, ...sshd.clientArgs(), 'true'])),
  );
}

async function benchOpenSshFresh(sshd: Sshd): Promise<Row> {
  progress('OpenSSH (fresh): one new connection per call');
  return measure(
    'ssh-fresh',
    'OpenSSH: fresh ssh per call (new connection)',
    freshIterations,
    async () =>
      void (await run('ssh', [
        '-o',
        'ControlMaster=no',
        '-o',
        'ControlPath=none',
        ...sshd.clientArgs(),
        'true',
      ])),
  );
}

// ── report ──────────────────────────────────────────────────────────────────────────────────

async function describeMachine(): Promise<Record<string, string>> {
  const ssh = await run('ssh', ['-V']).catch(() => 'unavailable');
  return machine({ openssh: ssh.trim(), etphonehome: VERSION });
}

function table(rows: readonly Row[]): string {
  const cm = rows.find((row) => row.key === 'ssh-cm')?.summary;
  const fresh = rows.find((row) => row.key === 'ssh-fresh')?.summary;
  const ms = (value: number) => value.toFixed(2);
  const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
  const header = [
    'method',
    'calls',
    'p50 ms',
    'p99 ms',
    'mean ms',
    'p50 ÷ ssh-CM',
    'p99 ÷ ssh-CM',
    'p50 ÷ ssh-fresh',
    'p99 ÷ ssh-fresh',
  ];
  const body = rows.map(({ method, summary: s }) => [
    method,
    String(s.count),
    ms(s.p50),
    ms(s.p99),
    ms(s.mean),
    times(cm ? ratio(s.p50, cm.p50) : Number.NaN),
    times(cm ? ratio(s.p99, cm.p99) : Number.NaN),
    times(fresh ? ratio(s.p50, fresh.p50) : Number.NaN),
    times(fresh ? ratio(s.p99, fresh.p99) : Number.NaN),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...body.map((cells) => (cells[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i < 2 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

// ── main ────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  for (const bin of [SERVER_BIN, AGENT_BIN]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
  }
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-'));
  onCleanup('temp directory', () => rm(tmp, { recursive: true, force: true }));
  // The harness makes its data and config directories in os.tmpdir(): inside ours, they go
  // with it, even when an interruption catches one half made.
  process.env['TMPDIR'] = tmp;
  const info = await describeMachine();
  const rows: Row[] = [];

  rows.push(await phase(benchOursHttp));
  rows.push(await phase(() => benchOursFleet(tmp)));
  rows.push(await phase(() => benchOursHub(tmp)));

  const notes: string[] = [];
  if (existsSync(SSHD)) {
    await phase(async () => {
      const sshd = await startBenchSshd(tmp);
      rows.push(await benchOpenSshControlMaster(sshd));
      rows.push(await benchOpenSshFresh(sshd));
    });
  } else {
    notes.push(
      `OpenSSH rows skipped: ${SSHD} is missing (Debian: apt-get update && apt-get install -y openssh-server).`,
    );
  }
  rows.push(await benchReference());

  if (freshIterations !== iterations && rows.some((row) => row.key === 'ssh-fresh')) {
    notes.push(
      `Fresh ssh: ${freshIterations} calls instead of ${iterations} (each one is a full connection: key exchange and authentication).`,
    );
  }
  notes.push(
    'Calls are sequential, each after one warm-up call. Ratio columns divide the row by the OpenSSH row (below 1.00× = faster than OpenSSH).',
  );

  const out = [
    `runCommand of \`true\`: round-trip latency, ${iterations} sequential calls per method`,
    '',
    ...Object.entries(info).map(([key, value]) => `  ${key.padEnd(13)} ${value}`),
    '',
    table(rows),
    '',
    ...notes.map((note) => `- ${note}`),
  ].join('\n');
  console.log(out);

  if (flags.json) {
    await writeFile(
      resolve(flags.json),
      JSON.stringify({ machine: info, iterations, freshIterations, rows }, null, 2) + '\n',
    );
    progress(`results written to ${flags.json}`);
  }
}

main()
  .then(
    () => 0,
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      return 1;
    },
  )
  .then(async (code) => {
    await unwind();
    process.exit(code);
  });
