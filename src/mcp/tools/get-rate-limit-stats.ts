// get_rate_limit_stats: the guide's JSON shape {uuid, stats: {…}}. GraphQL: rateLimitStats.

import { z } from 'zod';
import { RateLimitStatsDocument } from '../../client/operations.js';
import { clientRef } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

export const getRateLimitStats = defineTool({
  name: 'get_rate_limit_stats',
  title: 'Rate-limit statistics',
  description:
    "A client's rate-limit figures: {uuid, stats: {requests_per_minute (last 60 s), current_concurrent (in flight now), rpm_limit, concurrent_limit, rpm_warnings, concurrent_warnings, rpm_rejections, concurrent_rejections, mode}}. Warnings count requests over a limit that ran anyway (warn mode); rejections those refused (enforce mode).",
  input: { uuid: clientRef('The client') },
  output: {
    uuid: z.string(),
    client_id: z.string(),
    stats: z
      .object({
        requests_per_minute: z.number(),
        current_concurrent: z.number(),
        rpm_limit: z.number(),
        concurrent_limit: z.number(),
        rpm_warnings: z.number(),
        concurrent_warnings: z.number(),
      })
      .loose(),
  },
  annotations: toolHints.readsRecords,
  async run(args, { executor, request }) {
    const { rateLimitStats: s } = await executor.request(
      RateLimitStatsDocument,
      { id: args.uuid },
      request,
    );
    return {
      text: `Rate limits of "${s.client.clientId}": ${s.requestsPerMinute}/${s.rpmLimit} requests in the last minute, ${s.currentConcurrent}/${s.concurrentLimit} in flight, mode ${s.mode.toLowerCase()}.`,
      data: {
        uuid: s.client.uuid,
        client_id: s.client.clientId,
        stats: {
          requests_per_minute: s.requestsPerMinute,
          current_concurrent: s.currentConcurrent,
          rpm_limit: s.rpmLimit,
          concurrent_limit: s.concurrentLimit,
          rpm_warnings: s.rpmWarnings,
          concurrent_warnings: s.concurrentWarnings,
          rpm_rejections: s.rpmRejections,
          concurrent_rejections: s.concurrentRejections,
          mode: s.mode.toLowerCase(),
        },
      },
    };
  },
});
