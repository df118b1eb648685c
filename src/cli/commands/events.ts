// `etphonehome events`: the audit trail, newest first, filtered and a page at a time.

import { graphql } from '../../generated/gql.js';
import type { CliCommand } from '../command.js';
import { commonHelp, commonOptions, parse, parseIntFlag } from '../args.js';
import { connect } from '../connection.js';
import { eventFilterHelp, eventFilterOptions, eventLine, readEventFilter } from '../event-line.js';
import { printJson, styleFor, UsageError, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome events [--client C] [--tags a,b] [--events a,b] [--limit N] [--before ID] [--json]

  The audit trail, newest first: connections, key changes, health, commands (with exit codes),
  file access, refused operations, metadata changes. It shows --limit events (default 50, at
  most 1000); when more are left it says on stderr how to see the next page (--before <id of the
  oldest event shown>).

${eventFilterHelp}
  --limit N          events per page (1 to 1000, default 50)
  --before ID        only events older than this event id (the next page)

--json prints an array of {id, event, timestamp, actor, data, client{uuid, clientId,
displayName}}; the next page starts at --before "$(… | jq -r '.[-1].id')".

${commonHelp}

Examples:
  etphonehome events --client web-01 --limit 20
  etphonehome events --events command_executed --tags production
  etphonehome events --events key_mismatch,key_accepted --json
  etphonehome events --before 1200
`;

const EventsDocument = graphql(`
  query CliEvents($filter: EventFilter, $limit: Int, $before: ID) {
    events(filter: $filter, limit: $limit, before: $before) {
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
      }
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    ...eventFilterOptions,
    limit: { type: 'string' },
    before: { type: 'string' },
  });
  if (values.help) {
    io.out(usage);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `events takes no arguments (got "${positionals[0]}"); use --client ${positionals[0]}`,
    );
  const limit = parseIntFlag('limit', values.limit, { min: 1, max: 1000 }) ?? 50;
  if (values.before !== undefined && !/^\d+$/.test(values.before))
    throw new UsageError(`--before takes an event id, a number (got "${values.before}")`);
  const gql = await connect(values, io.env);
  const { events } = await gql.request(EventsDocument, {
    filter: readEventFilter(values),
    limit,
    before: values.before ?? null,
  });
  if (values.json) printJson(io, events);
  else {
    const style = styleFor(io);
    if (events.length === 0) io.err('No events match.');
    for (const e of events) io.out(`${style.dim(e.id.padStart(6))}  ${eventLine(e, style)}`);
  }
  const oldest = events.at(-1);
  if (events.length === limit && oldest && oldest.id !== '1' && !values.json)
    io.err(`More may be older: add --before ${oldest.id}`);
  return 0;
}

export const eventsCommand: CliCommand = {
  name: 'events',
  summary: 'the audit trail, newest first, filtered and paged',
  usage,
  run,
};
