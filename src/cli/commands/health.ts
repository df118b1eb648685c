// `etphonehome health`: the fleet at a glance (fleetHealth): counts, then the clients that need
// attention — over a threshold, unhealthy, waiting for a key, recently offline, not answering.

import { connect } from '../../client/index.js';
import {
  DEFAULT_FLEET_HEALTH_TIMEOUT_S,
  DEFAULT_RECENTLY_OFFLINE_HOURS,
  MAX_FLEET_HEALTH_TIMEOUT_S,
  MAX_RECENTLY_OFFLINE_HOURS,
} from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import {
  commonHelp,
  commonOptions,
  filterOptions,
  noPositionals,
  parse,
  parseIntFlag,
  readFilter,
} from '../args.js';
import type { Command } from '../command.js';
import { ago, clientName, failureText, percent } from '../format.js';
import { printJson, printSection, styleFor, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome health [filters] [--recent-hours N] [--timeout S] [--check] [--json]

  Counts the fleet (or the clients matching the filters) and asks every online client for its
  CPU, memory and fullest disk at once, flagged against each client's thresholds. Then lists the
  clients that need attention: over a threshold, UNHEALTHY (with the reason), waiting for
  "clients accept-key", offline within --recent-hours, or not answering.

Filters: --tags a,b (ALL), --query TEXT, --purpose TEXT, --capabilities a,b, --online
  --recent-hours N   what counts as recently offline (1 to ${MAX_RECENTLY_OFFLINE_HOURS}, default ${DEFAULT_RECENTLY_OFFLINE_HOURS})
  --timeout S        how long each client may take to answer (1 to ${MAX_FLEET_HEALTH_TIMEOUT_S}, default ${DEFAULT_FLEET_HEALTH_TIMEOUT_S})
  --check            exit 1 when any client needs attention (for cron and CI)

--json prints the fleetHealth object: {total, online, offline, unhealthy, keyMismatches,
recentlyOffline, sampled, failed, overCpu/overMemory/overDisk[{client, cpuPercent,
memoryPercent, diskPercent, over[{resource, percent, threshold}]}], unhealthyClients,
keyMismatchClients, recentlyOfflineClients, samples[…, error], collectedAt, durationMs}.

${commonHelp}

Examples:
  etphonehome health
  etphonehome health --tags production --check || notify-ops
  etphonehome health --json | jq '.overDisk[].client.clientId'
`;

const HealthDocument = graphql(`
  query CliFleetHealth($filter: ClientFilter, $recentlyOfflineHours: Int, $timeoutS: Int) {
    fleetHealth(filter: $filter, recentlyOfflineHours: $recentlyOfflineHours, timeoutS: $timeoutS) {
      ...FleetHealthCounts
      overCpu {
        ...ResourceSampleFields
      }
      overMemory {
        ...ResourceSampleFields
      }
      overDisk {
        ...ResourceSampleFields
      }
      samples {
        ...ResourceSampleFields
      }
      unhealthyClients {
        clientId
        displayName
        online
        healthReason
        healthSince
      }
      keyMismatchClients {
        clientId
        displayName
        online
        keyMismatchAt
      }
      recentlyOfflineClients {
        clientId
        displayName
        online
        lastDisconnectedAt
      }
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    ...filterOptions,
    'recent-hours': { type: 'string' },
    timeout: { type: 'string' },
    check: { type: 'boolean' },
  });
  noPositionals('health', positionals, 'use --query or --tags to narrow it');
  const recentlyOfflineHours =
    parseIntFlag('recent-hours', values['recent-hours'], {
      min: 1,
      max: MAX_RECENTLY_OFFLINE_HOURS,
    }) ?? DEFAULT_RECENTLY_OFFLINE_HOURS;
  const timeoutS =
    parseIntFlag('timeout', values.timeout, { min: 1, max: MAX_FLEET_HEALTH_TIMEOUT_S }) ??
    DEFAULT_FLEET_HEALTH_TIMEOUT_S;
  const gql = await connect(values, io.env);
  const { fleetHealth: h } = await gql.request(HealthDocument, {
    filter: readFilter(values),
    recentlyOfflineHours,
    timeoutS,
  });
  const over = new Map<string, (typeof h.samples)[number]>();
  for (const s of [...h.overCpu, ...h.overMemory, ...h.overDisk]) over.set(s.client.uuid, s);
  const failedSamples = h.samples.filter((s) => s.error);
  const attention = over.size + h.unhealthy + h.keyMismatches + failedSamples.length;
  if (values.json) printJson(io, h);
  else {
    const style = styleFor(io);
    const n = (count: number, colour: (t: string) => string): string =>
      count > 0 ? colour(String(count)) : String(count);
    io.out(
      `${h.total} client(s): ${n(h.online, style.green)} online, ${h.offline} offline (${n(h.recentlyOffline, style.yellow)} in the last ${h.recentlyOfflineHours}h), ${n(h.unhealthy, style.red)} unhealthy, ${n(h.keyMismatches, style.red)} key mismatch; sampled ${h.sampled}, ${n(h.failed, style.yellow)} not answering, ${over.size} over a threshold (${h.durationMs} ms)`,
    );
    printSection(
      io,
      'Over a threshold',
      ['CLIENT', 'CPU', 'MEMORY', 'DISK', 'OVER'],
      [...over.values()].map((s) => [
        clientName(s.client),
        percent(s.cpuPercent),
        percent(s.memoryPercent),
        percent(s.diskPercent),
        style.red(
          s.over
            .map((b) => `${b.resource.toLowerCase()} ${b.percent.toFixed(1)}% > ${b.threshold}%`)
            .join(', '),
        ),
      ]),
    );
    printSection(
      io,
      'Unhealthy',
      ['CLIENT', 'SINCE', 'REASON'],
      h.unhealthyClients.map((c) => [clientName(c), ago(c.healthSince), c.healthReason ?? '']),
    );
    printSection(
      io,
      'Waiting for "etphonehome clients accept-key"',
      ['CLIENT', 'SINCE'],
      h.keyMismatchClients.map((c) => [clientName(c), ago(c.keyMismatchAt)]),
    );
    printSection(
      io,
      'Not answering',
      ['CLIENT', 'ERROR'],
      failedSamples.map((s) => [clientName(s.client), s.error ? failureText(s.error) : '']),
    );
    printSection(
      io,
      `Offline in the last ${h.recentlyOfflineHours}h`,
      ['CLIENT', 'DISCONNECTED'],
      h.recentlyOfflineClients.map((c) => [clientName(c), ago(c.lastDisconnectedAt)]),
    );
  }
  return values.check && attention > 0 ? 1 : 0;
}

export const healthCommand: Command = {
  name: 'health',
  summary: 'fleet health: counts, and the clients over thresholds, unhealthy or waiting for a key',
  usage,
  run,
};
