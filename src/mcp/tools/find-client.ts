// find_client: clients matching every given condition. GraphQL: clients(filter).

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientSummarySchema, toClientSummary } from '../client-fields.js';
import { defineTool } from '../tool.js';

const FindClientDocument = graphql(`
  query McpFindClient($filter: ClientFilter) {
    clients(filter: $filter) {
      ...McpClientSummary
    }
  }
`);

const label = z.string().min(1).max(64);

export const findClient = defineTool({
  name: 'find_client',
  title: 'Find clients',
  description:
    'Finds clients matching ALL the given conditions: query (case-insensitive substring of display name, purpose or hostname), purpose, tags (must carry every one), capabilities (must have every one), online_only. With no condition it lists the whole fleet. Returns the matches with their uuid, client_id, status, tags and capabilities.',
  input: {
    query: z
      .string()
      .min(1)
      .max(256)
      .optional()
      .describe('Substring of display name, purpose or hostname (case-insensitive).'),
    purpose: z.string().min(1).max(256).optional().describe('The purpose, e.g. "API Server".'),
    tags: z
      .array(label)
      .max(50)
      .optional()
      .describe('Tags the client must ALL carry, e.g. ["production", "critical"].'),
    capabilities: z
      .array(label)
      .max(50)
      .optional()
      .describe('Capabilities the client must ALL have, e.g. ["docker", "python3.12"].'),
    online_only: z.boolean().optional().describe('Only clients online now (default false).'),
  },
  output: {
    count: z.number(),
    clients: z.array(clientSummarySchema),
  },
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(args, { executor, request }) {
    const filter = {
      ...(args.query !== undefined ? { query: args.query } : {}),
      ...(args.purpose !== undefined ? { purpose: args.purpose } : {}),
      ...(args.tags !== undefined ? { tags: args.tags } : {}),
      ...(args.capabilities !== undefined ? { capabilities: args.capabilities } : {}),
      ...(args.online_only !== undefined ? { onlineOnly: args.online_only } : {}),
    };
    const { clients } = await executor.request(FindClientDocument, { filter }, request);
    const rows = clients.map(toClientSummary);
    return {
      text:
        rows.length === 0
          ? 'No client matches every condition. Loosen the filter, or call list_clients to see the fleet.'
          : `${rows.length} client(s) match (${rows.filter((c) => c.online).length} online).`,
      data: { count: rows.length, clients: rows },
    };
  },
});
