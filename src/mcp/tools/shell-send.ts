// shell_send: types text into a shell this key opened. GraphQL: writeShell.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { MAX_SHELL_SEND_BYTES } from '../../fleet/limits.js';
import { defineTool } from '../tool.js';
import { sessionIdInput } from './shell-fields.js';

const WriteShellDocument = graphql(`
  mutation McpWriteShell($input: WriteShellInput!) {
    writeShell(input: $input) {
      bytesSent
      session {
        id
      }
    }
  }
`);

export const shellSend = defineTool({
  name: 'shell_send',
  title: 'Type into a shell',
  description: `Types text into a shell opened with shell_open, then presses Enter unless send_newline is false (send_newline: false with "\\u0003" sends Ctrl-C; "\\u0004" is Ctrl-D). Returns at once: read what it printed with shell_read. Each send counts toward the client's rate limit, like a command. An unknown or ended session is an error.`,
  input: {
    session_id: sessionIdInput,
    text: z
      .string()
      .max(MAX_SHELL_SEND_BYTES)
      .describe(`What to type (UTF-8, up to ${MAX_SHELL_SEND_BYTES} bytes).`),
    send_newline: z.boolean().default(true).describe('Press Enter after the text (default true).'),
  },
  output: { session_id: z.string(), bytes_sent: z.number() },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  async run(args, { executor, request }) {
    const { writeShell } = await executor.request(
      WriteShellDocument,
      { input: { sessionId: args.session_id, text: args.text, sendNewline: args.send_newline } },
      request,
    );
    return {
      text: `Sent ${writeShell.bytesSent} bytes to shell ${writeShell.session.id}. Call shell_read for its output.`,
      data: { session_id: writeShell.session.id, bytes_sent: writeShell.bytesSent },
      blocks: [],
    };
  },
});
