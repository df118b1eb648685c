// shell_read: what a shell printed since the last read, fenced as client data. GraphQL: readShell.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { DEFAULT_SHELL_READ_TIMEOUT_S, MAX_SHELL_READ_TIMEOUT_S } from '../../fleet/limits.js';
import { defineTool } from '../tool.js';
import { cleanText, MAX_FENCED_CHARS } from '../untrusted.js';
import { howEnded, sessionIdInput, shellSessionSchema, toShellSession } from './shell-fields.js';

const ReadShellDocument = graphql(`
  mutation McpReadShell($input: ReadShellInput!) {
    readShell(input: $input) {
      output
      droppedBytes
      pendingBytes
      session {
        ...SessionFields
      }
    }
  }
`);

export const shellRead = defineTool({
  name: 'shell_read',
  title: 'Read a shell’s output',
  description: `Returns what a shell opened with shell_open printed since the last shell_read (terminal escapes removed). When nothing is waiting it waits up to timeout seconds (default ${DEFAULT_SHELL_READ_TIMEOUT_S}, at most ${MAX_SHELL_READ_TIMEOUT_S}) and returns once output has arrived and gone quiet; call it again for more. dropped_bytes > 0 means output came faster than it was read and the oldest was dropped; pending_bytes > 0 means more is waiting. open: false once the shell ended, with its exit status.`,
  input: {
    session_id: sessionIdInput,
    timeout: z
      .number()
      .min(0)
      .max(MAX_SHELL_READ_TIMEOUT_S)
      .default(DEFAULT_SHELL_READ_TIMEOUT_S)
      .describe(`Seconds to wait for output (default ${DEFAULT_SHELL_READ_TIMEOUT_S}).`),
  },
  output: {
    session_id: z.string(),
    output: z.string(),
    dropped_bytes: z.number(),
    pending_bytes: z.number(),
    open: z.boolean(),
    session: shellSessionSchema,
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  async run(args, { executor, request }) {
    const { readShell: r } = await executor.request(
      ReadShellDocument,
      { input: { sessionId: args.session_id, timeout: args.timeout } },
      request,
    );
    const output = cleanText(r.output, MAX_FENCED_CHARS - 1024);
    const parts = [
      output === ''
        ? `No new output from shell ${r.session.id}.`
        : `Output of shell ${r.session.id}.`,
    ];
    if (r.droppedBytes > 0)
      parts.push(
        `${r.droppedBytes} bytes of older output were dropped (the buffer was full): read more often.`,
      );
    if (r.pendingBytes > 0) parts.push(`${r.pendingBytes} more bytes are waiting: read again.`);
    if (!r.session.open) parts.push(`The shell has ended (${howEnded(r.session)}).`);
    return {
      text: parts.join(' '),
      data: {
        session_id: r.session.id,
        output,
        dropped_bytes: r.droppedBytes,
        pending_bytes: r.pendingBytes,
        open: r.session.open,
        session: toShellSession(r.session),
      },
      blocks: [{ label: 'terminal output of the shell', body: output }],
    };
  },
});
