// list_clients: the whole fleet (or only who is online), with counts. GraphQL: clients.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { clientSummarySchema, toClientSummary } from '../client-fields.js';
import { defineTool } from '../tool.js';

const ListClientsDocument = graphql(`
  query McpListClients($filter: ClientFilter) {
    clients(filter: $filter) {
      ...McpClientSummary
    }
  }
`);

export const listClients = defineTool({
  name: 'list_clients',
  title: 'List clients',
  description:
    'Lists every client of the fleet (decommissioned ones left out) with its online status, health, tags, capabilities and key_mismatch flag, plus counts (total, online, key mismatches) and the client this session has selected. Use find_client to filter; describe_client for one client in full.',
  input: {
    online_only: z.boolean().optional().describe('Only clients online now (default false).'),
  },
  output: {
    total: z.number(),
    online: z.number(),
    key_mismatches: z.number(),
    selected_client: z.string().nullable(),
    clients: z.array(clientSummarySchema),
  },
  annotations: {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(args, { executor, session, request }) {
    const { clients } = await executor.request(
      ListClientsDocument,
      { filter: args.online_only ? { onlineOnly: true } : null },
      request,
    );
    const rows = clients.map(toClientSummary);
    const online = rows.filter((c) => c.online).length;
    const mismatches = rows.filter((c) => c.key_mismatch).length;
    return {
      text: `${rows.length} client(s), ${online} online, ${mismatches} with a key mismatch (accept_key after verifying). Selected for this session: ${session.selected ? `"${session.selected.clientId}"` : 'none'}.`,
      data: {
        total: rows.length,
        online,
        key_mismatches: mismatches,
        selected_client: session.selected?.uuid ?? null,
        clients: rows,
      },
    };
  },
});
