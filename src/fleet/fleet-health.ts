// fleetHealth: the guide's "Quick Fleet Status" and "Health Check Across Fleet" in one call —
// counts from the registry, and a metrics summary from every online client matching the
// filter, compared to each one's thresholds.
//
//   online client ── its latest sample younger than maxAgeSeconds? ── yes ─▶ used as it is
//                                                                  └─ no ──▶ asked (get_metrics
//                                                                    through the gate), kept
//
// Every heartbeat carries the agent's metrics summary (./health.ts), so with the default age
// (twice the heartbeat interval) a healthy fleet is answered from memory and only the clients
// whose sample is missing or old are asked: 10,000 agents asked 256 at a time took over 10 s.
// Each result says how old its sample is (sampleAgeSeconds).

import { ErrorCode } from '../errors.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import type { MetricsSummary } from '../protocol/rpc.js';
import { metricsSummarySchema } from '../protocol/schemas.js';
import type { ClientQuery, ClientRecord, Store } from '../store/index.js';
import type { Caller } from './caller.js';
import type { ClientFilter } from './client-filter.js';
import { HealthStatus, type ClientView } from './client-view.js';
import type { Gate } from './gate.js';
import {
  DEFAULT_FLEET_HEALTH_TIMEOUT_S,
  DEFAULT_RECENTLY_OFFLINE_HOURS,
  MAX_FLEET_HEALTH_SAMPLE_AGE_S,
  MAX_FLEET_HEALTH_TIMEOUT_S,
  MAX_HEALTH_LIST,
  MAX_RECENTLY_OFFLINE_HOURS,
} from './limits.js';
import { failureOf, type OperationFailure } from './outcomes.js';
import type { Registry } from './registry.js';
import { overThresholds, type ResourceBreach } from './resources.js';
import type { ResourceThresholds } from './settings.js';
import { bad, validateFilter } from './validation.js';

export interface ResourceSample {
  client: ClientView;
  metrics: MetricsSummary | null;
  thresholds: ResourceThresholds;
  over: ResourceBreach[];
  error: OperationFailure | null;
  /** When the metrics were sampled (a heartbeat's or this call's); null without metrics. */
  sampledAt: Date | null;
}

export interface FleetHealthReport {
  total: number;
  online: number;
  offline: number;
  keyMismatches: number;
  unhealthy: number;
  recentlyOffline: number;
  recentlyOfflineHours: number;
  sampled: number;
  failed: number;
  samples: ResourceSample[];
  unhealthyClients: ClientView[];
  keyMismatchClients: ClientView[];
  recentlyOfflineClients: ClientView[];
  collectedAt: Date;
  durationMs: number;
}

export interface FleetHealthOptions {
  timeoutS?: number | null | undefined;
  recentlyOfflineHours?: number | null | undefined;
  /** A sample younger than this is used without asking the client; 0 asks every client. */
  maxAgeSeconds?: number | null | undefined;
}

/** Samples collected at once (each waits ~250 ms on the agent's CPU sample). */
const FLEET_HEALTH_PARALLELISM = 256;

export interface FleetHealthDeps {
  store: Store;
  gate: Gate;
  registry: Pick<Registry, 'view' | 'onlineUuids' | 'live'>;
  /** maxAgeSeconds when the caller gives none: twice the heartbeat interval. */
  defaultMaxAgeSeconds: number;
  /** The store's conditions for a door's filter (the online clients resolved). */
  queryOf(filter: ClientFilter): ClientQuery;
}

