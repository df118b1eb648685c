// fleet_health: the guide's "quick fleet status" and "health check across fleet" in one call.
// GraphQL: fleetHealth.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { defineTool } from '../tool.js';

const FleetHealthDocument = graphql(`
  query McpFleetHealth($filter: ClientFilter, $timeoutS: Int, $recentlyOfflineHours: Int) {
    fleetHealth(filter: $filter, timeoutS: $timeoutS, recentlyOfflineHours: $recentlyOfflineHours) {
      total
      online
      offline
      unhealthy
      keyMismatches
      recentlyOffline
      recentlyOfflineHours
      sampled
      failed
      durationMs
      collectedAt
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
        client {
          uuid
          clientId
        }
        cpuPercent
        memoryPercent
        diskPercent
        over {
          resource
          percent
          threshold
        }
        error {
          code
          message
        }
      }
    }
  }
`);

const label = z.string().min(1).max(64);

export const fleetHealth = defineTool({
  name: 'fleet_health',
  title: 'Fleet health',
  description:
    'The fleet at a glance: counts (total, online, offline, unhealthy, key mismatches, recently offline), and a metrics summary from every online client matching the filter, asked in parallel, with the clients over their CPU, memory or disk thresholds (default 80 / 85 / 85 %) flagged. Filter fields as in find_client (all must hold). timeout: seconds each client may take to answer (default 10).',
  input: {
    query: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Substring of display name, purpose or hostname.'),
    purpose: z.string().min(1).max(256).optional().describe('The purpose.'),
    tags: z.array(label).max(50).optional().describe('Tags the clients must ALL carry.'),
    capabilities: z
      .array(label)
      .max(50)
      .optional()
      .describe('Capabilities the clients must ALL have.'),
    online_only: z.boolean().optional().describe('Count only online clients (default false).'),
    timeout: z
      .number()
      .int()
      .min(1)
      .max(120)
      .default(10)
      .describe('Seconds per client (1 to 120, default 10).'),
    recently_offline_hours: z
      .number()
      .int()
      .min(1)
      .max(2160)
      .default(24)
      .describe('What counts as recently offline (default 24).'),
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
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async run(args, { executor, request }) {
    const filter = {
      ...(args.query !== undefined ? { query: args.query } : {}),
      ...(args.purpose !== undefined ? { purpose: args.purpose } : {}),
      ...(args.tags !== undefined ? { tags: args.tags } : {}),
      ...(args.capabilities !== undefined ? { capabilities: args.capabilities } : {}),
      ...(args.online_only !== undefined ? { onlineOnly: args.online_only } : {}),
    };
    const { fleetHealth: h } = await executor.request(
      FleetHealthDocument,
      { filter, timeoutS: args.timeout, recentlyOfflineHours: args.recently_offline_hours },
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
          error: s.error ? `${s.error.code}: ${s.error.message}` : null,
        })),
        sampled: h.sampled,
        failed: h.failed,
        duration_ms: h.durationMs,
        collected_at: h.collectedAt,
      },
    };
  },
});
