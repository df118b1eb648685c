// find_client: clients matching every given condition. GraphQL: clients(filter).

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientSummarySchema, pageInput, pageOutput, toClientSummary } from '../client-fields.js';
import { defineTool } from '../tool.js';

const FindClientDocument = graphql(`
  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {
    clientsConnection(filter: $filter, first: $first, after: $after) {
      totalCount
      nodes {
        ...McpClientSummary
      }
      pageInfo {
        hasNextPage
        endCursor
      }
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
    ...pageInput,
  },
  output: {
    count: z.number(),
    clients: z.array(clientSummarySchema),
    ...pageOutput,
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
    const { clientsConnection: page } = await executor.request(
      FindClientDocument,
      { filter, first: args.limit, after: args.cursor ?? null },
      request,
    );
    const rows = page.nodes.map(toClientSummary);
    const next = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
    return {
      text:
        page.totalCount === 0
          ? 'No client matches every condition. Loosen the filter, or call list_clients to see the fleet.'
          : `${page.totalCount} client(s) match.${next ? ` Showing ${rows.length}; pass cursor "${next}" for the next page.` : ''}`,
      data: { count: page.totalCount, clients: rows, returned: rows.length, next_cursor: next },
    };
  },
});
