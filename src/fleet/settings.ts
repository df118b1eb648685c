// A client's operational settings and what they default to: rate limits and health checks. The
// server-wide defaults come from the configuration (config.ts); a client's own value, when set,
// overrides them.

import type { ClientRecord, Store } from '../store/index.js';
import { screamingEnum, type ValueOf } from '../lib/screaming-enum.js';

export const RateLimitMode = screamingEnum('warn', 'enforce', 'off');
export type RateLimitModeName = ValueOf<typeof RateLimitMode>;

export function isRateLimitMode(value: unknown): value is RateLimitModeName {
  return (Object.values(RateLimitMode) as unknown[]).includes(value);
}

/** Requests per rolling minute, requests in flight, and what happens beyond them. */
export interface RateLimitDefaults {
  rpm: number;
  concurrent: number;
  mode: RateLimitModeName;
}

export interface ResourceThresholds {
  /** Percent; a sample above it is over the threshold. */
  cpu: number;
  memory: number;
  disk: number;
}

export interface HealthConfig {
  heartbeatIntervalS: number;
  /** Consecutive failed heartbeats (or samples over a threshold) that make a client unhealthy. */
  heartbeatFailures: number;
  /** After a connection, failures are not counted for this long. */
  graceS: number;
  /** How long one heartbeat may take before it counts as failed. */
  heartbeatTimeoutS: number;
  /** Whether crossing a resource threshold makes a client unhealthy (per client overridable). */
  resourceChecks: boolean;
  thresholds: ResourceThresholds;
}

/** What the server defaults a client's health settings to. */
export type HealthDefaults = Pick<HealthConfig, 'thresholds' | 'resourceChecks'>;

type Settings = Pick<
  ClientRecord,
  | 'rateLimitRpm'
  | 'rateLimitConcurrent'
  | 'rateLimitMode'
  | 'cpuThreshold'
  | 'memoryThreshold'
  | 'diskThreshold'
  | 'resourceChecks'
>;

/** A client's own limits where it has them, the server defaults otherwise. */
export function effectiveRateLimits(
  client: Settings,
  defaults: RateLimitDefaults,
): RateLimitDefaults {
  return {
    rpm: client.rateLimitRpm ?? defaults.rpm,
    concurrent: client.rateLimitConcurrent ?? defaults.concurrent,
    mode: isRateLimitMode(client.rateLimitMode) ? client.rateLimitMode : defaults.mode,
  };
}

/** A client's own thresholds where it has them, the server defaults otherwise. */
export function effectiveThresholds(
  client: Settings,
  defaults: HealthDefaults,
): ResourceThresholds {
  return {
    cpu: client.cpuThreshold ?? defaults.thresholds.cpu,
    memory: client.memoryThreshold ?? defaults.thresholds.memory,
    disk: client.diskThreshold ?? defaults.thresholds.disk,
  };
}

export function effectiveResourceChecks(client: Settings, defaults: HealthDefaults): boolean {
  return client.resourceChecks ?? defaults.resourceChecks;
}

/**
 * Reads a client's health settings as they are now (operators may change them at any time); a
 * client that is gone gets the server's thresholds and no resource checks.
 */
export function storedHealthSettings(
  clients: Pick<Store['clients'], 'get'>,
  defaults: HealthDefaults,
): (uuid: string) => Promise<{ thresholds: ResourceThresholds; resourceChecks: boolean }> {
  return async (uuid) => {
    const row = await clients.get(uuid);
    return row
      ? {
          thresholds: effectiveThresholds(row, defaults),
          resourceChecks: effectiveResourceChecks(row, defaults),
        }
      : { thresholds: defaults.thresholds, resourceChecks: false };
  };
}
