// Benchmark: what a tunnel's processes hold in memory when the far end reads slowly. Usage:
//
//   npm run build && npx tsx bench/slow-readers.ts [--connections 20] [--mib 64]
//       [--pause-ms 20] [--v8-defaults]
//
// --connections connections through one `etphonehome forward`, all at once, each sending --mib
// MiB to a sink on the client's side that stops reading for --pause-ms after every 256 KiB. The
// path backs up (the sink's socket, the agent's channel windows, the server's queues), so read
// buffers live long enough to be promoted out of V8's young generation, the case where how V8
// accounts for them decides how much memory each process holds. Prints the resident memory of
// the server, the agent and the CLI at idle and at peak (sampled every 50 ms), and the seconds
// taken. The processes run as shipped (src/lib/v8-heap.ts; the server's flags as `npm start`
// gives them); --v8-defaults runs them with V8's own settings (support/v8-defaults.mjs, and the
// server without its old-generation floor), to compare. docs/BENCHMARKS.md, "The server's
// old-generation floor, and dead buffers on Node 24".

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { createAgent } from '../test/support/agent.js';
import { runCli, spawnCli } from '../test/support/cli.js';
import { rssBytes } from '../test/support/processes.js';
import { startServer } from '../test/support/server.js';
import {
  createCleanups,
  machine,
  nodeOptions,
  preload,
  progress,
  SERVER_SEMI_SPACE_MIB,
  serverNodeArgs,
  wholeFlag,
} from './common.js';

const { values: flags } = parseArgs({
  options: {
    connections: { type: 'string' },
    mib: { type: 'string' },
    'pause-ms': { type: 'string' },
    'v8-defaults': { type: 'boolean', default: false },
  },
});
const CONNECTIONS = wholeFlag(flags.connections, '--connections', 20);
const MIB = wholeFlag(flags.mib, '--mib', 64);
const PAUSE_MS = wholeFlag(flags['pause-ms'], '--pause-ms', 20, 0);
/** The agent's young generation as its service unit gives it (docs/phonehome.service). */
const AGENT_SEMI_SPACE_MIB = 32;
const cleanups = createCleanups();

/** Our processes' NODE_OPTIONS: a young generation, and V8's defaults when asked. */
function ourEnv(semiSpaceMiB: number): Record<string, string> {
  return nodeOptions(semiSpaceMiB, flags['v8-defaults'] ? preload('support/v8-defaults.mjs') : '');
}

/** A TCP sink that reads 256 KiB, stops for PAUSE_MS, and answers the count at EOF. */
function slowSink(): Promise<number> {
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    let bytes = 0;
    let sincePause = 0;
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      sincePause += chunk.length;
      if (sincePause < 256 * 1024) return;
      sincePause = 0;
      socket.pause();
      setTimeout(() => socket.resume(), PAUSE_MS);
    });
    socket.on('end', () => socket.end(String(bytes)));
    socket.on('error', () => undefined);
  });
  cleanups.add('sink', () => new Promise((resolve) => server.close(resolve)));
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
}

/** Sends MIB MiB through localPort and checks the sink's count. */
function send(localPort: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const total = MIB * chunk.length;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: localPort, host: '127.0.0.1', allowHalfOpen: true });
    let sent = 0;
    const pump = (): void => {
      while (sent < total) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once('drain', pump);
      }
      socket.end();
    };
    pump();
    let reply = '';
    socket.on('data', (data: Buffer) => (reply += data.toString()));
    socket.on('end', () =>
      Number(reply) === total ? resolve() : reject(new Error(`sink counted ${reply} of ${total}`)),
    );
    socket.on('error', reject);
  });
}

/** Resident MiB of each process now. */
async function residentMiB(pids: Record<string, number>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids))
    out[name] = Math.round((await rssBytes(pid)) / (1024 * 1024));
  return out;
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-slow-'));
  cleanups.add('tmp', () => rm(tmp, { recursive: true, force: true }));
  const sinkPort = await slowSink();
  progress('starting the server and an agent');
  const server = await startServer({
    openEnrollment: true,
    nodeArgs: serverNodeArgs(false, !flags['v8-defaults']),
    env: { ETPHONEHOME_LOG_LEVEL: 'info', ...ourEnv(SERVER_SEMI_SPACE_MIB) },
  });
  cleanups.add('server', () => server.close());
  const agent = await createAgent(server, {
    env: { SHELL: '/bin/sh', ...ourEnv(AGENT_SEMI_SPACE_MIB) },
  });
  const config = await agent.readConfig();
  config['allowed_forwards'] = [`127.0.0.1:${sinkPort}`];
  await writeFile(join(agent.configDir, 'config.yaml'), YAML.stringify(config));
  await agent.start();
  cleanups.add('agent', () => agent.close());
  await agent.waitOnline(server);
  const target = `127.0.0.1:${sinkPort}`;
  const configured = await runCli(server, [
    'clients',
    'configure',
    agent.uuid,
    '--forward-targets',
    target,
  ]);
  if (configured.code !== 0) throw new Error(`clients configure failed: ${configured.stderr}`);
  const cli = spawnCli(server, ['forward', agent.uuid, `0:${target}`], ourEnv(0));
  cleanups.add('forward', () => cli.kill('SIGINT'));
  const line = await cli.waitForLine((l) => l.includes('forwarding'), 30_000);
  const localPort = Number(/:(\d+) →/.exec(line)?.[1]);
  const pids = {
    'etphonehome server': server.process.child.pid as number,
    agent: agent.process?.child.pid as number,
    'etphonehome forward (CLI)': cli.child.pid as number,
  };

  const idle = await residentMiB(pids);
  const peak = { ...idle };
  let sending = true;
  const sampling = (async () => {
    while (sending) {
      for (const [name, mib] of Object.entries(await residentMiB(pids)))
        peak[name] = Math.max(peak[name] ?? 0, mib);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  progress(`${CONNECTIONS} connections × ${MIB} MiB to a sink pausing ${PAUSE_MS} ms a 256 KiB`);
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, () => send(localPort)));
  const seconds = (performance.now() - started) / 1000;
  sending = false;
  await sampling;
  console.log(
    JSON.stringify(
      {
        machine: machine(),
        connections: CONNECTIONS,
        mib: MIB,
        pauseMs: PAUSE_MS,
        v8Defaults: flags['v8-defaults'],
        seconds: Number(seconds.toFixed(2)),
        residentMiB: { idle, peak },
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
