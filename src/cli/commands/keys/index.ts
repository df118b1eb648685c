// `etphonehome keys create|list|revoke`: API keys (principals), through the GraphQL API.

import { createCommandGroup } from '../../command.js';
import { createCommand } from './create.js';
import { listCommand } from './list.js';
import { revokeCommand } from './revoke.js';

export const keysCommand = createCommandGroup({
  name: 'keys',
  summary: 'API keys: create | list | revoke (roles and scopes: docs/access.md)',
  subcommands: [createCommand, listCommand, revokeCommand],
  examples: [
    'create --name dashboard --role VIEWER',
    'create --name web --role OPERATOR --tags web',
    'list',
  ],
});
