// Every client command, in the order "etphonehome help" lists them. A new command is one file
// under commands/ exporting a CliCommand, and one line here.

import type { CliCommand } from '../command.js';
import { clientsCommand } from './clients.js';
import { eventsCommand } from './events.js';
import { filesCommand } from './files.js';
import { healthCommand } from './health.js';
import { metricsCommand } from './metrics.js';
import { runCommand } from './run.js';
import { tokenCommand } from './token.js';
import { watchCommand } from './watch.js';
import { webhooksCommand } from './webhooks.js';

export const cliCommands: readonly CliCommand[] = [
  clientsCommand,
  runCommand,
  filesCommand,
  metricsCommand,
  healthCommand,
  eventsCommand,
  watchCommand,
  webhooksCommand,
  tokenCommand,
];
