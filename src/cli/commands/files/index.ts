// `etphonehome files ls|get|put`: a client's files through the GraphQL API. get and put move
// files between a client and the SERVER's transfer root, following the transfer's progress.

import { createCommandGroup } from '../../command.js';
import { getCommand } from './get.js';
import { lsCommand } from './ls.js';
import { putCommand } from './put.js';

export const filesCommand = createCommandGroup({
  name: 'files',
  summary: "a client's files: ls | get (client → server) | put (server → client)",
  subcommands: [lsCommand, getCommand, putCommand],
  notes: `<server-path> (get, put) is on the SERVER, inside its transfer root (<data-dir>/transfers,
or ETPHONEHOME_TRANSFER_ROOTS); transfers of any size resume after an interruption.`,
  examples: [
    'ls web-1 /var/log',
    'get web-1 /var/log/syslog logs/web-1-syslog',
    'put web-1 releases/app.tar.gz /srv/app/app.tar.gz --create-parents',
  ],
});
