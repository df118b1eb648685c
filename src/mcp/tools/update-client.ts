// update_client: metadata an operator sets. GraphQL: updateClient.

import { z } from 'zod';
import {
  MAX_ALLOWED_PATHS,
  MAX_DISPLAY_NAME_CHARS,
  MAX_PATH_LENGTH,
  MAX_PURPOSE_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
} from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { clientDetailSchema, clientRef, labelOf, toClientDetail } from '../client-fields.js';
import { defineTool, toolHints } from '../tool.js';

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
      .max(MAX_DISPLAY_NAME_CHARS)
      .nullable()
      .optional()
      .describe('Human-friendly name, e.g. "Production API Server #1".'),
    purpose: z
      .string()
      .max(MAX_PURPOSE_CHARS)
      .nullable()
      .optional()
      .describe('Role of the client, e.g. "API Server".'),
    tags: z
      .array(z.string().min(1).max(MAX_TAG_CHARS))
      .max(MAX_TAGS)
      .optional()
      .describe('The full new tag list, e.g. ["production", "us-east"].'),
    allowed_paths: z
      .array(z.string().min(1).max(MAX_PATH_LENGTH))
      .max(MAX_ALLOWED_PATHS)
      .nullable()
      .optional()
      .describe('Absolute directories; [] or null: unrestricted.'),
  },
  output: { client: clientDetailSchema },
  annotations: toolHints.changesRecords,
  async run(args, { executor, request }) {
    const input = {
      ...(args.display_name !== undefined ? { displayName: args.display_name } : {}),
      ...(args.purpose !== undefined ? { purpose: args.purpose } : {}),
      ...(args.tags !== undefined ? { tags: args.tags } : {}),
      ...(args.allowed_paths !== undefined ? { allowedPaths: args.allowed_paths } : {}),
    };
    // Nothing to change is refused by the fleet itself, in the same words for every door.
    const { updateClient: client } = await executor.request(
      UpdateClientDocument,
      { id: args.uuid, input },
      request,
    );
    const beyond = client.allowedPathsBeyondAgent;
    const warning =
      args.allowed_paths !== undefined && beyond.length > 0
        ? ` Warning: ${beyond.join(', ')} ${beyond.length === 1 ? 'lies' : 'lie'} outside the agent's own ceiling (agent_allowed_paths: ${(client.agentAllowedPaths ?? []).join(', ')}); the agent refuses every operation there. The machine's owner widens it in the agent's config.yaml (allowed_paths).`
        : '';
    return {
      text: `Updated ${labelOf(client)}: ${Object.keys(input).join(', ')}.${warning}`,
      data: { client: toClientDetail(client) },
    };
  },
});
