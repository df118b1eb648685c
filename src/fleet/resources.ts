// Resource samples against thresholds: which resources of a metrics summary are over, and how
// to say so. Used by the heartbeat checks and by fleetHealth.

import type { MetricsSummary } from '../protocol/rpc.js';
import type { ResourceThresholds } from './settings.js';
import { screamingEnum, type ValueOf } from '../lib/screaming-enum.js';

export const ResourceName = screamingEnum('cpu', 'memory', 'disk');
export type ResourceNameValue = ValueOf<typeof ResourceName>;

export interface ResourceBreach {
  resource: ResourceNameValue;
  percent: number;
  threshold: number;
}

/** The resources of a metrics summary above their thresholds. */
export function overThresholds(
  metrics: Pick<MetricsSummary, 'cpuPercent' | 'memoryPercent' | 'diskPercent'>,
  thresholds: ResourceThresholds,
): ResourceBreach[] {
  const breaches: ResourceBreach[] = [];
  const check = (resource: ResourceNameValue, percent: number | null, threshold: number) => {
    if (percent !== null && percent > threshold) breaches.push({ resource, percent, threshold });
  };
  check(ResourceName.cpu, metrics.cpuPercent, thresholds.cpu);
  check(ResourceName.memory, metrics.memoryPercent, thresholds.memory);
  check(ResourceName.disk, metrics.diskPercent, thresholds.disk);
  return breaches;
}

export function describeBreaches(breaches: readonly ResourceBreach[]): string {
  return breaches
    .map((b) => `${b.resource.toLowerCase()} ${b.percent}% over the ${b.threshold}% threshold`)
    .join(', ');
}
