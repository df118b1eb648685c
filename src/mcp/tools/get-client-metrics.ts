// get_client_metrics: CPU, memory, disks … measured now. GraphQL: clientMetrics.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { resolveTarget } from '../session.js';
import { defineTool } from '../tool.js';

const ClientMetricsDocument = graphql(`
  query McpClientMetrics($id: ID!, $summary: Boolean) {
    clientMetrics(id: $id, summary: $summary)
  }
`);

export const getClientMetrics = defineTool({
  name: 'get_client_metrics',
  title: 'Client metrics',
  description:
    'Measures a client now. summary: true gives the compact form for health checks {hostname, platform, cpuPercent, memoryPercent, diskPercent (fullest disk), load1, uptimeS}; otherwise the full form (cpu, memory, swap, every disk, network, process count). The guide flags CPU > 80 %, memory > 85 %, disk > 85 %. client_id: optional; default the selected client (see select_client). For the whole fleet at once use fleet_health.',
  input: {
    client_id: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('uuid, clientId or display name; default: the selected client.'),
    summary: z.boolean().default(false).describe('The compact form (default false).'),
  },
  output: {
    client_id: z.string(),
    summary: z.boolean(),
    metrics: z.record(z.string(), z.unknown()),
  },
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async run(args, { executor, session, request }) {
    const target = await resolveTarget(session, args.client_id, executor, request);
    const { clientMetrics } = await executor.request(
      ClientMetricsDocument,
      { id: target.id, summary: args.summary },
      request,
    );
    const name = args.client_id ?? session.selected?.clientId ?? target.id;
    const metrics = (clientMetrics ?? {}) as Record<string, unknown>;
    return {
      text: [target.note, `Metrics of "${name}"${args.summary ? ' (summary)' : ''}, measured now.`]
        .filter(Boolean)
        .join('\n'),
      data: { client_id: name, summary: args.summary, metrics },
    };
  },
});
