// `etphonehome watch`: a live monitor of fleet events (the clientEvents subscription), one line
// per event, until Ctrl-C; it reconnects by itself when the server restarts and resumes after
// the last event it printed (clientEvents(after:)).

import { createGraphQLClient, resolveConnection } from '../../client/index.js';
import { MAX_EVENT_REPLAY } from '../../fleet/limits.js';
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
  backoff, and resumes after the last event printed: the events recorded meanwhile come first,
  then live ones, none missed or repeated (more than ${MAX_EVENT_REPLAY} missed: it stops and says
  how to read them with "etphonehome events --before").

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

const LatestDocument = graphql(`
  query CliWatchLatest {
    events(limit: 1) {
      id
    }
  }
`);

const WatchDocument = graphql(`
  subscription CliWatchEvents($filter: EventFilter, $after: ID) {
    clientEvents(filter: $filter, after: $after) {
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

  // Events are numbered in order and each id is a cursor: the watch subscribes after the newest
  // event at start, and resubscribes after the last one printed when the link comes back; the
  // server replays what was recorded meanwhile, then goes on live, none missed or repeated.
  const latest = await gql.request(LatestDocument, {});
  let lastId = latest.events[0]?.id ?? '0';
  const print = (e: WatchedEvent): void => {
    lastId = e.id;
    io.out(values.json ? jsonLine(e) : eventLine(e, style));
  };

  return streamSubscription(io, connection, {
    document: WatchDocument,
    variables: { filter, after: lastId },
    resumeVariables: () => ({ filter, after: lastId }),
    what: 'fleet events',
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
