// fleetHealth: the guide's "Quick Fleet Status" and "Health Check Across Fleet" as one query —
// the fleet's counts, and a metrics summary of every online client matching the filter (its
// latest heartbeat sample when young enough, else asked), compared to each client's thresholds.

import type { FleetHealthReport, ResourceBreach, ResourceSample } from '../../fleet/index.js';
import {
  DEFAULT_FLEET_HEALTH_TIMEOUT_S,
  DEFAULT_RECENTLY_OFFLINE_HOURS,
  MAX_FLEET_HEALTH_SAMPLE_AGE_S,
  MAX_FLEET_HEALTH_TIMEOUT_S,
  MAX_HEALTH_LIST,
  MAX_RECENTLY_OFFLINE_HOURS,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';
import { ClientFilterInput, ClientRef } from './client.js';
import { ResourceThresholdsRef } from './client-settings.js';
import { OperationErrorRef } from './operation-error.js';

const ResourceEnum = builder.enumType('Resource', {
  description: 'A resource with a threshold.',
  values: {
    CPU: { description: 'CPU usage over a short sample.' },
    MEMORY: { description: 'Memory in use (reclaimable cache counts as free).' },
    DISK: { description: 'The fullest real disk.' },
  } as const,
});

const ResourceBreachRef = builder.objectRef<ResourceBreach>('ResourceBreach');
ResourceBreachRef.implement({
  description: 'A resource over its threshold.',
  fields: (t) => ({
    resource: t.field({ type: ResourceEnum, description: 'Which.', resolve: (b) => b.resource }),
    percent: t.exposeFloat('percent', { description: 'The sampled percentage.' }),
    threshold: t.exposeFloat('threshold', { description: 'The client’s threshold.' }),
  }),
});

const ResourceSampleRef = builder.objectRef<ResourceSample>('ResourceSample');
ResourceSampleRef.implement({
  description: 'One online client’s metrics summary and how it compares to its thresholds.',
  fields: (t) => ({
    client: t.field({ type: ClientRef, description: 'The client.', resolve: (s) => s.client }),
    sampleAgeSeconds: t.float({
      nullable: true,
      description:
        'How old the metrics are, in seconds: a heartbeat’s sample younger than maxAgeSeconds, or one asked for by this call (null without metrics).',
      resolve: (s) =>
        s.sampledAt === null
          ? null
          : Math.max(0, Math.round((Date.now() - s.sampledAt.getTime()) / 100) / 10),
    }),
    cpuPercent: t.float({
      nullable: true,
      description: 'CPU usage, percent.',
      resolve: (s) => s.metrics?.cpuPercent ?? null,
    }),
    memoryPercent: t.float({
      nullable: true,
      description: 'Memory in use, percent.',
      resolve: (s) => s.metrics?.memoryPercent ?? null,
    }),
    diskPercent: t.float({
      nullable: true,
      description: 'The fullest disk, percent.',
      resolve: (s) => s.metrics?.diskPercent ?? null,
    }),
    load1: t.float({
      nullable: true,
      description: 'One-minute load average (null on Windows).',
      resolve: (s) => s.metrics?.load1 ?? null,
    }),
    summary: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The whole summary as the agent sent it (get_client_metrics summary: true).',
      resolve: (s) => s.metrics,
    }),
    thresholds: t.field({
      type: ResourceThresholdsRef,
      description: 'The thresholds it was compared to (its own, or the server defaults).',
      resolve: (s) => s.thresholds,
    }),
    over: t.field({
      type: [ResourceBreachRef],
      description: 'The resources over their thresholds; empty when none is.',
      resolve: (s) => s.over,
    }),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description: 'Why no summary came back (TIMEOUT, RATE_LIMITED, AGENT_UNAVAILABLE …).',
      resolve: (s) => s.error,
    }),
  }),
});

function overFor(resource: ResourceBreach['resource']) {
  return (report: FleetHealthReport): ResourceSample[] =>
    report.samples
      .filter((s) => s.over.some((b) => b.resource === resource))
      .sort(
        (a, b) =>
          (b.over.find((x) => x.resource === resource)?.percent ?? 0) -
          (a.over.find((x) => x.resource === resource)?.percent ?? 0),
      );
}

const healthList = MAX_HEALTH_LIST.toLocaleString('en-US');

