// `etphonehome clients describe <client>`: everything about one client, with its latest events.

import { graphql } from '../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../args.js';
import { connect } from '../connection.js';
import { ago, clientName, clientState, summariseData, tagList } from '../format.js';
import {
  CommandError,
  printFields,
  printJson,
  printTable,
  styleFor,
  UsageError,
  type CommandIO,
} from '../output.js';

export const describeUsage = `Usage: etphonehome clients describe <client> [--events N] [--json]

  Shows one client (by uuid, clientId or display name): identity, state, settings, key, and its
  latest events (--events N, default 10, 0 for none). Exit status 3 when no client matches.

--json prints the client object with every field shown here, recentEvents included.

${commonHelp}

Examples:
  etphonehome clients describe web-01
  etphonehome clients describe "API Server" --json | jq .rateLimitRpm
`;

const DescribeDocument = graphql(`
  query CliDescribeClient($id: ID!, $events: Int) {
    client(id: $id) {
      ...CliClientFields
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
      webhookUrl
      rateLimitRpm
      rateLimitConcurrent
      rateLimitMode
      cpuThreshold
      memoryThreshold
      diskThreshold
      resourceChecks
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

export async function runClientsDescribe(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, events: { type: 'string' } });
  if (values.help) {
    io.out(describeUsage);
    return 0;
  }
  const id = positionals[0];
  if (!id || positionals.length > 1)
    throw new UsageError('clients describe takes one client: uuid, clientId or display name');
  const events = values.events === undefined ? 10 : Number(values.events);
  if (!Number.isInteger(events) || events < 0 || events > 100)
    throw new UsageError(`--events takes a number from 0 to 100 (got "${values.events}")`);
  const gql = await connect(values, io.env);
  const { client } = await gql.request(DescribeDocument, { id, events: Math.max(events, 1) });
  if (!client)
    throw new CommandError(
      'NOT_FOUND',
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
    [
      'allowed paths',
      client.allowedPaths?.length ? client.allowedPaths.join(', ') : 'unrestricted',
    ],
    ['webhook', client.webhookUrl ?? '(global)'],
    [
      'rate limit',
      `${client.rateLimitRpm}/min, ${client.rateLimitConcurrent} at once, ${client.rateLimitMode}`,
    ],
    [
      'thresholds',
      `cpu ${client.cpuThreshold}%, memory ${client.memoryThreshold}%, disk ${client.diskThreshold}%, resource checks ${client.resourceChecks ? 'on' : 'off'}`,
    ],
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
