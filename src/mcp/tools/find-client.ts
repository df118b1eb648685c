// find_client: clients matching every given condition. GraphQL: clients(filter).

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientSummarySchema, pageInput, pageOf, pageOutput } from '../client-fields.js';
import { clientFilterInput, toClientFilter } from '../client-filter.js';
import { defineTool, toolHints } from '../tool.js';

const FindClientDocument = graphql(`
  query McpFindClient($filter: ClientFilter, $first: Int, $after: String) {
    clientsConnection(filter: $filter, first: $first, after: $after) {
      ...ClientPageFields
    }
  }
`);

export const findClient = defineTool({
  name: 'find_client',
  title: 'Find clients',
  description:
    'Finds clients matching ALL the given conditions: query (case-insensitive substring of display name, purpose or hostname), purpose, tags (must carry every one), capabilities (must have every one), online_only. With no condition it lists the whole fleet. Returns the matches with their uuid, client_id, status, tags and capabilities.',
  input: { ...clientFilterInput, ...pageInput },
  output: {
    count: z.number(),
    clients: z.array(clientSummarySchema),
    ...pageOutput,
  },
  annotations: toolHints.readsRecords,
  async run(args, { executor, request }) {
    const { clientsConnection } = await executor.request(
      FindClientDocument,
      { filter: toClientFilter(args) ?? {}, first: args.limit, after: args.cursor ?? null },
      request,
    );
    const count = clientsConnection.totalCount;
    const page = pageOf(clientsConnection);
    return {
      text:
        count === 0
          ? 'No client matches every condition. Loosen the filter, or call list_clients to see the fleet.'
          : `${count} client(s) match.${page.next_cursor ? ` Showing ${page.returned}; pass cursor "${page.next_cursor}" for the next page.` : ''}`,
      data: { count, ...page },
    };
  },
});