export function createFleetHealth(deps: FleetHealthDeps) {
  const { store, gate, registry } = deps;

  async function sample(row: ClientRecord, client: ClientView, timeoutS: number, caller: Caller) {
    const unusable = (error: OperationFailure | null): ResourceSample => ({
      client,
      metrics: null,
      thresholds: client.thresholds,
      over: [],
      error,
      sampledAt: null,
    });
    try {
      const { result } = await gate.call(row, caller, {
        method: 'get_metrics',
        params: { summary: true },
        timeoutMs: timeoutS * 1000,
      });
      const parsed = metricsSummarySchema.safeParse(result);
      if (!parsed.success) {
        return unusable({
          code: ErrorCode.agentUnavailable,
          message: `Client "${client.clientId}" sent a metrics summary without usable percentages.`,
        });
      }
      const metrics = parsed.data as MetricsSummary;
      const sampledAt = new Date();
      // Kept as the client's latest sample, like a heartbeat's: the next call can use it.
      const live = registry.live(row.uuid);
      if (live && (live.lastSample === null || live.lastSample.at < sampledAt))
        live.lastSample = { at: sampledAt, metrics };
      return fromMetrics(client, metrics, sampledAt);
    } catch (error) {
      return unusable(failureOf(error));
    }
  }

  function fromMetrics(client: ClientView, metrics: MetricsSummary, sampledAt: Date) {
    return {
      client,
      metrics,
      thresholds: client.thresholds,
      over: overThresholds(metrics, client.thresholds),
      error: null,
      sampledAt,
    };
  }

  return async function fleetHealth(
    filter: ClientFilter,
    options: FleetHealthOptions,
    caller: Caller,
  ): Promise<FleetHealthReport> {
    validateFilter(filter);
    const timeoutS = options.timeoutS ?? DEFAULT_FLEET_HEALTH_TIMEOUT_S;
    const recentlyOfflineHours = options.recentlyOfflineHours ?? DEFAULT_RECENTLY_OFFLINE_HOURS;
    if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > MAX_FLEET_HEALTH_TIMEOUT_S)
      throw bad(
        `timeoutS must be a whole number of seconds from 1 to ${MAX_FLEET_HEALTH_TIMEOUT_S} (got ${timeoutS}).`,
      );
    if (
      !Number.isInteger(recentlyOfflineHours) ||
      recentlyOfflineHours < 1 ||
      recentlyOfflineHours > MAX_RECENTLY_OFFLINE_HOURS
    )
      throw bad(
        `recentlyOfflineHours must be a whole number from 1 to ${MAX_RECENTLY_OFFLINE_HOURS} (got ${recentlyOfflineHours}).`,
      );
    const maxAgeSeconds = options.maxAgeSeconds ?? deps.defaultMaxAgeSeconds;
    if (
      !Number.isInteger(maxAgeSeconds) ||
      maxAgeSeconds < 0 ||
      maxAgeSeconds > MAX_FLEET_HEALTH_SAMPLE_AGE_S
    )
      throw bad(
        `maxAgeSeconds must be a whole number of seconds from 0 (ask every client) to ${MAX_FLEET_HEALTH_SAMPLE_AGE_S} (got ${maxAgeSeconds}).`,
      );
    const started = Date.now();
    const query = deps.queryOf(filter);
    const onlineNow = registry.onlineUuids();
    const recently: ClientQuery = {
      ...query,
      disconnectedSince: new Date(started - recentlyOfflineHours * 3_600_000),
      uuidNotIn: onlineNow,
    };
    // One connection serves the store: these run one after another anyway.
    const total = await store.clients.count(query);
    const keyMismatches = await store.clients.count({ ...query, keyMismatch: true });
    const online = await store.clients.list({ ...query, uuidIn: onlineNow });
    const recentlyOffline = await store.clients.count(recently);
    const keyMismatchRows =
      keyMismatches > 0
        ? await store.clients.list({ ...query, keyMismatch: true }, { limit: MAX_HEALTH_LIST })
        : [];
    const recentlyOfflineRows =
      recentlyOffline > 0 ? await store.clients.list(recently, { limit: MAX_HEALTH_LIST }) : [];
    const onlineViews = online.map(registry.view);
    // A client waiting for acceptKey is not called (every call would be refused and audited).
    const targets = online
      .map((row, index) => ({ row, client: onlineViews[index] as ClientView }))
      .filter(({ client }) => !client.keyMismatch);
    const freshSince = started - maxAgeSeconds * 1000;
    const samples: (ResourceSample | null)[] = targets.map(({ row, client }) => {
      const latest = registry.live(row.uuid)?.lastSample;
      return maxAgeSeconds > 0 && latest && latest.at.getTime() >= freshSince
        ? fromMetrics(client, latest.metrics, latest.at)
        : null;
    });
    const stale = targets.flatMap((target, index) => (samples[index] ? [] : [{ target, index }]));
    await mapWithConcurrency(stale, FLEET_HEALTH_PARALLELISM, async ({ target, index }) => {
      samples[index] = await sample(target.row, target.client, timeoutS, caller);
    });
    const collected = samples as ResourceSample[];
    const unhealthyClients = onlineViews.filter((c) => c.health === HealthStatus.unhealthy);
    return {
      total,
      online: online.length,
      offline: total - online.length,
      keyMismatches,
      unhealthy: unhealthyClients.length,
      recentlyOffline,
      recentlyOfflineHours,
      sampled: collected.filter((s) => s.error === null).length,
      failed: collected.filter((s) => s.error !== null).length,
      samples: collected,
      unhealthyClients: unhealthyClients.slice(0, MAX_HEALTH_LIST),
      keyMismatchClients: keyMismatchRows.map(registry.view),
      recentlyOfflineClients: recentlyOfflineRows.map(registry.view),
      collectedAt: new Date(),
      durationMs: Date.now() - started,
    };
  };
}
