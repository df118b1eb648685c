// `etphonehome events`: the audit trail, newest first, filtered and a page at a time.

import { connect } from '../../client/index.js';
import { DEFAULT_EVENT_LIMIT, MAX_EVENT_LIMIT } from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse, parseIntFlag } from '../args.js';
import type { Command } from '../command.js';
import { eventFilterHelp, eventFilterOptions, eventLine, readEventFilter } from '../event-line.js';
import { printJson, styleFor, UsageError, type CommandIO } from '../output.js';

const usage = `Usage: etphonehome events [--client C] [--tags a,b] [--events a,b] [--limit N] [--before ID] [--json]

  The audit trail, newest first: connections, key changes, health, commands (with exit codes),
  file access, refused operations, metadata changes. It shows --limit events (default ${DEFAULT_EVENT_LIMIT}, at
  most ${MAX_EVENT_LIMIT}); when more are left it says on stderr how to see the next page (--before <id of the
  oldest event shown>).

${eventFilterHelp}
  --limit N          events per page (1 to ${MAX_EVENT_LIMIT}, default ${DEFAULT_EVENT_LIMIT})
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
      ...CliEventFields
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
  noPositionals('events', positionals, `use --client ${positionals[0]}`);
  const limit =
    parseIntFlag('limit', values.limit, { min: 1, max: MAX_EVENT_LIMIT }) ?? DEFAULT_EVENT_LIMIT;
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

export const eventsCommand: Command = {
  name: 'events',
  summary: 'the audit trail, newest first, filtered and paged',
  usage,
  run,
};
