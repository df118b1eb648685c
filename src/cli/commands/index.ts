// Every client command, in the order "etphonehome help" lists them. A new command is one file
// under commands/ (or commands/<group>/) exporting a Command, and one line here or in its
// group's index.ts.

import type { CliEntry } from '../command.js';
import { clientsCommand } from './clients/index.js';
import { documentsCommand } from './documents/index.js';
import { eventsCommand } from './events.js';
import { filesCommand } from './files/index.js';
import { forwardCommand } from './forward.js';
import { healthCommand } from './health.js';
import { keysCommand } from './keys/index.js';
import { metricsCommand } from './metrics.js';
import { runCommand } from './run.js';
import { sessionsCommand } from './sessions/index.js';
import { shellCommand } from './shell.js';
import { tokenCommand } from './token/index.js';
import { tunnelsCommand } from './tunnels/index.js';
import { watchCommand } from './watch.js';
import { webhooksCommand } from './webhooks/index.js';

export const cliCommands: readonly CliEntry[] = [
  clientsCommand,
  runCommand,
  shellCommand,
  forwardCommand,
  sessionsCommand,
  tunnelsCommand,
  filesCommand,
  metricsCommand,
  healthCommand,
  eventsCommand,
  watchCommand,
  webhooksCommand,
  tokenCommand,
  keysCommand,
  documentsCommand,
];
