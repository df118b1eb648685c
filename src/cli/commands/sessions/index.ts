// `etphonehome sessions list|play|kill`: shell sessions, through the GraphQL API.

import { createCommandGroup } from '../../command.js';
import { killCommand } from './kill.js';
import { listCommand } from './list.js';
import { playCommand } from './play.js';

export const sessionsCommand = createCommandGroup({
  name: 'sessions',
  summary: 'shell sessions: list | play | kill',
  subcommands: [listCommand, playCommand, killCommand],
  examples: [
    'list --open',
    'list --client web-01 --json',
    'play ses_AbC… --instant',
    'kill ses_AbC…',
  ],
});
