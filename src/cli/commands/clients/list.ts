// `etphonehome clients list`: the fleet, or the clients matching the filter flags. `find` (its
// own file) is the same listing with the text to look for as its argument.

import { connect, type GraphQLClient } from '../../../client/index.js';
import { MAX_PAGE_SIZE } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import type {
  ClientFieldsFragment,
  CliClientsPageQuery,
  ClientFilter,
} from '../../../generated/graphql.js';
import { commonHelp, commonOptions, filterOptions, parse, readFilter } from '../../args.js';
import type { Command } from '../../command.js';
import { ago, clientName, clientState, tagList } from '../../format.js';
import { printJson, printTable, styleFor, UsageError, type CommandIO } from '../../output.js';

export const listUsage = `Usage: etphonehome clients list [filters] [--all] [--key-mismatch] [--json]
       etphonehome clients find <text> [filters] [--json]

  Lists clients ordered by clientId (decommissioned ones only with --all). "find" matches <text>
  against display name, purpose, hostname and clientId (case-insensitive).

Filters (all must hold):
  --tags a,b             carries ALL these tags
  --query TEXT           text in display name, purpose, hostname or clientId
  --purpose TEXT         text in the purpose
  --capabilities a,b     has ALL these capabilities (docker, git, python3.12 …)
  --online               online now
  --key-mismatch         waiting for "clients accept-key"
  --all                  include decommissioned clients

--json prints an array of clients: {uuid, clientId, displayName, purpose, tags[{name}], hostname,
platform, arch, online, health, healthReason, keyMismatch, decommissioned, lastSeen, capabilities}.

${commonHelp}

Examples:
  etphonehome clients list
  etphonehome clients list --tags production --online
  etphonehome clients find "api server" --json | jq -r '.[].clientId'
`;

const ListDocument = graphql(`
  query CliClientsPage($filter: ClientFilter, $first: Int, $after: String) {
    clientsConnection(filter: $filter, first: $first, after: $after) {
      ...ClientPageFields
    }
  }
`);

/** Every matching client, a page at a time (the plain `clients` query stops at 5,000). */
async function listAll(gql: GraphQLClient, filter: ClientFilter): Promise<ClientFieldsFragment[]> {
  const clients: ClientFieldsFragment[] = [];
  let after: string | null = null;
  for (;;) {
    const page: CliClientsPageQuery = await gql.request(ListDocument, {
      filter,
      first: MAX_PAGE_SIZE,
      after,
    });
    clients.push(...page.clientsConnection.nodes);
    const { hasNextPage, endCursor } = page.clientsConnection.pageInfo;
    if (!hasNextPage || !endCursor) return clients;
    after = endCursor;
  }
}

export async function listClients(
  mode: 'list' | 'find',
  argv: string[],
  io: CommandIO,
): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    ...filterOptions,
    all: { type: 'boolean' },
    'key-mismatch': { type: 'boolean' },
  });
  const filter: ClientFilter = readFilter(values) ?? {};
  if (mode === 'find') {
    const text = positionals.join(' ').trim();
    if (!text)
      throw new UsageError('clients find needs the text to look for, e.g. clients find web');
    filter.query = text;
  } else if (positionals.length > 0) {
    throw new UsageError(
      `clients list takes no client (got "${positionals[0]}"); use clients describe <client>, or clients find <text>`,
    );
  }
  if (values.all) filter.includeDecommissioned = true;
  if (values['key-mismatch']) filter.keyMismatch = true;
  const gql = await connect(values, io.env);
  const clients = await listAll(gql, filter);
  if (values.json) {
    printJson(io, clients);
    return 0;
  }
  if (clients.length === 0) {
    io.err('No clients match.');
    return 0;
  }
  const style = styleFor(io);
  printTable(
    io,
    ['CLIENT', 'STATE', 'PURPOSE', 'TAGS', 'PLATFORM', 'LAST SEEN'],
    clients.map((c) => [
      clientName(c),
      clientState(c, style),
      c.purpose ?? '',
      tagList(c),
      `${c.platform}/${c.arch}`,
      c.online ? 'now' : ago(c.lastSeen),
    ]),
  );
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'clients, filtered by --tags/--query/--online …',
  usage: listUsage,
  run: (argv, io) => listClients('list', argv, io),
};