const FleetHealthRef = builder.objectRef<FleetHealthReport>('FleetHealth');
FleetHealthRef.implement({
  description:
    'The fleet (or the part matching the filter) at a glance: counts, and every online client’s metrics summary against its thresholds.',
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Clients matching the filter.' }),
    online: t.exposeInt('online', { description: 'Of them, online now.' }),
    offline: t.exposeInt('offline', { description: 'Of them, offline now.' }),
    keyMismatches: t.exposeInt('keyMismatches', {
      description: 'Of them, waiting for acceptKey after a key change (not sampled).',
    }),
    unhealthy: t.exposeInt('unhealthy', {
      description: 'Of them, online and UNHEALTHY (heartbeats or resource checks).',
    }),
    recentlyOffline: t.exposeInt('recentlyOffline', {
      description: 'Of them, offline now after disconnecting within recentlyOfflineHours.',
    }),
    recentlyOfflineHours: t.exposeInt('recentlyOfflineHours', {
      description: 'The window "recently offline" was counted over.',
    }),
    sampled: t.exposeInt('sampled', { description: 'Online clients whose summary came back.' }),
    failed: t.exposeInt('failed', {
      description: 'Online clients whose summary did not (see samples[].error).',
    }),
    samples: t.field({
      type: [ResourceSampleRef],
      description: 'One entry per online client asked (key mismatches are not asked).',
      resolve: (r) => r.samples,
    }),
    overCpu: t.field({
      type: [ResourceSampleRef],
      description: 'Clients over their CPU threshold, highest first.',
      resolve: overFor('CPU'),
    }),
    overMemory: t.field({
      type: [ResourceSampleRef],
      description: 'Clients over their memory threshold, highest first.',
      resolve: overFor('MEMORY'),
    }),
    overDisk: t.field({
      type: [ResourceSampleRef],
      description: 'Clients over their disk threshold, highest first.',
      resolve: overFor('DISK'),
    }),
    unhealthyClients: t.field({
      type: [ClientRef],
      description: `The UNHEALTHY clients (with healthReason), at most ${healthList}.`,
      resolve: (r) => r.unhealthyClients,
    }),
    keyMismatchClients: t.field({
      type: [ClientRef],
      description: `The clients waiting for acceptKey, at most ${healthList}.`,
      resolve: (r) => r.keyMismatchClients,
    }),
    recentlyOfflineClients: t.field({
      type: [ClientRef],
      description: `The recently offline clients, at most ${healthList}.`,
      resolve: (r) => r.recentlyOfflineClients,
    }),
    collectedAt: isoTimeField(t, 'When collection finished (ISO 8601).', (r) => r.collectedAt),
    durationMs: t.exposeInt('durationMs', { description: 'How long collection took.' }),
  }),
});

builder.queryFields((t) => ({
  fleetHealth: t.field({
    type: FleetHealthRef,
    description:
      'The guide’s fleet status and health check in one call: counts, and a metrics summary of every online client matching the filter — its latest heartbeat sample when younger than maxAgeSeconds, else asked in parallel with a timeout per client — flagged against each client’s thresholds. MCP: fleet_health.',
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: false,
        description: 'Which clients (default: the whole fleet).',
      }),
      timeoutS: t.arg.int({
        required: false,
        defaultValue: DEFAULT_FLEET_HEALTH_TIMEOUT_S,
        description: `How long each client may take to answer (1 to ${MAX_FLEET_HEALTH_TIMEOUT_S} s).`,
      }),
      recentlyOfflineHours: t.arg.int({
        required: false,
        defaultValue: DEFAULT_RECENTLY_OFFLINE_HOURS,
        description: `What counts as recently offline (1 to ${MAX_RECENTLY_OFFLINE_HOURS} hours).`,
      }),
      maxAgeSeconds: t.arg.int({
        required: false,
        description: `Use a client’s latest heartbeat sample when it is younger than this, and ask only the others (0 to ${MAX_FLEET_HEALTH_SAMPLE_AGE_S} s; 0 asks every client; default twice the heartbeat interval).`,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.metrics.fleetHealth(
        args.filter ?? {},
        {
          timeoutS: args.timeoutS,
          recentlyOfflineHours: args.recentlyOfflineHours,
          maxAgeSeconds: args.maxAgeSeconds,
        },
        ctx.caller,
      ),
  }),
}));
