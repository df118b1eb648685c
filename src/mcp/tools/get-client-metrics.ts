// get_client_metrics: CPU, memory, disks … measured now. GraphQL: clientMetrics.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

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
    client_id: optionalClientRef,
    summary: z.boolean().default(false).describe('The compact form (default false).'),
  },
  output: {
    client_id: z.string(),
    summary: z.boolean(),
    metrics: z.record(z.string(), z.unknown()),
  },
  annotations: toolHints.readsClient,
  async run(args, { executor, request, resolveClient }) {
    const target = await resolveClient(args.client_id);
    const { clientMetrics } = await executor.request(
      ClientMetricsDocument,
      { id: target.id, summary: args.summary },
      request,
    );
    const metrics = (clientMetrics ?? {}) as Record<string, unknown>;
    return {
      note: target.note,
      text: `Metrics of "${target.name}"${args.summary ? ' (summary)' : ''}, measured now.`,
      data: { client_id: target.name, summary: args.summary, metrics },
    };
  },
});
