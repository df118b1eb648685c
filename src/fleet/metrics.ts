// One client's metrics: full or summary, now, or as a live stream of samples for monitors.
// Every sample is an agent call through the gate (quarantine, rate-limit permit).

import { createAsyncQueue } from '../lib/async-queue.js';
import type { MetricsResult } from '../protocol/rpc.js';
import type { Caller } from './caller.js';
import type { ClientView } from './client-view.js';
import type { Gate } from './gate.js';
import { MAX_METRICS_INTERVAL_S, METRICS_TIMEOUT_MS, MIN_METRICS_INTERVAL_S } from './limits.js';
import { failureOf, type OperationFailure } from './outcomes.js';
import type { Registry } from './registry.js';
import { bad } from './validation.js';

export interface MetricsSample {
  at: Date;
  client: ClientView;
  metrics: MetricsResult | null;
  error: OperationFailure | null;
}

export interface MetricsOptions {
  summary: boolean;
  intervalS: number;
}

export function createMetrics(deps: { gate: Gate; registry: Pick<Registry, 'resolve' | 'view'> }) {
  const { gate, registry } = deps;

  return {
    /** One client's metrics now (MCP: get_client_metrics). */
    async get(ref: string, summary: boolean, caller: Caller): Promise<MetricsResult> {
      const { result } = await gate.call(ref, caller, {
        method: 'get_metrics',
        params: { summary },
        timeoutMs: METRICS_TIMEOUT_MS,
      });
      return result;
    },

    /** Samples of one client's metrics every `intervalS`, until the iterator is closed. */
    async subscribe(
      ref: string,
      options: MetricsOptions,
      caller: Caller,
    ): Promise<AsyncIterableIterator<MetricsSample>> {
      const { intervalS } = options;
      if (
        !Number.isInteger(intervalS) ||
        intervalS < MIN_METRICS_INTERVAL_S ||
        intervalS > MAX_METRICS_INTERVAL_S
      )
        throw bad(
          `intervalS must be a whole number of seconds from ${MIN_METRICS_INTERVAL_S} to ${MAX_METRICS_INTERVAL_S} (got ${intervalS}).`,
        );
      const first = registry.view(await registry.resolve(ref));
      const stop = new AbortController();
      const out = createAsyncQueue<MetricsSample>({
        maxBuffered: 100,
        onClose: () => stop.abort(),
      });
      const sampleCaller: Caller = { ...caller, signal: stop.signal };
      void (async () => {
        while (!out.closed) {
          const at = new Date();
          let sample: MetricsSample;
          try {
            const { client, result } = await gate.call(first.uuid, sampleCaller, {
              method: 'get_metrics',
              params: { summary: options.summary },
              timeoutMs: Math.min(METRICS_TIMEOUT_MS, intervalS * 1000 + 10_000),
            });
            sample = { at, client: registry.view(client), metrics: result, error: null };
          } catch (error) {
            if (out.closed) break;
            let view: ClientView = first;
            try {
              view = registry.view(await registry.resolve(first.uuid));
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
    },
  };
}
