// Benchmark: is the server still responsive with 200 open sessions and tunnels (issue 16)? The
// latency of a simple GraphQL query and of keystroke echo in one more shell, first with nothing
// open, then with --shells shells and --tunnels tunnels (each carrying one open connection) held
// open across --agents agents, a share of them (--talkers) producing output all along. Usage:
//
//   npm run build && npx tsx bench/sessions.ts [--shells 100] [--tunnels 100] [--agents 4]
//       [--talkers 0.25] [--queries 300] [--keys 200]
//
// The load is held by a child process of its own (this file with --role load), so its event
// loop, busy with 200 sockets' output, does not slow the one that measures. Shells run on a PTY:
// a talker prints a 71-byte line every 100 ms (perl), the others run `cat` and wait. A talking tunnel
// connection gets 1 KiB every 100 ms from its target, the others stay idle. The agents split the
// load evenly: the per-client caps (32 shells, 32 tunnels) and the default rate limit (60
// requests a minute, WARN) hold as a user would have them.

import { fork } from 'node:child_process';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Connection } from '../src/client/index.js';
import { openServerStream } from '../src/client/stream.js';
import { createAgent, type TestAgent } from '../test/support/agent.js';
import { cliJson } from '../test/support/cli.js';
import { startServer } from '../test/support/server.js';
import { createCleanups, machine, progress } from './common.js';
import { createPoster, measureSequential, request, requestBody } from './graphql-http.js';
import { measureEcho } from './support/echo.js';
import { cpuMeter } from './support/process-cpu.js';
import { ratio, summarize, type Summary } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    shells: { type: 'string', default: '100' },
    tunnels: { type: 'string', default: '100' },
    agents: { type: 'string', default: '4' },
    talkers: { type: 'string', default: '0.25' },
    queries: { type: 'string', default: '300' },
    keys: { type: 'string', default: '200' },
    role: { type: 'string', default: 'measure' },
  },
});

const QUERY = '{ clients { clientId online } }';
// One process that prints and sleeps: a shell loop around `sleep` would fork ten times a second
// per talker, and those forks (not the server) would be what the machine spends its time on.
const TALKER_COMMAND = `perl -e '$|=1; while (1) { print "0123456789" x 7, "\\n"; select(undef, undef, undef, 0.1) }'`;

/** What the load process needs: where the server is, and what to open on which agents. */
interface LoadPlan {
  connection: Connection;
  agents: string[];
  targetPort: number;
  shells: number;
  tunnels: number;
  talkers: number;
}

/** The load process: opens everything, reports, then holds it open and counts output. */
async function holdLoad(plan: LoadPlan): Promise<void> {
  let bytes = 0;
  const sockets: { close(): void }[] = [];
  const talks = (i: number, of: number): boolean => i < Math.round(of * plan.talkers);
  const jobs: (() => Promise<void>)[] = [];
  for (let i = 0; i < plan.shells; i++) {
    const client = plan.agents[i % plan.agents.length] as string;
    jobs.push(async () => {
      const { ws } = await openServerStream(plan.connection, {
        op: 'shell',
        client,
        command: talks(i, plan.shells) ? TALKER_COMMAND : 'cat',
        pty: true,
        cols: 80,
        rows: 24,
      });
      ws.on('message', (data: Buffer) => (bytes += data.length));
      sockets.push(ws);
    });
  }
  for (let i = 0; i < plan.tunnels; i++) {
    const client = plan.agents[i % plan.agents.length] as string;
    jobs.push(async () => {
      const control = await openServerStream(plan.connection, {
        op: 'tunnel',
        client,
        host: '127.0.0.1',
        port: plan.targetPort,
        listen: 'bench',
      });
      sockets.push(control.ws);
      const { ws } = await openServerStream(plan.connection, {
        op: 'connect',
        tunnel: control.reply.id,
      });
      ws.on('message', (data: Buffer, isBinary: boolean) => isBinary && (bytes += data.length));
      ws.send(Buffer.from(talks(i, plan.tunnels) ? 't' : 'i'));
      sockets.push(ws);
    });
  }
  const started = Date.now();
  // Ten opens in flight at a time, as a busy operator team would; every open must succeed.
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
  process.send?.({ ready: true, openMs: Date.now() - started, sockets: sockets.length });
  process.on('message', (message: unknown) => {
    if (message === 'bytes') process.send?.({ bytes });
  });
}

