// shell_close: ends a shell this key opened (end of input, then SIGHUP, then cut). GraphQL:
// closeShell.

import { graphql } from '../../generated/gql.js';
import { defineTool } from '../tool.js';
import { howEnded, sessionIdInput, shellSessionSchema, toShellSession } from './shell-fields.js';
import { z } from 'zod';

const CloseShellDocument = graphql(`
  mutation McpCloseShell($input: CloseShellInput!) {
    closeShell(input: $input) {
      session {
        ...SessionFields
      }
    }
  }
`);

export const shellClose = defineTool({
  name: 'shell_close',
  title: 'Close a shell',
  description:
    'Ends a shell opened with shell_open as a person would (Ctrl-D, then a hang-up, then cut, a couple of seconds each) and returns how it ended. Output not yet read is discarded: shell_read first if you need it. Closing a shell that already ended returns how it ended.',
  input: { session_id: sessionIdInput },
  output: { session_id: z.string(), session: shellSessionSchema },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: true,
    openWorldHint: true,
  },
  async run(args, { executor, request, session }) {
    const { closeShell } = await executor.request(
      CloseShellDocument,
      { input: { sessionId: args.session_id } },
      request,
    );
    session.shells.delete(closeShell.session.id);
    return {
      text: `Shell ${closeShell.session.id} ended (${howEnded(closeShell.session)}).`,
      data: { session_id: closeShell.session.id, session: toShellSession(closeShell.session) },
    };
  },
});
