// `etphonehome clients <sub>`: dispatch to one module per subcommand.

import type { CliCommand } from '../command.js';
import { UsageError, type CommandIO } from '../output.js';
import { configureUsage, runClientsConfigure } from './clients-configure.js';
import { describeUsage, runClientsDescribe } from './clients-describe.js';
import {
  acceptKeyUsage,
  decommissionUsage,
  restoreUsage,
  runClientsAcceptKey,
  runClientsDecommission,
  runClientsRestore,
} from './clients-lifecycle.js';
import { listUsage, runClientsList } from './clients-list.js';
import { runClientsUpdate, updateUsage } from './clients-update.js';

const usage = `Usage: etphonehome clients <subcommand> [options]

Subcommands:
  list          clients, filtered by --tags/--query/--online …
  find <text>   clients whose name, purpose, hostname or clientId contains <text>
  describe <c>  one client in full, with its latest events
  update        display name, purpose, tags, allowed paths (one client, or bulk by selector)
  configure     webhook, rate limits, resource thresholds (one client, or bulk by selector)
  accept-key    trust a client's new key after a key change
  decommission  retire a client (history kept); restore brings it back
  restore       undo decommission

"etphonehome clients <subcommand> --help" shows its options and examples.

Examples:
  etphonehome clients list --online
  etphonehome clients describe web-01
  etphonehome clients update --tags staging --add-tags patched --dry-run
`;

const subcommands: Record<
  string,
  { usage: string; run: (argv: string[], io: CommandIO) => Promise<number> }
> = {
  list: { usage: listUsage, run: (argv, io) => runClientsList('list', argv, io) },
  find: { usage: listUsage, run: (argv, io) => runClientsList('find', argv, io) },
  describe: { usage: describeUsage, run: runClientsDescribe },
  update: { usage: updateUsage, run: runClientsUpdate },
  configure: { usage: configureUsage, run: runClientsConfigure },
  'accept-key': { usage: acceptKeyUsage, run: runClientsAcceptKey },
  decommission: { usage: decommissionUsage, run: runClientsDecommission },
  restore: { usage: restoreUsage, run: runClientsRestore },
};

export const clientsCommand: CliCommand = {
  name: 'clients',
  summary: 'list, find, describe, update, configure, accept-key, decommission, restore',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      io.out(usage);
      return sub === undefined ? 2 : 0;
    }
    const entry = subcommands[sub];
    if (!entry) throw new UsageError(`unknown clients subcommand "${sub}"\n\n${usage}`);
    return entry.run(rest, io);
  },
};
