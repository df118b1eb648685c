// list_clients: the whole fleet (or only who is online), with counts. GraphQL: clients.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientSummarySchema, pageInput, pageOf, pageOutput } from '../client-fields.js';
import { onlineOnlyInput, toClientFilter } from '../client-filter.js';
import { defineTool, toolHints } from '../tool.js';

const ListClientsDocument = graphql(`
  query McpListClients($filter: ClientFilter, $first: Int, $after: String) {
    page: clientsConnection(filter: $filter, first: $first, after: $after) {
      ...ClientPageFields
    }
    online: clientsConnection(filter: { onlineOnly: true }, first: 0) {
      totalCount
    }
    keyMismatches: clientsConnection(filter: { keyMismatch: true }, first: 0) {
      totalCount
    }
  }
`);

export const listClients = defineTool({
  name: 'list_clients',
  title: 'List clients',
  description:
    'Lists every client of the fleet (decommissioned ones left out) with its online status, health, tags, capabilities and key_mismatch flag, plus counts (total, online, key mismatches) and the client this session has selected. Use find_client to filter; describe_client for one client in full.',
  input: { online_only: onlineOnlyInput, ...pageInput },
  output: {
    total: z.number(),
    online: z.number(),
    key_mismatches: z.number(),
    selected_client: z.string().nullable(),
    clients: z.array(clientSummarySchema),
    ...pageOutput,
  },
  annotations: toolHints.readsRecords,
  async run(args, { executor, session, request }) {
    const result = await executor.request(
      ListClientsDocument,
      {
        filter: toClientFilter({ online_only: args.online_only }),
        first: args.limit,
        after: args.cursor ?? null,
      },
      request,
    );
    const page = pageOf(result.page);
    const total = args.online_only ? result.online.totalCount : result.page.totalCount;
    const next = page.next_cursor;
    return {
      text: `${total} client(s), ${result.online.totalCount} online, ${result.keyMismatches.totalCount} with a key mismatch (accept_key after verifying). Selected for this session: ${session.selected ? `"${session.selected.clientId}"` : 'none'}.${next ? ` Showing ${page.returned}; pass cursor "${next}" for the next page, or narrow with find_client.` : ''}`,
      data: {
        total,
        online: result.online.totalCount,
        key_mismatches: result.keyMismatches.totalCount,
        selected_client: session.selected?.uuid ?? null,
        ...page,
      },
    };
  },
});
