// Benchmark: run_command round trip through MCP, over Streamable HTTP (/mcp, in-process GraphQL
// execution) and over stdio (`etphonehome mcp`, which calls the server's /graphql), beside the
// same command through GraphQL over HTTP. One spawned server, one spawned agent, `true` as the
// command, calls sequential after one warm-up call. Usage:
//
//   npm run build && npx tsx bench/mcp.ts [--iterations 500]

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createAgent } from '../test/support/agent.js';
import { connectMcp } from '../test/support/mcp.js';
import { RunCommandDocument } from '../test/support/operations.js';
import { AGENT_BIN, SERVER_BIN, startServer } from '../test/support/server.js';
import { VERSION } from '../src/version.js';
import { createCleanups, machine, progress, wholeFlag } from './common.js';
import { ratio, summarize, type Summary } from './stats.js';

const { values: flags } = parseArgs({
  options: {
    iterations: { type: 'string', default: '500' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});
if (flags.help) {
  console.log('Usage: npx tsx bench/mcp.ts [--iterations N (500)]');
  process.exit(0);
}
const iterations = wholeFlag(flags.iterations, '--iterations', 500);

const cleanups = createCleanups();

interface Row {
  method: string;
  summary: Summary;
}

async function measure(method: string, call: () => Promise<void>): Promise<Row> {
  await call();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const t0 = performance.now();
    await call();
    samples.push(performance.now() - t0);
  }
  const summary = summarize(samples);
  progress(`${method}: p50 ${summary.p50.toFixed(2)} ms, p99 ${summary.p99.toFixed(2)} ms`);
  return { method, summary };
}

async function main(): Promise<void> {
  for (const bin of [SERVER_BIN, AGENT_BIN]) {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run "npm run build" first`);
  }
  const tmp = await mkdtemp(join(os.tmpdir(), 'etph-bench-mcp-'));
  cleanups.add('temp directory', () => rm(tmp, { recursive: true, force: true }));
  process.env['TMPDIR'] = tmp;
  const info = machine({ etphonehome: VERSION });

  progress('starting etphonehome server and one phonehome agent');
  const server = await startServer({
    openEnrollment: true,
    env: { ETPHONEHOME_LOG_LEVEL: 'info' },
  });
  cleanups.add('server', () => server.close());
  const agent = await createAgent(server);
  cleanups.add('agent', () => agent.close());
  await agent.start();
  await agent.waitOnline(server);

  const expectZero = (returncode: unknown) => {
    if (returncode !== 0) throw new Error(`true exited with ${String(returncode)}`);
  };
  const rows: Row[] = [];
  rows.push(
    await measure('GraphQL runCommand, HTTP keep-alive', async () =>
      expectZero(
        (await server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'true' }))
          .runCommand.returncode,
      ),
    ),
  );
  for (const transport of ['http', 'stdio'] as const) {
    const mcp = await connectMcp(server, transport);
    cleanups.add(`mcp ${transport}`, () => mcp.close());
    rows.push(
      await measure(
        transport === 'http'
          ? 'MCP run_command, Streamable HTTP /mcp'
          : 'MCP run_command, stdio (etphonehome mcp)',
        async () =>
          expectZero(
            (
              await mcp.ok<{ returncode: number }>('run_command', {
                client_id: agent.uuid,
                cmd: 'true',
              })
            ).returncode,
          ),
      ),
    );
  }

  const base = rows[0]?.summary;
  const lines = [
    `run_command of \`true\`: round trip, ${iterations} sequential calls per method`,
    '',
    ...Object.entries(info).map(([key, value]) => `  ${key.padEnd(13)} ${value}`),
    '',
    '| method | calls | p50 ms | p99 ms | mean ms | p50 ÷ GraphQL |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ method, summary: s }) =>
        `| ${method} | ${s.count} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.mean.toFixed(2)} | ${base ? ratio(s.p50, base.p50).toFixed(2) : '—'}× |`,
    ),
  ];
  console.log(lines.join('\n'));
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
    await cleanups.unwind();
    process.exit(code);
  });
