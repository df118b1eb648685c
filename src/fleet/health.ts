// Health: a heartbeat loop per connected client, and the rules that turn its outcomes into
// HEALTHY / UNHEALTHY with a reason.
//
//   attach ──▶ heartbeat now (registers the agent) ──▶ every interval (±10 % jitter, rounded up
//                                                        to the beat wheel's slot) ──▶ …
//                 │ reply            → failures = 0; its metrics summary kept as the latest
//                 │                    sample (fleetHealth's), compared to thresholds (if on)
//                 │ no reply in time → failures + 1 (not counted during the grace period)
//                 ▼
//   failures ≥ limit, or samples over a threshold ≥ limit in a row → UNHEALTHY, client.unhealthy
//   all clear again while unhealthy                               → HEALTHY,   client.recovered
//
// A closed SSH connection is not a health matter: the registry records the client offline at
// once. A silently dead network path is the SSH keepalives' job (tunnel hub), which cut the link
// after interval × count unanswered keepalives; heartbeats notice an agent that is connected
// but not answering (stopped, overloaded, wedged) before that.

import { agentBeat } from '../hub/agent-reply.js';
import type { BeatsParams, HeartbeatResult } from '../protocol/rpc.js';
import type { ClientRepository } from '../store/index.js';
import type { AgentLink } from './agent-link.js';
import type { Audit } from './audit.js';
import { createBeatWheel, slotFor, type CancelTask } from './beat-wheel.js';
import { HealthStatus } from './client-view.js';
import { FleetEventType } from './event-types.js';
import type { LiveClient } from './live.js';
import { describeBreaches, overThresholds, type ResourceBreach } from './resources.js';
import type { HealthConfig, ResourceThresholds } from './settings.js';

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

/**
 * What the hub asks of an agent that beats by itself: every beat carries the metrics summary, and
 * one asks for an answer after three intervals of the hub's silence, so every third or fourth
 * beat is answered (the hub's writes are most of a beat's cost).
 */
export function beatsAskedFor(intervalMs: number): BeatsParams {
  return { intervalMs, answerAfterMs: 3 * intervalMs, metrics: true };
}

export interface HealthMonitorDeps {
  config: Pick<
    HealthConfig,
    'heartbeatIntervalS' | 'heartbeatFailures' | 'graceS' | 'heartbeatTimeoutS'
  >;
  audit: Audit;
  /** Where each change of judgement is written, so servers not holding the client show it. */
  clients: Pick<ClientRepository, 'update'>;
  /** The client's health settings as they are now (operators may change them at any time). */
  settingsOf(uuid: string): Promise<{ thresholds: ResourceThresholds; resourceChecks: boolean }>;
}

