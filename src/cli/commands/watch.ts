// `etphonehome watch`: a live monitor of fleet events (the clientEvents subscription), one line
// per event, until Ctrl-C; it reconnects by itself when the server restarts.

import { createGraphQLClient, resolveConnection } from '../../client/index.js';
import { MAX_EVENT_LIMIT } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import type { CliWatchEventsSubscription } from '../../generated/graphql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../args.js';
import type { Command } from '../command.js';
import { eventFilterHelp, eventFilterOptions, eventLine, readEventFilter } from '../event-line.js';
import { jsonLine, styleFor, type CommandIO } from '../output.js';
import { streamSubscription } from '../subscription.js';

const usage = `Usage: etphonehome watch [--client C] [--tags a,b] [--events a,b] [--json]

  Prints fleet events as they happen, one line each: connections and disconnections, key
  mismatches, health changes, commands, file access, refused operations, metadata changes.
  Ctrl-C ends it (exit 0). When the server goes away it says so on stderr, reconnects with
  backoff, and prints the events it missed meanwhile (from the audit trail, up to ${MAX_EVENT_LIMIT}).

${eventFilterHelp}

--json prints one JSON object per line: {id, event, timestamp, actor, data, client{uuid,
clientId, displayName, online, health, keyMismatch}}.

${commonHelp}

Examples:
  etphonehome watch
  etphonehome watch --tags production --events connected,disconnected,unhealthy
  etphonehome watch --json | jq -c 'select(.event == "command_executed")'
`;

const WatchedEventFields = graphql(`
  fragment CliWatchedEvent on ClientEvent {
    ...CliEventFields
    client {
      health
      keyMismatch
    }
  }
`);
void WatchedEventFields;

const GapDocument = graphql(`
  query CliWatchGap($filter: EventFilter, $limit: Int) {
    events(filter: $filter, limit: $limit) {
      ...CliWatchedEvent
    }
  }
`);

/** The most missed events one reconnection reads back: one page of the audit trail. */
const GAP_LIMIT = MAX_EVENT_LIMIT;

const WatchDocument = graphql(`
  subscription CliWatchEvents($filter: EventFilter) {
    clientEvents(filter: $filter) {
      ...CliWatchedEvent
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, ...eventFilterOptions });
  noPositionals('watch', positionals, `use --client ${positionals[0]}`);
  const filter = readEventFilter(values);
  const style = styleFor(io);
  const connection = await resolveConnection(values, io.env);
  const gql = createGraphQLClient(connection);
  type WatchedEvent = CliWatchEventsSubscription['clientEvents'];

  // Events are numbered in order: the newest id printed (or current at start) marks where a
  // reconnection must resume; ids printed recently stop a gap event arriving live as well.
  let lastId = 0;
  const printed = new Set<string>();
  const print = (e: WatchedEvent): void => {
    if (printed.has(e.id)) return;
    printed.add(e.id);
    if (printed.size > 10_000) printed.delete(printed.values().next().value as string);
    lastId = Math.max(lastId, Number(e.id));
    io.out(values.json ? jsonLine(e) : eventLine(e, style));
  };
  // resumeAfter is taken when the link comes back, before live events can move lastId on.
  const fillGap = async (reconnected: boolean, resumeAfter: number): Promise<void> => {
    const { events } = await gql.request(GapDocument, { filter, limit: GAP_LIMIT });
    if (!reconnected) {
      lastId = Math.max(lastId, Number(events[0]?.id ?? 0));
      return;
    }
    const missed = events.filter((e) => Number(e.id) > resumeAfter).reverse();
    if (missed.length === GAP_LIMIT)
      io.err(
        `More than ${GAP_LIMIT} events were missed; older ones: etphonehome events --before ${missed[0]?.id}`,
      );
    if (missed.length > 0) io.err(`${missed.length} event(s) sent while disconnected:`);
    for (const e of missed) print(e);
  };

  return streamSubscription(io, connection, {
    document: WatchDocument,
    variables: { filter },
    what: 'fleet events',
    onConnected(reconnected) {
      fillGap(reconnected, lastId).catch((error: unknown) =>
        io.err(
          `Could not read the events missed while disconnected (${(error as Error).message}); see "etphonehome events".`,
        ),
      );
    },
    onData(data) {
      print(data.clientEvents);
    },
  });
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'live monitor: fleet events as they happen, one line each (Ctrl-C ends)',
  usage,
  run,
};
