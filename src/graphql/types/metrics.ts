// A client's metrics: once (clientMetrics query) or as a live stream of samples (clientMetrics
// subscription) for monitors. Each sample is a call to the agent and counts toward its rate limit.

import type { MetricsSample } from '../../fleet/index.js';
import {
  DEFAULT_METRICS_INTERVAL_S,
  MAX_METRICS_INTERVAL_S,
  MIN_METRICS_INTERVAL_S,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';
import { withFreshLoaders } from '../subscription-event.js';
import { ClientRef, clientRefDescription } from './client.js';
import { OperationErrorRef } from './operation-error.js';

const MetricsSampleRef = builder.objectRef<MetricsSample>('MetricsSample');
MetricsSampleRef.implement({
  description: 'One sample of a client’s metrics, or why it could not be taken.',
  fields: (t) => ({
    timestamp: isoTimeField(t, 'When the sample was asked for (ISO 8601).', (s) => s.at),
    client: t.field({ type: ClientRef, description: 'The client.', resolve: (s) => s.client }),
    metrics: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The metrics (same shape as the clientMetrics query); null when error is set.',
      resolve: (s) => s.metrics,
    }),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description:
        'Why this sample is missing (CLIENT_OFFLINE, TIMEOUT, RATE_LIMITED …); the stream goes on.',
      resolve: (s) => s.error,
    }),
  }),
});

const metricsDescription =
  'Full form: hostname, platform, platformRelease, arch, uptimeS, bootTime, cpu {usagePercent, cores, load}, memory and swap {totalBytes, usedBytes, freeBytes, percent}, disks [{mount, device, fsType, totalBytes, usedBytes, freeBytes, percent}], network [{interface, rxBytes, txBytes}], processCount. Summary form: hostname, platform, cpuPercent, memoryPercent, diskPercent (fullest disk), load1, uptimeS.';

builder.queryFields((t) => ({
  clientMetrics: t.field({
    type: 'JSON',
    description: `A client’s metrics, measured now (the CPU over a short sample). MCP: get_client_metrics. ${metricsDescription}`,
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
      summary: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'The compact form the guide’s fleet health check uses.',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.metrics.get(String(args.id), args.summary ?? false, ctx.caller),
  }),
}));

builder.subscriptionFields((t) => ({
  clientMetrics: t.field({
    type: MetricsSampleRef,
    description:
      'A client’s metrics every intervalS seconds, for live monitors. A sample that cannot be taken (offline, timeout, rate limit) arrives with error set, and the stream goes on. Each sample counts toward the client’s rate limit.',
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
      summary: t.arg.boolean({
        required: false,
        defaultValue: true,
        description: 'The compact form (default) or the full one.',
      }),
      intervalS: t.arg.int({
        required: false,
        defaultValue: DEFAULT_METRICS_INTERVAL_S,
        description: `Seconds between samples (${MIN_METRICS_INTERVAL_S} to ${MAX_METRICS_INTERVAL_S}).`,
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.fleet.metrics.subscribe(
        String(args.id),
        { summary: args.summary ?? true, intervalS: args.intervalS ?? DEFAULT_METRICS_INTERVAL_S },
        ctx.caller,
      ),
    resolve: withFreshLoaders,
  }),
}));
