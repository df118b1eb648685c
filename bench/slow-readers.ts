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

import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { rssBytes } from '../test/support/processes.js';
import {
  createCleanups,
  machine,
  nodeOptions,
  preload,
  progress,
  SERVER_SEMI_SPACE_MIB,
  wholeFlag,
} from './common.js';
import { openForwardPath } from './support/forward-path.js';
import { pushThrough } from './support/push.js';

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

/** Resident MiB of each process now. */
async function residentMiB(pids: Record<string, number>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids))
    out[name] = Math.round((await rssBytes(pid)) / (1024 * 1024));
  return out;
}

async function main(): Promise<void> {
  const sinkPort = await slowSink();
  const { localPort, pids } = await openForwardPath({
    sinkPort,
    cleanups,
    env: {
      server: ourEnv(SERVER_SEMI_SPACE_MIB),
      agent: ourEnv(AGENT_SEMI_SPACE_MIB),
      cli: ourEnv(0),
    },
    noFloor: flags['v8-defaults'],
  });

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
  await Promise.all(Array.from({ length: CONNECTIONS }, () => pushThrough(localPort, MIB)));
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