export function createHealthMonitor(deps: HealthMonitorDeps) {
  const { config, audit } = deps;
  const intervalMs = config.heartbeatIntervalS * 1000;
  const timeoutMs = config.heartbeatTimeoutS * 1000;
  const beatsParams = beatsAskedFor(intervalMs);
  // A beat counts missing when none came within an interval (and its jitter) and the timeout.
  const gapMs = intervalMs * 1.1 + timeoutMs;
  // The next beats, in slots: the beats due together go out together (./beat-wheel.ts).
  const wheel = createBeatWheel(slotFor(intervalMs));
  let stopped = false;

  /** A beat's outcome: its sample kept, and compared to the thresholds when checks are on. */
  async function took(entry: LiveClient, reply: HeartbeatResult): Promise<BeatOutcome> {
    const settings = await deps.settingsOf(entry.uuid);
    const at = new Date();
    entry.lastHeartbeatAt = at;
    // Every beat carries the metrics summary: it is the client's latest sample, which
    // fleetHealth answers from. Resource checks decide only whether it counts for health.
    if (!reply.metrics) return { ok: true, breaches: null };
    entry.lastSample = { at, metrics: reply.metrics };
    if (!settings.resourceChecks) return { ok: true, breaches: null };
    return { ok: true, breaches: overThresholds(reply.metrics, settings.thresholds) };
  }

  /** One heartbeat asked for (an agent that sends none of its own). */
  async function beat(entry: LiveClient): Promise<BeatOutcome> {
    let reply: HeartbeatResult;
    try {
      reply = await entry.link.call('heartbeat', { metrics: true }, { timeoutMs });
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    return took(entry, reply);
  }

  /** One beat the agent sent by itself: checked, then taken as an answered heartbeat. */
  function pushed(entry: LiveClient, params: unknown): Promise<BeatOutcome> {
    let reply: HeartbeatResult;
    try {
      reply = agentBeat(params);
    } catch (error) {
      return Promise.resolve({ ok: false, error: (error as Error).message });
    }
    return took(entry, reply);
  }

  /** Writes the judgement to the record; a failure is logged (the live state stands). */
  async function written(entry: LiveClient): Promise<void> {
    try {
      await deps.clients.update(entry.uuid, {
        health: entry.health,
        healthReason: entry.healthReason,
        healthSince: entry.healthSince,
      });
    } catch (error) {
      entry.log.warn({ component: 'health', err: error }, 'health not written to the record');
    }
  }

  /** Applies one outcome to the live state; records unhealthy and recovery. */
  async function apply(
    entry: LiveClient,
    counters: CheckCounters,
    outcome: BeatOutcome,
  ): Promise<CheckCounters> {
    const now = new Date();
    const inGrace = now.getTime() - entry.connectedAt.getTime() < config.graceS * 1000;
    const next = assess(counters, outcome, { failureLimit: config.heartbeatFailures, inGrace });
    entry.heartbeatFailures = next.counters.heartbeatFailures;
    const { uuid } = entry;
    if (!outcome.ok) {
      entry.log.warn(
        {
          component: 'health',
          failures: next.counters.heartbeatFailures,
          inGrace,
          err: outcome.error,
        },
        'heartbeat failed',
      );
    }
    if (next.reason !== null) {
      if (entry.health !== HealthStatus.unhealthy) {
        entry.health = HealthStatus.unhealthy;
        entry.healthReason = next.reason;
        entry.healthSince = now;
        await written(entry);
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
      await written(entry);
      await audit.record(FleetEventType.recovered, uuid, {
        previous_reason: previousReason,
        unhealthy_for_s: unhealthyForS,
      });
    }
    return next.counters;
  }

  return {
    /**
     * Follows a client that came online, until its link ends: its own beats when the agent
     * sends them (../protocol/call-line.ts), else a heartbeat asked for every interval.
     */
    watch(entry: LiveClient): void {
      let counters: CheckCounters = { heartbeatFailures: 0, resourceBreaches: 0 };
      let cancelNext: CancelTask | undefined;
      let judged: Promise<void> = Promise.resolve();
      let mode: 'starting' | 'pushed' | 'asked' = 'starting';
      let deadline = Infinity; // when a missing beat counts as a failure (pushed)
      const over = (): boolean => stopped || entry.link.closed;

      /** Applies outcomes one at a time, in the order they came. */
      const judge = (outcome: BeatOutcome | Promise<BeatOutcome>): Promise<void> => {
        judged = judged
          .then(async () => {
            const settled = await outcome;
            // Closed meanwhile: the disconnection, not a failed heartbeat, is what happened.
            if (!over()) counters = await apply(entry, counters, settled);
          })
          .catch((error: unknown) => {
            entry.log.error({ err: error, component: 'health' }, 'health check failed');
          });
        return judged;
      };

      const ask = async (): Promise<void> => {
        cancelNext = undefined;
        if (over()) return;
        await judge(beat(entry));
        if (over()) return;
        // ±10 % jitter, so a thousand agents that connected together do not beat together.
        const delay = intervalMs * (0.9 + Math.random() * 0.2);
        cancelNext = wheel.after(delay, () => void ask());
      };
      /** From an interval on, each heartbeat is asked for (the line under the beats failed). */
      const askFromNextBeat = (): void => {
        if (mode === 'asked') return;
        mode = 'asked';
        cancelNext?.();
        cancelNext = wheel.after(intervalMs, () => void ask());
      };

      /** Counts a beat missing once none came within gapMs; then again every gapMs. */
      const check = (): void => {
        cancelNext = undefined;
        if (over() || mode !== 'pushed') return;
        const now = performance.now();
        if (now < deadline) {
          cancelNext = wheel.after(deadline - now, check);
          return;
        }
        deadline = now + gapMs;
        void judge({ ok: false, error: `no heartbeat within ${Math.round(gapMs / 1000)} s` });
        cancelNext = wheel.after(gapMs, check);
      };

      const receive = async (receiveBeats: NonNullable<AgentLink['receiveBeats']>) => {
        cancelNext = undefined;
        if (over()) return;
        const listener = {
          beat: (params: unknown): void => {
            if (mode === 'asked' || over()) return;
            deadline = performance.now() + gapMs;
            void judge(pushed(entry, params));
          },
          stopped: askFromNextBeat,
        };
        try {
          const first = await receiveBeats.call(entry.link, beatsParams, listener, { timeoutMs });
          if (over() || mode === 'asked') return;
          if (first === null) {
            // An agent from before beats: asked, from now.
            mode = 'asked';
            return void ask();
          }
          mode = 'pushed';
          deadline = performance.now() + gapMs;
          cancelNext = wheel.after(gapMs, check);
          void judge(took(entry, first));
        } catch (error) {
          if (over() || mode === 'asked') return;
          void judge({ ok: false, error: (error as Error).message });
          // A failed heartbeat, and asked again an interval later: an agent that did not answer
          // in time (a server busy with a flood of attaches) is slow, not unable.
          const delay = intervalMs * (0.9 + Math.random() * 0.2);
          cancelNext = wheel.after(delay, () => void receive(receiveBeats));
        }
      };

      void entry.ended.then(() => cancelNext?.());
      if (entry.link.receiveBeats) void receive(entry.link.receiveBeats);
      else {
        mode = 'asked';
        void ask();
      }
    },

    stop(): void {
      stopped = true;
      wheel.stop();
    },
  };
}

export type HealthMonitor = ReturnType<typeof createHealthMonitor>;
