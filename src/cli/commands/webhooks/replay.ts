// `etphonehome webhooks replay <id> | --failed`: send dead-lettered deliveries again.

import { connect, type GraphQLClient } from '../../../client/index.js';
import { MAX_DELIVERIES_LIST } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';
import { DeliveriesDocument, printDeliveries, printDelivery, readText } from './delivery-view.js';

const usage = `Usage: etphonehome webhooks replay <delivery-id> [--dry-run] [--json]
       etphonehome webhooks replay --failed [--client C] [--event E] [--dry-run] [--json]

  Sends FAILED (dead-lettered) deliveries again: each goes back to pending with a fresh retry
  schedule and keeps its webhook-id, so receivers can still dedupe. Only FAILED deliveries can
  be replayed.

  <delivery-id>      one delivery (msg_…, as "webhooks deliveries" shows)
  --failed           every FAILED delivery, or those matching --client and --event
  --client C         with --failed: only deliveries about this client
  --event E          with --failed: only this event name
  --dry-run          list what would be replayed (up to ${MAX_DELIVERIES_LIST}), replay nothing

--json prints the replayed delivery (one id), {count} (--failed), or with --dry-run the
deliveries that would be replayed (an array, as "webhooks deliveries --json").

${commonHelp}

Examples:
  etphonehome webhooks replay msg_2Q8vWkq3x9Yt7bKp
  etphonehome webhooks replay --failed --client web-01 --dry-run
  etphonehome webhooks replay --failed --event client.disconnected
`;

const DeliveryDocument = graphql(`
  query CliWebhookDelivery($id: ID!) {
    webhookDelivery(id: $id) {
      ...CliWebhookDeliveryFields
    }
  }
`);

const ReplayDocument = graphql(`
  mutation CliReplayWebhookDelivery($id: ID!) {
    replayWebhookDelivery(id: $id) {
      ...CliWebhookDeliveryFields
    }
  }
`);

const ReplayFailedDocument = graphql(`
  mutation CliReplayFailedWebhookDeliveries($filter: WebhookReplayFilter) {
    replayFailedWebhookDeliveries(filter: $filter) {
      count
    }
  }
`);

const deliveries = (n: number): string => `deliver${n === 1 ? 'y' : 'ies'}`;

async function replayOne(
  gql: GraphQLClient,
  io: CommandIO,
  id: string,
  flags: { json: boolean; dryRun: boolean },
): Promise<number> {
  if (flags.dryRun) {
    const { webhookDelivery } = await gql.request(DeliveryDocument, { id });
    const failed = webhookDelivery.status === 'FAILED';
    if (flags.json) printJson(io, failed ? [webhookDelivery] : []);
    else {
      printDelivery(io, webhookDelivery);
      io.err(
        failed
          ? `Dry run: would replay ${id}; nothing was changed.`
          : `Dry run: ${id} is ${webhookDelivery.status}, not FAILED, so it would not be replayed.`,
      );
    }
    return 0;
  }
  const { replayWebhookDelivery: d } = await gql.request(ReplayDocument, { id });
  if (flags.json) printJson(io, d);
  else
    io.out(
      `Replaying ${d.id} (${d.event}) to ${d.url}: pending, same webhook-id; "etphonehome webhooks deliveries" shows how it went.`,
    );
  return 0;
}

async function replayFailed(
  gql: GraphQLClient,
  io: CommandIO,
  filter: { clientId: string | null; event: string | null },
  flags: { json: boolean; dryRun: boolean },
): Promise<number> {
  if (flags.dryRun) {
    const { webhookDeliveries: found } = await gql.request(DeliveriesDocument, {
      filter: { status: 'FAILED', ...filter },
      limit: MAX_DELIVERIES_LIST,
    });
    if (flags.json) printJson(io, found);
    else {
      if (found.length > 0) printDeliveries(io, found);
      const count =
        found.length === MAX_DELIVERIES_LIST ? `at least ${MAX_DELIVERIES_LIST}` : found.length;
      io.err(
        `Dry run: would replay ${count} failed ${deliveries(found.length)}; nothing was changed.`,
      );
    }
    return 0;
  }
  const { replayFailedWebhookDeliveries: replayed } = await gql.request(ReplayFailedDocument, {
    filter,
  });
  if (flags.json) printJson(io, replayed);
  else
    io.out(
      replayed.count === 0
        ? 'No failed deliveries match; nothing to replay.'
        : `Replaying ${replayed.count} failed ${deliveries(replayed.count)}: pending again, same webhook-ids.`,
    );
  return 0;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    failed: { type: 'boolean' },
    client: { type: 'string' },
    event: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  const [id, extra] = positionals;
  if (extra !== undefined)
    throw new UsageError(`webhooks replay takes one delivery id (got also "${extra}")`);
  if (id !== undefined && values.failed)
    throw new UsageError('give a delivery id or --failed, not both');
  if (id === undefined && !values.failed)
    throw new UsageError(
      'webhooks replay needs a delivery id (see "etphonehome webhooks deliveries --status failed") or --failed',
    );
  const clientId = readText('client', values.client);
  const event = readText('event', values.event);
  if (id !== undefined && (clientId !== undefined || event !== undefined))
    throw new UsageError('--client and --event select deliveries for --failed; not with an id');
  const flags = { json: values.json === true, dryRun: values['dry-run'] === true };
  const gql = await connect(values, io.env);
  return id !== undefined
    ? replayOne(gql, io, id, flags)
    : replayFailed(gql, io, { clientId: clientId ?? null, event: event ?? null }, flags);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 'send FAILED deliveries again (one by id, or --failed; --dry-run previews)',
  usage,
  run,
};
