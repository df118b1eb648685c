// Our whole tunnel path for a benchmark: a server (as `npm start` runs it), an agent allowed to
// reach one TCP sink, the client's setting that allows it too, and `etphonehome forward` to it
// (bench/tunnels.ts, bench/slow-readers.ts).
import { createAgent, type TestAgent } from '../../test/support/agent.js';
import { cliJson, spawnCli } from '../../test/support/cli.js';
import { startServer, type TestServer } from '../../test/support/server.js';
import { type Cleanups, progress, serverNodeArgs } from '../common.js';

export interface ForwardPath {
  server: TestServer;
  agent: TestAgent;
  /** The local port `etphonehome forward` listens on. */
  localPort: number;
  /** The PIDs of our three processes, by the names the benchmarks print. */
  pids: Record<string, number>;
}

export interface ForwardPathOptions {
  sinkPort: number;
  cleanups: Cleanups;
  /** NODE_OPTIONS and the like for each of our processes. */
  env: {
    server: Record<string, string>;
    agent: Record<string, string>;
    cli: Record<string, string>;
  };
  /** The server without its old-generation floor (`--v8-defaults`). */
  noFloor?: boolean;
  /** Runs once the server is up, before the agent attaches (a simulated fleet, say). */
  beforeAgent?: (server: TestServer) => Promise<void>;
}

export async function openForwardPath(options: ForwardPathOptions): Promise<ForwardPath> {
  const { cleanups } = options;
  const target = `127.0.0.1:${options.sinkPort}`;
  progress('starting the server and an agent');
  // As shipped (npm start, the systemd unit): the memory reducer off, the old generation's floor.
  const server = await startServer({
    openEnrollment: true,
    nodeArgs: serverNodeArgs(false, !options.noFloor),
    env: { ETPHONEHOME_LOG_LEVEL: 'info', ...options.env.server },
  });
  cleanups.add('server', () => server.close());
  await options.beforeAgent?.(server);
  const agent = await createAgent(server, {
    env: { SHELL: '/bin/sh', ...options.env.agent },
    allowedForwards: [target],
  });
  await agent.start();
  cleanups.add('agent', () => agent.close());
  await agent.waitOnline(server);
  await cliJson(server, ['clients', 'configure', agent.uuid, '--forward-targets', target]);
  const cli = spawnCli(server, ['forward', agent.uuid, `0:${target}`], options.env.cli);
  cleanups.add('forward', () => cli.kill('SIGINT'));
  const line = await cli.waitForLine((l) => l.includes('forwarding'), 30_000);
  return {
    server,
    agent,
    localPort: Number(/:(\d+) →/.exec(line)?.[1]),
    pids: {
      'etphonehome forward (CLI)': cli.child.pid as number,
      'etphonehome server': server.process.child.pid as number,
      agent: agent.process?.child.pid as number,
    },
  };
}
