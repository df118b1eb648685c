// describe_client: one client in full. GraphQL: client(id).

import { graphql } from '../../generated/gql.js';
import { ErrorCode } from '../../errors.js';
import { ToolError } from '../executor.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

const DescribeClientDocument = graphql(`
  query McpDescribeClient($id: ID!) {
    client(id: $id) {
      ...McpClientDetail
    }
  }
`);

export const describeClient = defineTool({
  name: 'describe_client',
  title: 'Describe a client',
  description:
    'Full details of one client: metadata (display_name, purpose, tags), auto-detected capabilities, platform, online status and health, allowed_paths, webhook_url, rate limits and resource thresholds, key fingerprints (key_mismatch: true means it connected with a new key that waits for accept_key), first/last seen.',
  input: { uuid: clientRef('The client') },
  output: { client: clientDetailSchema },
  annotations: toolHints.readsRecords,
  async run(args, { executor, request }) {
    const { client } = await executor.request(DescribeClientDocument, { id: args.uuid }, request);
    if (!client) {
      throw new ToolError(
        ErrorCode.notFound,
        `No client matches "${args.uuid}" (tried uuid, clientId and display name). Call list_clients or find_client to see the fleet.`,
      );
    }
    return {
      text: `Client ${labelOf(client)} is ${client.online ? 'online' : 'offline'}${client.keyMismatch ? ' with a KEY MISMATCH (verify, then accept_key)' : ''}.`,
      data: { client: toClientDetail(client) },
    };
  },
});
