// write_file: a whole file on a client (up to 10 MiB), atomically. GraphQL: writeFile.

import { z } from 'zod';
import { MAX_FILE_BYTES } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool, requestOnClient, toolHints } from '../tool.js';
import { contentDigest } from '../confirmation.js';
import {
  boundToClient,
  createParentsInput,
  formatBytes,
  modeInput,
  overwritePlan,
  remotePathInput,
} from './file-fields.js';

const WriteFileDocument = graphql(`
  mutation McpWriteFile(
    $clientId: ID!
    $path: String!
    $content: String!
    $encoding: FileEncoding
    $createParents: Boolean
    $mode: Int
  ) {
    writeFile(
      clientId: $clientId
      path: $path
      content: $content
      encoding: $encoding
      createParents: $createParents
      mode: $mode
    ) {
      path
      size
    }
  }
`);

const MIB = 1024 * 1024;

export const writeFile = defineTool({
  name: 'write_file',
  title: 'Write a file on a client',
  description: `Writes a whole file on a client, replacing any file at path (atomically: a temporary file renamed into place; an existing file keeps its mode). path: absolute, inside the client's allowed_paths when they are set (outside them: PATH_DENIED naming the allowed paths; nothing is written). content: the new content, UTF-8 text (encoding 'text', the default) or base64 of any bytes (encoding 'base64'); at most ${MAX_FILE_BYTES / MIB} MiB, and as much as one MCP request may carry (1 MiB over HTTP) — for larger files put them in the server's transfer root and use upload_file. create_parents: create missing directories. mode: permission bits for a new file. client_id: optional; default the session's selected client. Recorded as a file_accessed event.`,
  input: {
    client_id: optionalClientRef,
    path: remotePathInput('The file to write.'),
    content: z
      .string()
      .max(Math.ceil(MAX_FILE_BYTES / 3) * 4)
      .describe("The new content, in encoding ('' makes an empty file)."),
    encoding: z
      .enum(['text', 'base64'])
      .default('text')
      .describe("'text' (UTF-8, default) or 'base64' (any bytes)."),
    create_parents: createParentsInput,
    mode: modeInput,
  },
  output: {
    client_id: z.string(),
    path: z.string(),
    size: z.number(),
  },
  annotations: toolHints.replacesFiles,
  // Replacing an existing file needs confirmation; a new file does not.
  confirm: {
    bind: async (args, ctx) => ({
      ...(await boundToClient(args, ctx)),
      content: contentDigest(args.content),
    }),
    plan(args, ctx) {
      const bytes = Buffer.byteLength(args.content, args.encoding === 'base64' ? 'base64' : 'utf8');
      return overwritePlan(
        ctx,
        args.client_id,
        args.path,
        `the given content (${formatBytes(bytes)})`,
      );
    },
  },
  async run(args, ctx) {
    const {
      target,
      answer: { writeFile: w },
    } = await requestOnClient(ctx, args.client_id, WriteFileDocument, {
      path: args.path,
      content: args.content,
      encoding: args.encoding === 'base64' ? 'BASE64' : 'TEXT',
      createParents: args.create_parents,
      mode: args.mode ?? null,
    });
    return {
      note: target.note,
      text: `Wrote ${formatBytes(w.size)} to ${args.path} on "${target.name}".`,
      data: { client_id: target.name, path: w.path, size: w.size },
    };
  },
});
