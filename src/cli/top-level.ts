// `etphonehome` itself: the group at the root of the dispatcher, and its help. The entries come
// from main (the server and the MCP bridge are wired there; the client commands from
// commands/index.ts).

import { DEFAULT_SERVER_URL } from '../client/index.js';
import type { CliEntry, CommandGroup } from './command.js';

/** Width of the name column in the list of commands. */
const NAME_COLUMN = 18;

export function createTopLevel(entries: readonly CliEntry[]): CommandGroup {
  const rows = [
    ...entries.map((entry) => `  ${entry.name.padEnd(NAME_COLUMN)}${entry.summary}`),
    `  ${'help [command]'.padEnd(NAME_COLUMN)}this help, or a command's`,
  ];
  const usage = `Usage: etphonehome <command> [options]

Commands:
${rows.join('\n')}

Client commands reach a running server at --url / ETPHONEHOME_URL (default ${DEFAULT_SERVER_URL})
with ETPHONEHOME_API_KEY, or the api_key file of --data-dir / ETPHONEHOME_DATA_DIR when run on the
server machine. "etphonehome <command> --help" shows a command's options.

Tables are for people; --json prints stable JSON for scripts. Colours only on a terminal, never
with NO_COLOR. Exit status: 0 ok, 1 failed (or some clients of a bulk command failed), 2 usage or
bad input, 3 not found, 4 offline or unreachable, 5 key mismatch, 6 path denied, 7 rate limited,
8 timeout, 9 unauthenticated, 10 agent error; "run" exits with the remote command's status.

Examples:
  etphonehome server --open-enrollment
  etphonehome token create --name laptop
  etphonehome clients list --online
  etphonehome run web-01 -- uptime
  etphonehome watch
`;
  return { name: 'etphonehome', summary: 'ET Phone Home', usage, subcommands: entries };
}
