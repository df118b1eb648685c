// `etphonehome documents register|list|remove`: trusted GraphQL documents (docs/access.md).

import { createCommandGroup } from '../../command.js';
import { listCommand } from './list.js';
import { registerCommand } from './register.js';
import { removeCommand } from './remove.js';

export const documentsCommand = createCommandGroup({
  name: 'documents',
  summary: 'trusted GraphQL documents: register | list | remove (docs/access.md)',
  subcommands: [registerCommand, listCommand, removeCommand],
  examples: ['register report.graphql --name report', 'list', 'remove HASH'],
});
