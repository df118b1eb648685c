// `etphonehome webhooks deliveries`: the delivery queue, newest first, by status, client, event.

import { connect } from '../../../client/index.js';
import { MAX_DELIVERIES_LIST } from '../../../fleet/limits.js';
import type { WebhookDeliveryStatus } from '../../../generated/graphql.js';
import { commonHelp, commonOptions, noPositionals, parse, parseIntFlag } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';
import { DeliveriesDocument, printDeliveries, readText } from './delivery-view.js';

/** Deliveries one listing shows unless --limit says otherwise: a screenful more than the API's page. */
const DEFAULT_SHOWN = 100;

const usage = `Usage: etphonehome webhooks deliveries [--status pending|delivered|failed] [--client C] [--event E] [--limit N] [--json]

  Webhook deliveries, newest first: where each event went, whether the receiver took it, how
  many attempts it took and why the last one failed. FAILED deliveries are dead letters (every
  attempt of the retry schedule failed): "etphonehome webhooks replay" sends them again.

  --status S         only pending, delivered or failed deliveries
  --client C         only deliveries about this client (uuid, clientId or display name)
  --event E          only this event name, e.g. client.disconnected (webhook.test for tests)
  --limit N          deliveries shown (1 to ${MAX_DELIVERIES_LIST}, default ${DEFAULT_SHOWN})

--json prints an array of {id, event, client{uuid, clientId, displayName}, url, status,
attempts, lastError, lastStatusCode, nextAttemptAt, createdAt, deliveredAt}.

${commonHelp}

Examples:
  etphonehome webhooks deliveries --status failed
  etphonehome webhooks deliveries --client web-01 --event client.disconnected --limit 20
  etphonehome webhooks deliveries --status failed --json | jq -r '.[].id'
`;

const statuses: Record<string, WebhookDeliveryStatus> = {
  pending: 'PENDING',
  delivered: 'DELIVERED',
  failed: 'FAILED',
};

function readStatus(text: string | undefined): WebhookDeliveryStatus | undefined {
  if (text === undefined) return undefined;
  const status = statuses[text.toLowerCase()];
  if (!status) throw new UsageError(`--status takes pending, delivered or failed (got "${text}")`);
  return status;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    status: { type: 'string' },
    client: { type: 'string' },
    event: { type: 'string' },
    limit: { type: 'string' },
  });
  noPositionals('webhooks deliveries', positionals, 'use --client, --event or --status');
  const status = readStatus(values.status);
  const clientId = readText('client', values.client);
  const event = readText('event', values.event);
  const limit =
    parseIntFlag('limit', values.limit, { min: 1, max: MAX_DELIVERIES_LIST }) ?? DEFAULT_SHOWN;
  const gql = await connect(values, io.env);
  const { webhookDeliveries } = await gql.request(DeliveriesDocument, {
    filter: { status: status ?? null, clientId: clientId ?? null, event: event ?? null },
    limit,
  });
  if (values.json) printJson(io, webhookDeliveries);
  else if (webhookDeliveries.length === 0) io.err('No webhook deliveries match.');
  else {
    printDeliveries(io, webhookDeliveries);
    if (webhookDeliveries.length === limit)
      io.err(
        `Showing the newest ${limit}; --limit (up to ${MAX_DELIVERIES_LIST}) or a filter shows others.`,
      );
  }
  return 0;
}

export const deliveriesCommand: Command = {
  name: 'deliveries',
  summary: 'webhook deliveries, newest first, by status, client, event',
  usage,
  run,
};
