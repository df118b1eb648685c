// `etphonehome clients describe <client>`: everything about one client, with its latest events.

import { connect } from '../../../client/index.js';
import { ErrorCode } from '../../../errors.js';
import { DEFAULT_RECENT_EVENTS, MAX_RECENT_EVENTS } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, oneClient, parse, parseIntFlag } from '../../args.js';
import type { Command } from '../../command.js';
import { ago, clientName, clientState, summariseData, tagList } from '../../format.js';
import {
  CommandError,
  printFields,
  printJson,
  printTable,
  styleFor,
  type CommandIO,
} from '../../output.js';
import { allowedPathsText, rateLimitText, thresholdsText } from './settings-text.js';

const usage = `Usage: etphonehome clients describe <client> [--events N] [--json]

  Shows one client (by uuid, clientId or display name): identity, state, settings, key, and its
  latest events (--events N, default ${DEFAULT_RECENT_EVENTS}, 0 for none). Exit status 3 when no client matches.

--json prints the client object with every field shown here, recentEvents included.

${commonHelp}

Examples:
  etphonehome clients describe web-01
  etphonehome clients describe "API Server" --json | jq .rateLimitRpm
`;

const DescribeDocument = graphql(`
  query CliDescribeClient($id: ID!, $events: Int) {
    client(id: $id) {
      ...ClientFields
      platformRelease
      username
      agentVersion
      enrolledVia
      firstSeen
      connectedAt
      lastConnectedAt
      lastDisconnectedAt
      connectionCount
      remoteAddress
      healthSince
      lastHeartbeatAt
      allowedPaths
      agentAllowedPaths
      ...ClientSettingsFields
      publicKeyFingerprint
      trustedFingerprint
      previousFingerprint
      keyMismatchAt
      keyAcceptedAt
      keyAcceptedBy
      decommissionedAt
      recentEvents(limit: $events) {
        id
        event
        timestamp
        actor
        data
      }
    }
  }
`);

/**
 * What the server decided about the client and what follows from it (issue 17 item 17): a
 * state name alone ("key mismatch") does not tell the operator that operations are refused.
 */
function serverDecision(client: {
  clientId: string;
  keyMismatch: boolean;
  keyMismatchAt?: string | null;
  decommissionedAt?: string | null;
}): string[] {
  const decisions: string[] = [];
  if (client.decommissionedAt)
    decisions.push(
      `decommissioned: its connections are refused and it is left out of lists (its history is kept); "etphonehome clients restore ${client.clientId}" undoes it`,
    );
  if (client.keyMismatch)
    decisions.push(
      `quarantined${client.keyMismatchAt ? ` since ${client.keyMismatchAt}` : ''}: it connected with a new key, so commands and file operations are refused until "etphonehome clients accept-key ${client.clientId}" (after checking the fingerprint)`,
    );
  return decisions;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, events: { type: 'string' } });
  const id = oneClient('clients describe', positionals);
  const events =
    parseIntFlag('events', values.events, { min: 0, max: MAX_RECENT_EVENTS }) ??
    DEFAULT_RECENT_EVENTS;
  const gql = await connect(values, io.env);
  const { client } = await gql.request(DescribeDocument, { id, events: Math.max(events, 1) });
  if (!client)
    throw new CommandError(
      ErrorCode.notFound,
      `No client "${id}". List clients with "etphonehome clients list" (or find one with "etphonehome clients find <text>").`,
    );
  const recentEvents = events === 0 ? [] : client.recentEvents;
  if (values.json) {
    printJson(io, { ...client, recentEvents });
    return 0;
  }
  const style = styleFor(io);
  printFields(io, [
    ['client', style.bold(clientName(client))],
    ['uuid', client.uuid],
    [
      'state',
      `${clientState(client, style)}${client.healthReason ? ` — ${client.healthReason}` : ''}`,
    ],
    ['purpose', client.purpose ?? ''],
    ['tags', tagList(client)],
    [
      'host',
      `${client.hostname} (${client.platform} ${client.platformRelease}, ${client.arch}) as ${client.username}`,
    ],
    ['agent', `${client.agentVersion}, enrolled via ${client.enrolledVia}`],
    ['capabilities', client.capabilities.join(', ')],
    [
      'connection',
      client.online
        ? `since ${client.connectedAt ?? '?'} from ${client.remoteAddress ?? '?'} (#${client.connectionCount})`
        : `offline, last seen ${ago(client.lastSeen)} (${client.lastSeen})`,
    ],
    ['allowed paths', allowedPathsText(client)],
    ['webhook', client.webhookUrl ?? '(global)'],
    ['rate limit', rateLimitText(client)],
    ['thresholds', thresholdsText(client)],
    [
      'key',
      client.keyMismatch
        ? style.red(
            `${client.publicKeyFingerprint} (NEW; pinned ${client.trustedFingerprint}) — "etphonehome clients accept-key ${client.clientId}" after checking it`,
          )
        : client.trustedFingerprint,
    ],
    ...(client.decommissionedAt
      ? [['decommissioned', client.decommissionedAt] as [string, string]]
      : []),
    ...serverDecision(client).map(
      (text) => ['server decision', style.red(text)] as [string, string],
    ),
  ]);
  if (recentEvents.length > 0) {
    io.out('');
    printTable(
      io,
      ['ID', 'WHEN', 'EVENT', 'DETAIL'],
      recentEvents.map((e) => [e.id, ago(e.timestamp), e.event, summariseData(e.data)]),
    );
  }
  return 0;
}

export const describeCommand: Command = {
  name: 'describe',
  synopsis: 'describe <c>',
  summary: 'one client in full, with its latest events',
  usage,
  run,
};
