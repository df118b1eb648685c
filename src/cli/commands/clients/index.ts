// `etphonehome clients <subcommand>`: the fleet's clients — one file per subcommand.

import { createCommandGroup } from '../../command.js';
import { acceptKeyCommand } from './accept-key.js';
import { configureCommand } from './configure.js';
import { decommissionCommand } from './decommission.js';
import { describeCommand } from './describe.js';
import { findCommand } from './find.js';
import { listCommand } from './list.js';
import { restoreCommand } from './restore.js';
import { statsCommand } from './stats.js';
import { updateCommand } from './update.js';

export const clientsCommand = createCommandGroup({
  name: 'clients',
  summary: 'list, find, describe, stats, update, configure, accept-key, decommission, restore',
  subcommands: [
    listCommand,
    findCommand,
    describeCommand,
    statsCommand,
    updateCommand,
    configureCommand,
    acceptKeyCommand,
    decommissionCommand,
    restoreCommand,
  ],
  examples: [
    'list --online',
    'describe web-01',
    'update --tags staging --add-tags patched --dry-run',
  ],
});
