// `etphonehome token create|list|revoke`: enrollment tokens, through the GraphQL API.

import { createCommandGroup } from '../../command.js';
import { createCommand } from './create.js';
import { listCommand } from './list.js';
import { revokeCommand } from './revoke.js';

export const tokenCommand = createCommandGroup({
  name: 'token',
  summary: 'enrollment tokens: create | list | revoke',
  subcommands: [createCommand, listCommand, revokeCommand],
  examples: ['create --name ci-runners --uses 10 --expires 7d --tags ci,linux', 'list --all'],
});
