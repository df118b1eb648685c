// shell_open: a login shell on a pseudo-terminal on a client, for shell_send / shell_read.
// GraphQL: openShell. The session remembers it, so that its shells close when it ends.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { MAX_TERMINAL_COLS, MAX_TERMINAL_ROWS } from '../../fleet/limits.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool } from '../tool.js';
import { cleanText } from '../untrusted.js';
import { shellSessionSchema, toShellSession } from './shell-fields.js';

const OpenShellDocument = graphql(`
  mutation McpOpenShell($input: OpenShellInput!) {
    openShell(input: $input) {
      session {
        ...SessionFields
      }
      note
    }
  }
`);

export const shellOpen = defineTool({
  name: 'shell_open',
  title: 'Open a shell on a client',
  description: `Opens an interactive login shell on a pseudo-terminal on a client and returns its session_id. Type into it with shell_send, read what it prints with shell_read, end it with shell_close. Use it for work that needs state between commands (cd, environment, a REPL, a program asking questions); for one command, run_command is simpler. client_id: optional; default the selected client (see select_client). The shell closes itself when idle (no input, output or reads; 15 min by default) and when this MCP session ends. It counts toward the client's session cap; it is recorded and audited.`,
  input: {
    client_id: optionalClientRef,
    cols: z
      .number()
      .int()
      .min(1)
      .max(MAX_TERMINAL_COLS)
      .default(120)
      .describe('Terminal columns (default 120).'),
    rows: z
      .number()
      .int()
      .min(1)
      .max(MAX_TERMINAL_ROWS)
      .default(40)
      .describe('Terminal rows (default 40).'),
  },
  output: { session_id: z.string(), session: shellSessionSchema, note: z.string().nullable() },
  annotations: {
    readOnlyHint: false,
    destructiveHint: false,
    idempotentHint: false,
    openWorldHint: true,
  },
  async run(args, { executor, request, session, resolveClient }) {
    const target = await resolveClient(args.client_id);
    const { openShell } = await executor.request(
      OpenShellDocument,
      { input: { clientId: target.id, cols: args.cols, rows: args.rows, origin: 'mcp' } },
      request,
    );
    const shell = openShell.session;
    session.shells.add(shell.id);
    return {
      note: target.note,
      text: `Opened shell ${shell.id} on "${cleanText(shell.clientId)}" (${shell.pty ? `a ${shell.cols}x${shell.rows} terminal` : 'pipes, no terminal'}). Send input with shell_send, then read the output with shell_read.${openShell.note ? ` Note from the client: ${cleanText(openShell.note, 500)}` : ''}`,
      data: { session_id: shell.id, session: toShellSession(shell), note: openShell.note ?? null },
    };
  },
});
