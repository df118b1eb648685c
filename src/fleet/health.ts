// Health: a heartbeat loop per connected client, and the rules that turn its outcomes into
// HEALTHY / UNHEALTHY with a reason.
//
//   attach ──▶ heartbeat now (registers the agent) ──▶ every interval (±10 % jitter) ──▶ …
//                 │ reply            → failures = 0; sample compared to thresholds (if on)
//                 │ no reply in time → failures + 1 (not counted during the grace period)
//                 ▼
//   failures ≥ limit, or samples over a threshold ≥ limit in a row → UNHEALTHY, client.unhealthy
//   all clear again while unhealthy                               → HEALTHY,   client.recovered
//
// A closed SSH connection is not a health matter: the registry records the client offline at
// once. A silently dead network path is the SSH keepalives' job (tunnel hub), which cut the link
// after interval × count unanswered keepalives; heartbeats notice an agent that is connected
// but not answering (stopped, overloaded, wedged) before that.

import type { Logger } from 'pino';
import type { MetricsSummary } from '../protocol/rpc.js';
import type { Audit } from './audit.js';
import { HealthStatus } from './client-view.js';
import { FleetEventType } from './events.js';
import type { FleetSession, Live } from './registry.js';

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

export const ResourceName = { cpu: 'CPU', memory: 'MEMORY', disk: 'DISK' } as const;
export type ResourceNameValue = (typeof ResourceName)[keyof typeof ResourceName];

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

/** One heartbeat's outcome, as the rules see it. */
export type BeatOutcome =
  { ok: true; breaches: ResourceBreach[] | null } | { ok: false; error: string };

export interface CheckCounters {
  heartbeatFailures: number;
  /** Samples over a threshold in a row. */
  resourceBreaches: number;
}

/**
 * The rules, pure: the counters after one outcome, and the reason the client is unhealthy now
 * (null when it is healthy). Failures inside the grace period are not counted.
 */
export function assess(
  counters: CheckCounters,
  outcome: BeatOutcome,
  options: { failureLimit: number; inGrace: boolean },
): { counters: CheckCounters; reason: string | null; consecutiveFailures: number } {
  let { heartbeatFailures, resourceBreaches } = counters;
  let lastError: string | null = null;
  let breaches: ResourceBreach[] = [];
  if (outcome.ok) {
    heartbeatFailures = 0;
    breaches = outcome.breaches ?? [];
    // No sample (checks off) clears a resource verdict; a clean sample too.
    resourceBreaches = breaches.length > 0 && !options.inGrace ? resourceBreaches + 1 : 0;
  } else {
    lastError = outcome.error;
    if (!options.inGrace) heartbeatFailures += 1;
  }
  let reason: string | null = null;
  let consecutiveFailures = 0;
  if (heartbeatFailures >= options.failureLimit) {
    reason = `${heartbeatFailures} heartbeats in a row failed (last: ${lastError ?? 'no reply'})`;
    consecutiveFailures = heartbeatFailures;
  } else if (resourceBreaches >= options.failureLimit && breaches.length > 0) {
    reason = `${describeBreaches(breaches)} (${resourceBreaches} samples in a row)`;
    consecutiveFailures = resourceBreaches;
  }
  return { counters: { heartbeatFailures, resourceBreaches }, reason, consecutiveFailures };
}

export interface HealthMonitorDeps {
  config: Pick<
    HealthConfig,
    'heartbeatIntervalS' | 'heartbeatFailures' | 'graceS' | 'heartbeatTimeoutS'
  >;
  audit: Audit;
  logger: Logger;
  /** The client's health settings as they are now (operators may change them at any time). */
  settingsOf(uuid: string): Promise<{ thresholds: ResourceThresholds; resourceChecks: boolean }>;
}

export function createHealthMonitor(deps: HealthMonitorDeps) {
  const { config, audit, logger } = deps;
  const intervalMs = config.heartbeatIntervalS * 1000;
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  async function beat(session: FleetSession, entry: Live): Promise<BeatOutcome> {
    const uuid = session.identity.uuid;
    const settings = await deps.settingsOf(uuid);
    try {
      const reply = await session.call(
        'heartbeat',
        settings.resourceChecks ? { metrics: true } : {},
        { timeoutMs: config.heartbeatTimeoutS * 1000 },
      );
      const at = new Date();
      entry.lastHeartbeatAt = at;
      if (!reply.metrics) return { ok: true, breaches: null };
      entry.lastSample = { at, metrics: reply.metrics };
      return { ok: true, breaches: overThresholds(reply.metrics, settings.thresholds) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  /** Applies one outcome to the live state; records unhealthy and recovery. */
  async function apply(
    session: FleetSession,
    entry: Live,
    counters: CheckCounters,
    outcome: BeatOutcome,
  ): Promise<CheckCounters> {
    const now = new Date();
    const inGrace = now.getTime() - entry.connectedAt.getTime() < config.graceS * 1000;
    const next = assess(counters, outcome, { failureLimit: config.heartbeatFailures, inGrace });
    entry.heartbeatFailures = next.counters.heartbeatFailures;
    const uuid = session.identity.uuid;
    if (!outcome.ok) {
      logger.warn(
        { uuid, failures: next.counters.heartbeatFailures, inGrace, err: outcome.error },
        'heartbeat failed',
      );
    }
    if (next.reason !== null) {
      if (entry.health !== HealthStatus.unhealthy) {
        entry.health = HealthStatus.unhealthy;
        entry.healthReason = next.reason;
        entry.healthSince = now;
        await audit.record(FleetEventType.unhealthy, uuid, {
          reason: next.reason,
          consecutive_failures: next.consecutiveFailures,
          check: outcome.ok ? 'resources' : 'heartbeat',
          since: now.toISOString(),
          ...(outcome.ok && entry.lastSample ? { metrics: entry.lastSample.metrics } : {}),
        });
      } else {
        entry.healthReason = next.reason;
      }
    } else if (entry.health === HealthStatus.unhealthy && outcome.ok) {
      const previousReason = entry.healthReason;
      const unhealthyForS = Math.round((now.getTime() - entry.healthSince.getTime()) / 1000);
      entry.health = HealthStatus.healthy;
      entry.healthReason = null;
      entry.healthSince = now;
      await audit.record(FleetEventType.recovered, uuid, {
        previous_reason: previousReason,
        unhealthy_for_s: unhealthyForS,
      });
    }
    return next.counters;
  }

  return {
    /** Starts heartbeating a newly registered session until it closes. */
    watch(session: FleetSession, entry: Live): void {
      let counters: CheckCounters = { heartbeatFailures: 0, resourceBreaches: 0 };
      let timer: NodeJS.Timeout | undefined;
      const run = async (): Promise<void> => {
        if (timer) timers.delete(timer);
        if (stopped || session.closed) return;
        try {
          const outcome = await beat(session, entry);
          // Closed meanwhile: the disconnection, not a failed heartbeat, is what happened.
          if (session.closed) return;
          counters = await apply(session, entry, counters, outcome);
        } catch (error) {
          logger.error({ err: error, uuid: session.identity.uuid }, 'health check failed');
        }
        if (stopped || session.closed) return;
        // ±10 % jitter, so a thousand agents that connected together do not beat together.
        const delay = intervalMs * (0.9 + Math.random() * 0.2);
        timer = setTimeout(() => void run(), delay);
        timers.add(timer);
      };
      session.once('close', () => {
        if (timer) {
          clearTimeout(timer);
          timers.delete(timer);
        }
      });
      void run();
    },

    stop(): void {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type HealthMonitor = ReturnType<typeof createHealthMonitor>;
