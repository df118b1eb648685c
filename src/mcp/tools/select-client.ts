// select_client: the client this MCP session works on when a tool's client_id is left out.
// Session state only (no GraphQL mutation); the client is looked up through client(id).

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { ErrorCode } from '../../errors.js';
import { ToolError } from '../executor.js';
import { clientRef, clientSummarySchema, labelOf, toClientSummary } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

const SelectClientDocument = graphql(`
  query McpSelectClient($id: ID!) {
    client(id: $id) {
      ...ClientFields
    }
  }
`);

export const selectClient = defineTool({
  name: 'select_client',
  title: 'Select the active client',
  description:
    'Sets the client this session works on when run_command, get_client_metrics or a file tool is called without client_id. Holds for this MCP session only, until select_client is called again. The client must be online. If it later goes offline, those tools fail with an error naming it (the session never switches to another client on its own). Without any selection and with exactly one client online, that one is used and becomes the selection.',
  input: { client_id: clientRef('The client to select') },
  output: { previous: z.string().nullable(), client: clientSummarySchema },
  annotations: toolHints.changesRecords,
  async run(args, { executor, session, request }) {
    const { client } = await executor.request(
      SelectClientDocument,
      { id: args.client_id },
      request,
    );
    if (!client) {
      throw new ToolError(
        ErrorCode.notFound,
        `No client matches "${args.client_id}" (tried uuid, clientId and display name); the selection is unchanged. Call list_clients or find_client to see the fleet.`,
      );
    }
    if (!client.online) {
      throw new ToolError(
        ErrorCode.clientOffline,
        `Client ${labelOf(client)} is offline (last seen ${client.lastSeen}); the selection is unchanged. Call list_clients with online_only: true to see who is online.`,
      );
    }
    const previous = session.selected?.uuid ?? null;
    session.selected = { uuid: client.uuid, clientId: client.clientId };
    return {
      text: `Selected ${labelOf(client)} for this session${client.keyMismatch ? ' (it has a KEY MISMATCH: operations are refused until accept_key)' : ''}.`,
      data: { previous, client: toClientSummary(client) },
    };
  },
});
