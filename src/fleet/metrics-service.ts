// Metrics and the fleet's health at a glance: one client's metrics (full or summary), a live
// stream of samples, and fleetHealth — the guide's "Quick Fleet Status" and "Health Check Across
// Fleet" in one call: counts from the registry, and a summary from every online client matching
// the filter, collected in parallel with a timeout per client, compared to each one's thresholds.
//
// Every sample is an agent call through the fleet's one door (quarantine, rate-limit permit).

import type { EntityManager } from '@mikro-orm/sqlite';

import { ErrorCode } from '../errors.js';
import { createAsyncQueue } from '../lib/async-queue.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import type { MetricsResult, MetricsSummary, RpcMethods } from '../protocol/rpc.js';
import { metricsSummarySchema } from '../protocol/schemas.js';
import type { Client } from '../store/entities/index.js';
import type { Store } from '../store/orm.js';
import { HealthStatus, type ClientView } from './client-view.js';
import { overThresholds, type ResourceBreach, type ResourceThresholds } from './health.js';
import { MAX_HEALTH_LIST, METRICS_TIMEOUT_MS } from './limits.js';
import type { ClientFilter, Registry } from './registry.js';
import type { Caller } from './fleet.js';
import { bad, failureOf, validateFilter } from './validation.js';

type CallAgent = <M extends keyof RpcMethods>(
  ref: string | Client,
  method: M,
  params: RpcMethods[M]['params'],
  timeoutMs: number,
  caller: Caller,
) => Promise<{ client: Client; result: RpcMethods[M]['result'] }>;

export interface MetricsSample {
  at: Date;
  client: ClientView;
  metrics: MetricsResult | null;
  error: { code: string; message: string } | null;
}

export interface ResourceSample {
  client: ClientView;
  metrics: MetricsSummary | null;
  thresholds: ResourceThresholds;
  over: ResourceBreach[];
  error: { code: string; message: string } | null;
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
}

/** Samples collected at once by fleetHealth (each waits ~250 ms on the agent's CPU sample). */
const FLEET_HEALTH_PARALLELISM = 256;

