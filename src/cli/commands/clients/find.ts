// `etphonehome clients find <text>`: clients whose name, purpose, hostname or clientId contains
// the text — the list command with that text as its --query.

import type { Command } from '../../command.js';
import { listClients, listUsage } from './list.js';

export const findCommand: Command = {
  name: 'find',
  synopsis: 'find <text>',
  summary: 'clients whose name, purpose, hostname or clientId contains <text>',
  usage: listUsage,
  run: (argv, io) => listClients('find', argv, io),
};
