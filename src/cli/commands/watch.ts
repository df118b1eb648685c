// `etphonehome watch`: a live monitor of fleet events (the clientEvents subscription), one line
// per event, until Ctrl-C; it reconnects by itself when the server restarts.

import { graphql } from '../../generated/gql.js';
import type { CliCommand } from '../command.js';
import { commonHelp, commonOptions, parse } from '../args.js';
import { resolveConnection } from '../connection.js';
import { eventFilterHelp, eventFilterOptions, eventLine, readEventFilter } from '../event-line.js';
import { styleFor, UsageError, type CommandIO } from '../output.js';
import { streamSubscription } from '../subscription.js';

const usage = `Usage: etphonehome watch [--client C] [--tags a,b] [--events a,b] [--json]

  Prints fleet events as they happen, one line each: connections and disconnections, key
  mismatches, health changes, commands, file access, refused operations, metadata changes.
  Ctrl-C ends it (exit 0). When the server goes away it says so on stderr and reconnects with
  backoff; events sent while it was disconnected are in "etphonehome events".

${eventFilterHelp}

--json prints one JSON object per line: {id, event, timestamp, actor, data, client{uuid,
clientId, displayName, online, health, keyMismatch}}.

${commonHelp}

Examples:
  etphonehome watch
  etphonehome watch --tags production --events connected,disconnected,unhealthy
  etphonehome watch --json | jq -c 'select(.event == "command_executed")'
`;

const WatchDocument = graphql(`
  subscription CliWatchEvents($filter: EventFilter) {
    clientEvents(filter: $filter) {
      id
      event
      timestamp
      actor
      data
      client {
        uuid
        clientId
        displayName
        online
        health
        keyMismatch
      }
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, ...eventFilterOptions });
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `watch takes no arguments (got "${positionals[0]}"); use --client ${positionals[0]}`,
    );
  const filter = readEventFilter(values);
  const style = styleFor(io);
  return streamSubscription(io, await resolveConnection(values, io.env), {
    document: WatchDocument,
    variables: { filter },
    what: 'fleet events',
    onData(data) {
      const e = data.clientEvents;
      io.out(values.json ? JSON.stringify(e) : eventLine(e, style));
    },
  });
}

export const watchCommand: CliCommand = {
  name: 'watch',
  summary: 'live monitor: fleet events as they happen, one line each (Ctrl-C ends)',
  usage,
  run,
};
