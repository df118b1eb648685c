// update_client: metadata an operator sets. GraphQL: updateClient.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { ToolError } from '../executor.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool } from '../tool.js';

const UpdateClientDocument = graphql(`
  mutation McpUpdateClient($id: ID!, $input: UpdateClientInput!) {
    updateClient(id: $id, input: $input) {
      ...McpClientDetail
    }
  }
`);

export const updateClient = defineTool({
  name: 'update_client',
  title: 'Update client metadata',
  description:
    'Sets a client\'s metadata; only the fields given change. display_name and purpose: text ("" or null clears). tags: the COMPLETE new tag list (it replaces the old one: include the tags to keep). allowed_paths: absolute directories that file operations and run_command\'s cwd must stay inside; [] or null removes the restriction. Returns the client as it is now.',
  input: {
    uuid: clientRef('The client to update'),
    display_name: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe('Human-friendly name, e.g. "Production API Server #1".'),
    purpose: z
      .string()
      .max(500)
      .nullable()
      .optional()
      .describe('Role of the client, e.g. "API Server".'),
    tags: z
      .array(z.string().min(1).max(64))
      .max(100)
      .optional()
      .describe('The full new tag list, e.g. ["production", "us-east"].'),
    allowed_paths: z
      .array(z.string().min(1).max(4096))
      .max(100)
      .nullable()
      .optional()
      .describe('Absolute directories; [] or null: unrestricted.'),
  },
  output: { client: clientDetailSchema },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  },
  async run(args, { executor, request }) {
    const input = {
      ...(args.display_name !== undefined ? { displayName: args.display_name } : {}),
      ...(args.purpose !== undefined ? { purpose: args.purpose } : {}),
      ...(args.tags !== undefined ? { tags: args.tags } : {}),
      ...(args.allowed_paths !== undefined ? { allowedPaths: args.allowed_paths } : {}),
    };
    if (Object.keys(input).length === 0) {
      throw new ToolError(
        'BAD_USER_INPUT',
        `Nothing to change for "${args.uuid}": give at least one of display_name, purpose, tags, allowed_paths.`,
      );
    }
    const { updateClient: client } = await executor.request(
      UpdateClientDocument,
      { id: args.uuid, input },
      request,
    );
    return {
      text: `Updated ${labelOf(client)}: ${Object.keys(input).join(', ')}.`,
      data: { client: toClientDetail(client) },
    };
  },
});
