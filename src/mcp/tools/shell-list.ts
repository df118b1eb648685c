// shell_list: the open shells this key opened (with shell_open or openShell). GraphQL: shells.

import { z } from 'zod';
import { graphql } from '../../generated/gql.js';
import { defineTool, toolHints } from '../tool.js';
import { shellSessionSchema, toShellSession } from './shell-fields.js';

const ShellsDocument = graphql(`
  query McpShells {
    shells {
      ...SessionFields
    }
  }
`);

export const shellList = defineTool({
  name: 'shell_list',
  title: 'List open shells',
  description:
    'The open shells this API key opened with shell_open: session_id, client, who opened them (principal), terminal size and when they started.',
  input: {},
  output: { shells: z.array(shellSessionSchema) },
  annotations: toolHints.readsRecords,
  async run(_args, { executor, request }) {
    const { shells } = await executor.request(ShellsDocument, {}, request);
    const rows = shells.map(toShellSession);
    return {
      text:
        rows.length === 0
          ? 'No shell is open for this API key. shell_open opens one.'
          : `${rows.length} open shell${rows.length === 1 ? '' : 's'}.`,
      data: { shells: rows },
    };
  },
});