export function createMetricsService(deps: {
  store: Store;
  registry: Registry;
  callAgent: CallAgent;
}) {
  const { store, registry, callAgent } = deps;

  async function clientMetrics(
    ref: string,
    summary: boolean,
    caller: Caller,
  ): Promise<MetricsResult> {
    const { result } = await callAgent(ref, 'get_metrics', { summary }, METRICS_TIMEOUT_MS, caller);
    return result;
  }

  /** Samples of one client's metrics every `intervalS`, until the iterator is closed. */
  async function subscribeMetrics(
    ref: string,
    options: { summary: boolean; intervalS: number },
    caller: Caller,
  ): Promise<AsyncIterableIterator<MetricsSample>> {
    const { intervalS } = options;
    if (!Number.isInteger(intervalS) || intervalS < 1 || intervalS > 3600)
      throw bad(`intervalS must be a whole number of seconds from 1 to 3600 (got ${intervalS}).`);
    const first = registry.view(await registry.resolve(store.em.fork(), ref));
    const stop = new AbortController();
    const out = createAsyncQueue<MetricsSample>({ maxBuffered: 100, onClose: () => stop.abort() });
    const sampleCaller: Caller = { actor: caller.actor, signal: stop.signal };
    void (async () => {
      while (!out.closed) {
        const at = new Date();
        let sample: MetricsSample;
        try {
          const { client, result } = await callAgent(
            first.uuid,
            'get_metrics',
            { summary: options.summary },
            Math.min(METRICS_TIMEOUT_MS, intervalS * 1000 + 10_000),
            sampleCaller,
          );
          sample = { at, client: registry.view(client), metrics: result, error: null };
        } catch (error) {
          if (out.closed) break;
          let view: ClientView = first;
          try {
            view = registry.view(await registry.resolve(store.em.fork(), first.uuid));
          } catch {
            // The client is gone; report the error against what we knew.
          }
          try {
            sample = { at, client: view, metrics: null, error: failureOf(error) };
          } catch (unexpected) {
            out.end(unexpected as Error);
            return;
          }
        }
        out.push(sample);
        const wait = Math.max(0, at.getTime() + intervalS * 1000 - Date.now());
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          stop.signal.addEventListener(
            'abort',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
      }
    })();
    return out;
  }

  async function fleetHealth(
    filter: ClientFilter,
    options: FleetHealthOptions,
    caller: Caller,
  ): Promise<FleetHealthReport> {
    validateFilter(filter);
    const timeoutS = options.timeoutS ?? 10;
    const recentlyOfflineHours = options.recentlyOfflineHours ?? 24;
    if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS > 120)
      throw bad(`timeoutS must be a whole number of seconds from 1 to 120 (got ${timeoutS}).`);
    if (
      !Number.isInteger(recentlyOfflineHours) ||
      recentlyOfflineHours < 1 ||
      recentlyOfflineHours > 24 * 90
    )
      throw bad(
        `recentlyOfflineHours must be a whole number from 1 to 2160 (got ${recentlyOfflineHours}).`,
      );
    const started = Date.now();
    const em: EntityManager = store.em.fork();
    const since = new Date(started - recentlyOfflineHours * 3_600_000);
    // One connection serves the store: these run one after another anyway.
    const total = await registry.count(em, filter);
    const keyMismatches = await registry.count(em, { ...filter, keyMismatch: true });
    const online = await registry.list(em, { ...filter, onlineOnly: true });
    const recentlyOffline = await registry.count(em, { ...filter, offlineSince: since });
    const keyMismatchRows =
      keyMismatches > 0
        ? await registry.list(em, { ...filter, keyMismatch: true }, { limit: MAX_HEALTH_LIST })
        : [];
    const recentlyOfflineRows =
      recentlyOffline > 0
        ? await registry.list(em, { ...filter, offlineSince: since }, { limit: MAX_HEALTH_LIST })
        : [];
    const onlineViews = online.map(registry.view);
    // A client waiting for acceptKey is not called (every call would be refused and audited).
    const targets = online
      .map((row, index) => ({ row, client: onlineViews[index] as ClientView }))
      .filter(({ client }) => !client.keyMismatch);
    const samples = await mapWithConcurrency(
      targets,
      FLEET_HEALTH_PARALLELISM,
      async ({ row, client }): Promise<ResourceSample> => {
        try {
          const { result } = await callAgent(
            row,
            'get_metrics',
            { summary: true },
            timeoutS * 1000,
            caller,
          );
          const parsed = metricsSummarySchema.safeParse(result);
          if (!parsed.success) {
            return {
              client,
              metrics: null,
              thresholds: client.thresholds,
              over: [],
              error: {
                code: ErrorCode.agentUnavailable,
                message: `Client "${client.clientId}" sent a metrics summary without usable percentages.`,
              },
            };
          }
          const metrics = parsed.data as MetricsSummary;
          return {
            client,
            metrics,
            thresholds: client.thresholds,
            over: overThresholds(metrics, client.thresholds),
            error: null,
          };
        } catch (error) {
          return {
            client,
            metrics: null,
            thresholds: client.thresholds,
            over: [],
            error: failureOf(error),
          };
        }
      },
    );
    const unhealthyClients = onlineViews.filter((c) => c.health === HealthStatus.unhealthy);
    return {
      total,
      online: online.length,
      offline: total - online.length,
      keyMismatches,
      unhealthy: unhealthyClients.length,
      recentlyOffline,
      recentlyOfflineHours,
      sampled: samples.filter((s) => s.error === null).length,
      failed: samples.filter((s) => s.error !== null).length,
      samples,
      unhealthyClients: unhealthyClients.slice(0, MAX_HEALTH_LIST),
      keyMismatchClients: keyMismatchRows.map(registry.view),
      recentlyOfflineClients: recentlyOfflineRows.map(registry.view),
      collectedAt: new Date(),
      durationMs: Date.now() - started,
    };
  }

  return { clientMetrics, subscribeMetrics, fleetHealth };
}

export type MetricsService = ReturnType<typeof createMetricsService>;
