// `etphonehome tunnels list|close`: open port forwards, through the GraphQL API.

import { createCommandGroup } from '../../command.js';
import { closeCommand } from './close.js';
import { listCommand } from './list.js';

export const tunnelsCommand = createCommandGroup({
  name: 'tunnels',
  summary: 'open port forwards: list | close',
  subcommands: [listCommand, closeCommand],
  examples: ['list', 'list --json', 'close tun_AbC…'],
});
