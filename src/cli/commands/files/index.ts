// `etphonehome files ls|get|put`: a client's files. get and put move files between a client and
// this machine (<client>:<path>, over /stream) or the SERVER's transfer root (GraphQL).

import { createCommandGroup } from '../../command.js';
import { getCommand } from './get.js';
import { lsCommand } from './ls.js';
import { putCommand } from './put.js';

export const filesCommand = createCommandGroup({
  name: 'files',
  summary: "a client's files: ls | get (client → here or server) | put (here or server → client)",
  subcommands: [lsCommand, getCommand, putCommand],
  notes: `<client>:<path> moves a file between the client and THIS machine, streamed through the
server; <server-path> (get, put) is on the SERVER, inside its transfer root (<data-dir>/transfers,
or ETPHONEHOME_TRANSFER_ROOTS). Transfers of any size resume after an interruption.`,
  examples: [
    'ls web-1 /var/log',
    'get web-1:/var/log/syslog ./syslog',
    'put ./app.tar.gz web-1:/srv/app/app.tar.gz --create-parents',
    'get web-1 /var/log/syslog logs/web-1-syslog',
    'put web-1 releases/app.tar.gz /srv/app/app.tar.gz --create-parents',
  ],
});
