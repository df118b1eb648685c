// fleet_health: the guide's "quick fleet status" and "health check across fleet" in one call.
// GraphQL: fleetHealth.

import { z } from 'zod';
import {
  DEFAULT_FLEET_HEALTH_TIMEOUT_S,
  DEFAULT_RECENTLY_OFFLINE_HOURS,
  MAX_FLEET_HEALTH_SAMPLE_AGE_S,
  MAX_FLEET_HEALTH_TIMEOUT_S,
  MAX_RECENTLY_OFFLINE_HOURS,
} from '../../fleet/limits.js';
import { localise, readSteps } from '../../errors.js';
import { graphql } from '../../generated/gql.js';
import { clientFilterInput, toClientFilter } from '../client-filter.js';
import { defineTool, toolHints } from '../tool.js';

const FleetHealthDocument = graphql(`
  query McpFleetHealth(
    $filter: ClientFilter
    $timeoutS: Int
    $recentlyOfflineHours: Int
    $maxAgeSeconds: Int
  ) {
    fleetHealth(
      filter: $filter
      timeoutS: $timeoutS
      recentlyOfflineHours: $recentlyOfflineHours
      maxAgeSeconds: $maxAgeSeconds
    ) {
      ...FleetHealthCounts
      keyMismatchClients {
        clientId
      }
      recentlyOfflineClients {
        clientId
        lastSeen
      }
      unhealthyClients {
        clientId
        healthReason
      }
      samples {
        ...ResourceSampleFields
      }
    }
  }
`);

export const fleetHealth = defineTool({
  name: 'fleet_health',
  title: 'Fleet health',
  description: `The fleet at a glance: counts (total, online, offline, unhealthy, key mismatches, recently offline), and a metrics summary from every online client matching the filter, asked in parallel, with the clients over their CPU, memory or disk thresholds (default 80 / 85 / 85 %) flagged. Filter fields as in find_client (all must hold). A client's latest heartbeat sample is used when younger than max_age_seconds (default twice the heartbeat interval; 0 asks every client); the others are asked, each within timeout seconds (default ${DEFAULT_FLEET_HEALTH_TIMEOUT_S}). Each sample says how old it is (sample_age_seconds).`,
  input: {
    ...clientFilterInput,
    timeout: z
      .number()
      .int()
      .min(1)
      .max(MAX_FLEET_HEALTH_TIMEOUT_S)
      .default(DEFAULT_FLEET_HEALTH_TIMEOUT_S)
      .describe(
        `Seconds per client (1 to ${MAX_FLEET_HEALTH_TIMEOUT_S}, default ${DEFAULT_FLEET_HEALTH_TIMEOUT_S}).`,
      ),
    max_age_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_FLEET_HEALTH_SAMPLE_AGE_S)
      .optional()
      .describe(
        `Use a client's heartbeat sample younger than this many seconds instead of asking it (0 to ${MAX_FLEET_HEALTH_SAMPLE_AGE_S}; 0 asks every client; default twice the heartbeat interval).`,
      ),
    recently_offline_hours: z
      .number()
      .int()
      .min(1)
      .max(MAX_RECENTLY_OFFLINE_HOURS)
      .default(DEFAULT_RECENTLY_OFFLINE_HOURS)
      .describe(`What counts as recently offline (default ${DEFAULT_RECENTLY_OFFLINE_HOURS}).`),
  },
  output: {
    total: z.number(),
    online: z.number(),
    offline: z.number(),
    unhealthy: z.number(),
    key_mismatches: z.number(),
    recently_offline: z.number(),
    flagged: z.array(z.object({ client_id: z.string(), over: z.array(z.string()) }).loose()),
    samples: z.array(z.record(z.string(), z.unknown())),
  },
  annotations: toolHints.readsClient,
  async run(args, { executor, request }) {
    const { fleetHealth: h } = await executor.request(
      FleetHealthDocument,
      {
        filter: toClientFilter(args) ?? {},
        timeoutS: args.timeout,
        recentlyOfflineHours: args.recently_offline_hours,
        ...(args.max_age_seconds === undefined ? {} : { maxAgeSeconds: args.max_age_seconds }),
      },
      request,
    );
    const flagged = h.samples
      .filter((s) => s.over.length > 0)
      .map((s) => ({
        client_id: s.client.clientId,
        over: s.over.map(
          (o) => `${o.resource.toLowerCase()} ${o.percent.toFixed(1)}% > ${o.threshold}%`,
        ),
      }));
    return {
      text: `${h.total} client(s): ${h.online} online, ${h.offline} offline (${h.recentlyOffline} in the last ${h.recentlyOfflineHours} h), ${h.unhealthy} unhealthy, ${h.keyMismatches} key mismatch(es); sampled ${h.sampled}, ${h.failed} failed to answer; ${flagged.length} over a threshold.`,
      data: {
        total: h.total,
        online: h.online,
        offline: h.offline,
        unhealthy: h.unhealthy,
        key_mismatches: h.keyMismatches,
        recently_offline: h.recentlyOffline,
        recently_offline_clients: h.recentlyOfflineClients.map((c) => ({
          client_id: c.clientId,
          last_seen: c.lastSeen,
        })),
        unhealthy_clients: h.unhealthyClients.map((c) => ({
          client_id: c.clientId,
          reason: c.healthReason ?? null,
        })),
        key_mismatch_clients: h.keyMismatchClients.map((c) => c.clientId),
        flagged,
        samples: h.samples.map((s) => ({
          uuid: s.client.uuid,
          client_id: s.client.clientId,
          cpu_percent: s.cpuPercent ?? null,
          memory_percent: s.memoryPercent ?? null,
          disk_percent: s.diskPercent ?? null,
          sample_age_seconds: s.sampleAgeSeconds ?? null,
          error: s.error
            ? `${s.error.code}: ${localise(s.error.message, readSteps(s.error.nextSteps), 'mcp')}`
            : null,
        })),
        sampled: h.sampled,
        failed: h.failed,
        duration_ms: h.durationMs,
        collected_at: h.collectedAt,
      },
    };
  },
});