/** The tunnels' target: a talking connection gets 1 KiB every 100 ms, an idle one nothing. */
function startTarget(cleanups: ReturnType<typeof createCleanups>): Promise<number> {
  const chunk = Buffer.alloc(1024, 0x61);
  const server = net.createServer((socket) => {
    let timer: NodeJS.Timeout | undefined;
    socket.once('data', (first: Buffer) => {
      if (first[0] === 0x74) timer = setInterval(() => socket.write(chunk), 100);
    });
    socket.on('close', () => clearInterval(timer));
    socket.on('error', () => undefined);
  });
  cleanups.add('target', () => new Promise((resolve) => server.close(resolve)));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

interface Phase {
  query: Summary;
  echo: Summary;
  /** CPU of each process (with its children) while this phase measured, % of one core. */
  cpuPercent: Record<string, number>;
}

async function measure(
  connection: Connection,
  pids: Record<string, number>,
  echoClient: string,
  queries: number,
  keys: number,
): Promise<Phase> {
  const poster = createPoster({ ...connection, sockets: 1 });
  const body = requestBody(QUERY);
  const meter = cpuMeter(pids);
  const started = performance.now();
  try {
    const query = await measureSequential(() => request(poster, body), {
      count: queries,
      warmup: 20,
    });
    const echo = await measureEcho(connection, echoClient, keys);
    const elapsedMs = performance.now() - started;
    return {
      query: query.summary,
      echo: summarize(echo),
      cpuPercent: Object.fromEntries(
        Object.entries(meter.since()).map(([name, ms]) => [
          name,
          Number(((ms / elapsedMs) * 100).toFixed(1)),
        ]),
      ),
    };
  } finally {
    poster.close();
  }
}

async function main(): Promise<void> {
  const shells = Number(flags.shells);
  const tunnels = Number(flags.tunnels);
  const agentCount = Number(flags.agents);
  const cleanups = createCleanups();
  try {
    const targetPort = await startTarget(cleanups);
    progress(`starting the server and ${agentCount} agents`);
    const server = await startServer({
      openEnrollment: true,
      env: { ETPHONEHOME_LOG_LEVEL: 'info' },
    });
    cleanups.add('server', () => server.close());
    const agents: TestAgent[] = [];
    for (let i = 0; i < agentCount; i++) {
      const target = `127.0.0.1:${targetPort}`;
      const agent = await createAgent(server, {
        displayName: `bench-${i}`,
        env: { SHELL: '/bin/sh' },
        allowedForwards: [target],
      });
      await agent.start();
      cleanups.add(`agent ${i}`, () => agent.close());
      await agent.waitOnline(server);
      await cliJson(server, ['clients', 'configure', agent.uuid, '--forward-targets', target]);
      agents.push(agent);
    }
    const connection = { url: server.url, apiKey: server.apiKey };
    const pids: Record<string, number> = { server: server.process.child.pid ?? 0 };
    agents.forEach(
      (agent, i) => (pids[`agent ${i} (+ its shells)`] = agent.process?.child.pid ?? 0),
    );
    const echoClient = (agents[0] as TestAgent).uuid;
    const queries = Number(flags.queries);
    const keys = Number(flags.keys);

    progress('warming up (not counted)');
    await measure(connection, pids, echoClient, 50, 20);
    progress(`none open: ${queries} queries, ${keys} keystrokes`);
    const idle = await measure(connection, pids, echoClient, queries, keys);

    progress(`opening ${shells} shells and ${tunnels} tunnels in a load process`);
    const plan: LoadPlan = {
      connection,
      agents: agents.map((a) => a.uuid),
      targetPort,
      shells,
      tunnels,
      talkers: Number(flags.talkers),
    };
    const load = fork(fileURLToPath(import.meta.url), ['--role', 'load'], {
      env: { ...process.env, ETPH_BENCH_LOAD_PLAN: JSON.stringify(plan) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    cleanups.add('load process', async () => void load.kill('SIGKILL'));
    pids['load process (bench)'] = load.pid ?? 0;
    const ready = await new Promise<{ openMs: number; sockets: number }>((resolve, reject) => {
      load.once('message', (message) => resolve(message as { openMs: number; sockets: number }));
      load.once('exit', (code) => reject(new Error(`the load process exited (${code})`)));
    });
    progress(`${ready.sockets} sockets open in ${(ready.openMs / 1000).toFixed(1)} s`);
    const askBytes = () =>
      new Promise<number>((resolve) => {
        load.once('message', (message) => resolve((message as { bytes: number }).bytes));
        load.send('bytes');
      });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const bytesBefore = await askBytes();
    const outputStarted = performance.now();
    progress(`${shells + tunnels} open: ${queries} queries, ${keys} keystrokes`);
    const busy = await measure(connection, pids, echoClient, queries, keys);
    const outputKiBps =
      ((await askBytes()) - bytesBefore) / 1024 / ((performance.now() - outputStarted) / 1000);

    const row = (name: string, pick: (phase: Phase) => Summary) => ({
      measure: name,
      noneP50ms: pick(idle).p50.toFixed(2),
      noneP99ms: pick(idle).p99.toFixed(2),
      openP50ms: pick(busy).p50.toFixed(2),
      openP99ms: pick(busy).p99.toFixed(2),
      p50Ratio: ratio(pick(busy).p50, pick(idle).p50).toFixed(2),
      p99Ratio: ratio(pick(busy).p99, pick(idle).p99).toFixed(2),
    });
    const rows = [row(`GraphQL ${QUERY}`, (p) => p.query), row('keystroke echo', (p) => p.echo)];
    console.table(rows);
    console.log(
      JSON.stringify(
        {
          machine: machine(),
          shells,
          tunnels,
          agents: agentCount,
          talkers: plan.talkers,
          openSeconds: ready.openMs / 1000,
          outputKiBps: Number(outputKiBps.toFixed(1)),
          cpuPercent: { none: idle.cpuPercent, open: busy.cpuPercent },
          rows,
        },
        null,
        2,
      ),
    );
  } finally {
    await cleanups.unwind();
  }
}

if (flags.role === 'load') {
  await holdLoad(JSON.parse(process.env['ETPH_BENCH_LOAD_PLAN'] ?? '{}') as LoadPlan);
} else {
  await main();
}
