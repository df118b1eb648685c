// `etphonehome metrics <client>`: a client's metrics measured now, or every N seconds with
// --watch (the clientMetrics subscription) until Ctrl-C.

import { connect, resolveConnection } from '../../client/index.js';
import { MAX_METRICS_INTERVAL_S, MIN_METRICS_INTERVAL_S } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { commonHelp, commonOptions, oneClient, parse, parseIntFlag } from '../args.js';
import type { Command } from '../command.js';
import { bytes, failureText, percent } from '../format.js';
import {
  jsonLine,
  printFields,
  printJson,
  printSection,
  styleFor,
  type CommandIO,
} from '../output.js';
import { streamSubscription } from '../subscription.js';

const usage = `Usage: etphonehome metrics <client> [--summary] [--watch N] [--json]

  A client's metrics, measured now (CPU over a short sample): CPU, load, memory, swap, disks,
  network, processes. --summary prints the compact form the fleet health check uses (hostname,
  platform, cpuPercent, memoryPercent, diskPercent, load1, uptimeS). --watch N samples every N
  seconds (${MIN_METRICS_INTERVAL_S} to ${MAX_METRICS_INTERVAL_S}) until Ctrl-C; a sample that cannot be taken prints its error and the watch
  goes on. Each sample counts toward the client's rate limit.

--json prints the metrics object as the API returns it (clientMetrics); with --watch, one JSON
object per line: {timestamp, client, metrics|null, error{code,message}|null}.

${commonHelp}

Examples:
  etphonehome metrics web-01
  etphonehome metrics web-01 --summary --json | jq .cpuPercent
  etphonehome metrics web-01 --summary --watch 5
`;

const MetricsDocument = graphql(`
  query CliClientMetrics($id: ID!, $summary: Boolean) {
    clientMetrics(id: $id, summary: $summary)
  }
`);

const MetricsSubscription = graphql(`
  subscription CliWatchMetrics($id: ID!, $intervalS: Int, $summary: Boolean) {
    clientMetrics(id: $id, intervalS: $intervalS, summary: $summary) {
      timestamp
      metrics
      error {
        ...OperationErrorFields
      }
      client {
        clientId
      }
    }
  }
`);

type Json = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function printMetrics(io: CommandIO, metrics: Json, summary: boolean): void {
  if (summary) {
    printFields(io, [
      ['host', `${String(metrics['hostname'] ?? '')} (${String(metrics['platform'] ?? '')})`],
      ['cpu', percent(num(metrics['cpuPercent']))],
      ['memory', percent(num(metrics['memoryPercent']))],
      ['disk', `${percent(num(metrics['diskPercent']))} (fullest)`],
      ['load1', String(metrics['load1'] ?? '-')],
      ['uptime', uptime(num(metrics['uptimeS']))],
    ]);
    return;
  }
  const cpu = (metrics['cpu'] ?? {}) as Json;
  const memory = (metrics['memory'] ?? {}) as Json;
  const swap = (metrics['swap'] ?? {}) as Json;
  printFields(io, [
    [
      'host',
      `${String(metrics['hostname'] ?? '')} (${String(metrics['platform'] ?? '')} ${String(metrics['platformRelease'] ?? '')}, ${String(metrics['arch'] ?? '')})`,
    ],
    ['uptime', uptime(num(metrics['uptimeS']))],
    [
      'cpu',
      `${percent(num(cpu['usagePercent']))} of ${String(cpu['cores'] ?? '?')} cores, load ${Array.isArray(cpu['load']) ? (cpu['load'] as unknown[]).join(' ') : '-'}`,
    ],
    [
      'memory',
      `${percent(num(memory['percent']))} (${bytes(num(memory['usedBytes']))} of ${bytes(num(memory['totalBytes']))})`,
    ],
    [
      'swap',
      `${percent(num(swap['percent']))} (${bytes(num(swap['usedBytes']))} of ${bytes(num(swap['totalBytes']))})`,
    ],
    ['processes', String(metrics['processCount'] ?? '-')],
  ]);
  const disks = Array.isArray(metrics['disks']) ? (metrics['disks'] as Json[]) : [];
  printSection(
    io,
    null,
    ['MOUNT', 'DEVICE', 'FS', 'USED', 'SIZE', 'USE%'],
    disks.map((d) => [
      String(d['mount'] ?? ''),
      String(d['device'] ?? ''),
      String(d['fsType'] ?? ''),
      bytes(num(d['usedBytes'])),
      bytes(num(d['totalBytes'])),
      percent(num(d['percent'])),
    ]),
  );
  const network = Array.isArray(metrics['network']) ? (metrics['network'] as Json[]) : [];
  printSection(
    io,
    null,
    ['INTERFACE', 'RX', 'TX'],
    network.map((n) => [
      String(n['interface'] ?? ''),
      bytes(num(n['rxBytes'])),
      bytes(num(n['txBytes'])),
    ]),
  );
}

function uptime(seconds: number | null): string {
  if (seconds === null) return '-';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    summary: { type: 'boolean' },
    watch: { type: 'string' },
  });
  const id = oneClient('metrics', positionals);
  const summary = values.summary ?? false;
  const intervalS = parseIntFlag('watch', values.watch, {
    min: MIN_METRICS_INTERVAL_S,
    max: MAX_METRICS_INTERVAL_S,
  });
  if (intervalS === undefined) {
    const gql = await connect(values, io.env);
    const { clientMetrics } = await gql.request(MetricsDocument, { id, summary });
    if (values.json) printJson(io, clientMetrics);
    else printMetrics(io, clientMetrics as Json, summary);
    return 0;
  }
  const style = styleFor(io);
  return streamSubscription(io, await resolveConnection(values, io.env), {
    document: MetricsSubscription,
    variables: { id, intervalS, summary },
    what: `the metrics of "${id}" every ${intervalS} s`,
    onData(data) {
      const sample = data.clientMetrics;
      if (values.json) {
        io.out(jsonLine(sample));
        return;
      }
      if (sample.error) {
        io.out(`${sample.timestamp}  ${style.red(failureText(sample.error))}`);
        return;
      }
      const m = (sample.metrics ?? {}) as Json;
      if (summary)
        io.out(
          `${sample.timestamp}  ${sample.client.clientId}  cpu ${percent(num(m['cpuPercent']))}  memory ${percent(num(m['memoryPercent']))}  disk ${percent(num(m['diskPercent']))}  load1 ${String(m['load1'] ?? '-')}`,
        );
      else {
        io.out(style.bold(`── ${sample.timestamp}`));
        printMetrics(io, m, false);
      }
    },
  });
}

export const metricsCommand: Command = {
  name: 'metrics',
  summary: "a client's CPU, memory, disks, network now (--summary, --watch N)",
  usage,
  run,
};
