// `etphonehome webhooks deliveries|replay|test|watch`: the webhook delivery queue, through the
// GraphQL API — what was sent, what failed, sending dead letters again, a signed test delivery,
// and failures live.

import { graphql } from '../../generated/gql.js';
import type { WebhookDeliveryStatus } from '../../generated/graphql.js';
import type { CliCommand } from '../command.js';
import { commonHelp, commonOptions, parse, parseIntFlag } from '../args.js';
import { connect, resolveConnection } from '../connection.js';
import { ago } from '../format.js';
import {
  CommandError,
  printFields,
  printJson,
  printTable,
  styleFor,
  UsageError,
  type CommandIO,
  type Style,
} from '../output.js';
import { streamSubscription } from '../subscription.js';

const deliveriesUsage = `Usage: etphonehome webhooks deliveries [--status pending|delivered|failed] [--client C] [--event E] [--limit N] [--json]

  Webhook deliveries, newest first: where each event went, whether the receiver took it, how
  many attempts it took and why the last one failed. FAILED deliveries are dead letters (every
  attempt of the retry schedule failed): "etphonehome webhooks replay" sends them again.

  --status S         only pending, delivered or failed deliveries
  --client C         only deliveries about this client (uuid, clientId or display name)
  --event E          only this event name, e.g. client.disconnected (webhook.test for tests)
  --limit N          deliveries shown (1 to 1000, default 100)

--json prints an array of {id, event, client{uuid, clientId, displayName}, url, status,
attempts, lastError, lastStatusCode, nextAttemptAt, createdAt, deliveredAt}.

${commonHelp}

Examples:
  etphonehome webhooks deliveries --status failed
  etphonehome webhooks deliveries --client web-01 --event client.disconnected --limit 20
  etphonehome webhooks deliveries --status failed --json | jq -r '.[].id'
`;

const replayUsage = `Usage: etphonehome webhooks replay <delivery-id> [--dry-run] [--json]
       etphonehome webhooks replay --failed [--client C] [--event E] [--dry-run] [--json]

  Sends FAILED (dead-lettered) deliveries again: each goes back to pending with a fresh retry
  schedule and keeps its webhook-id, so receivers can still dedupe. Only FAILED deliveries can
  be replayed.

  <delivery-id>      one delivery (msg_…, as "webhooks deliveries" shows)
  --failed           every FAILED delivery, or those matching --client and --event
  --client C         with --failed: only deliveries about this client
  --event E          with --failed: only this event name
  --dry-run          list what would be replayed (up to 1000), replay nothing

--json prints the replayed delivery (one id), {count} (--failed), or with --dry-run the
deliveries that would be replayed (an array, as "webhooks deliveries --json").

${commonHelp}

Examples:
  etphonehome webhooks replay msg_2Q8vWkq3x9Yt7bKp
  etphonehome webhooks replay --failed --client web-01 --dry-run
  etphonehome webhooks replay --failed --event client.disconnected
`;

const testUsage = `Usage: etphonehome webhooks test [--client C] [--to URL] [--json]

  Sends one signed "webhook.test" delivery now and prints the outcome of its single attempt
  (not retried; a failed test stays FAILED and can be replayed). With --client it goes where
  that client's events go, signed with its secret; --to sends it to that URL instead; with neither,
  to the server's global ETPHONEHOME_WEBHOOK_URL. Exits 0 when the receiver answered 2xx,
  1 when it did not.

--json prints the delivery, as "webhooks deliveries --json" shows one.

Common: --json (machine-readable output), --url URL (the server), --data-dir DIR, -h/--help
(see "etphonehome help")

Examples:
  etphonehome webhooks test
  etphonehome webhooks test --client web-01
  etphonehome webhooks test --to https://hooks.example.com/etphonehome || echo "receiver down"
`;

const watchUsage = `Usage: etphonehome webhooks watch [--client C] [--dead-letters] [--json]

  Failed delivery attempts as they happen, one line each, until Ctrl-C (exit 0): for alerting
  on a receiver that is down. Reconnects by itself when the server restarts.

  --client C         only deliveries about this client
  --dead-letters     only failures that ended the retry schedule (the delivery is now FAILED)

--json prints one object per line: {deadLettered, delivery{…as "webhooks deliveries --json"}}.

${commonHelp}

Examples:
  etphonehome webhooks watch
  etphonehome webhooks watch --dead-letters --json | jq -c .delivery.id
`;

const usage = `Usage: etphonehome webhooks <subcommand> [options]

Subcommands:
  deliveries    webhook deliveries, newest first, by status, client, event
  replay        send FAILED deliveries again (one by id, or --failed; --dry-run previews)
  test          send one signed test delivery and report the receiver's answer
  watch         failed delivery attempts, live

"etphonehome webhooks <subcommand> --help" shows its options and examples.

Examples:
  etphonehome webhooks deliveries --status failed
  etphonehome webhooks replay --failed --dry-run
  etphonehome webhooks test --client web-01
`;

const DeliveryFields = graphql(`
  fragment CliWebhookDeliveryFields on WebhookDelivery {
    id
    event
    client {
      uuid
      clientId
      displayName
    }
    url
    status
    attempts
    lastError
    lastStatusCode
    nextAttemptAt
    createdAt
    deliveredAt
  }
`);

const DeliveriesDocument = graphql(`
  query CliWebhookDeliveries($filter: WebhookDeliveryFilter, $limit: Int) {
    webhookDeliveries(filter: $filter, limit: $limit) {
      ...CliWebhookDeliveryFields
    }
  }
`);

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

const SendTestDocument = graphql(`
  mutation CliSendTestWebhook($clientId: ID, $url: String) {
    sendTestWebhook(clientId: $clientId, url: $url) {
      ...CliWebhookDeliveryFields
    }
  }
`);

const FailuresDocument = graphql(`
  subscription CliWebhookDeliveryFailed($filter: WebhookFailureFilter) {
    webhookDeliveryFailed(filter: $filter) {
      deadLettered
      delivery {
        ...CliWebhookDeliveryFields
      }
    }
  }
`);

void DeliveryFields;

interface Delivery {
  id: string;
  event: string;
  client?: { clientId: string; displayName?: string | null } | null;
  url: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError?: string | null;
  lastStatusCode?: number | null;
  nextAttemptAt?: string | null;
  createdAt: string;
  deliveredAt?: string | null;
}

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

function readText(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '') throw new UsageError(`--${name} needs a value`);
  return text;
}

function statusText(status: WebhookDeliveryStatus, style: Style): string {
  if (status === 'DELIVERED') return style.green('delivered');
  if (status === 'FAILED') return style.red('failed');
  return style.yellow('pending');
}

function clipped(text: string | null | undefined, max: number): string {
  if (!text) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Why it stands where it stands: the last error, when the next attempt is due, or when it arrived. */
function outcome(d: Delivery, style: Style): string {
  if (d.status === 'DELIVERED') return style.dim(`delivered ${ago(d.deliveredAt)}`);
  const error = d.lastError ? clipped(d.lastError, 70) : '';
  if (d.status === 'PENDING') {
    const due = d.nextAttemptAt ? `next ${dueIn(d.nextAttemptAt)}` : '';
    return [error, due].filter(Boolean).join(' · ');
  }
  return style.red(error);
}

function dueIn(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (!Number.isFinite(seconds)) return iso;
  if (seconds <= 0) return 'now';
  if (seconds < 60) return `in ${seconds}s`;
  if (seconds < 3600) return `in ${Math.floor(seconds / 60)}m`;
  return `in ${Math.floor(seconds / 3600)}h`;
}

function printDeliveries(io: CommandIO, deliveries: readonly Delivery[]): void {
  const style = styleFor(io);
  printTable(
    io,
    ['ID', 'EVENT', 'CLIENT', 'STATUS', 'TRIES', 'CREATED', 'OUTCOME'],
    deliveries.map((d) => [
      d.id,
      d.event,
      d.client?.clientId ?? '-',
      statusText(d.status, style),
      String(d.attempts),
      ago(d.createdAt),
      outcome(d, style),
    ]),
  );
}

function printDelivery(io: CommandIO, d: Delivery): void {
  const style = styleFor(io);
  const fields: [string, string][] = [
    ['id', d.id],
    ['event', d.event],
    ['client', d.client?.clientId ?? '-'],
    ['url', d.url],
    ['status', statusText(d.status, style)],
    ['attempts', String(d.attempts)],
  ];
  if (d.lastStatusCode !== null && d.lastStatusCode !== undefined)
    fields.push(['HTTP status', String(d.lastStatusCode)]);
  if (d.lastError) fields.push(['last error', clipped(d.lastError, 200)]);
  if (d.nextAttemptAt)
    fields.push(['next attempt', `${d.nextAttemptAt} (${dueIn(d.nextAttemptAt)})`]);
  if (d.deliveredAt) fields.push(['delivered', d.deliveredAt]);
  printFields(io, fields);
}

async function runDeliveries(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    status: { type: 'string' },
    client: { type: 'string' },
    event: { type: 'string' },
    limit: { type: 'string' },
  });
  if (values.help) {
    io.out(deliveriesUsage);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `webhooks deliveries takes no arguments (got "${positionals[0]}"); use --client, --event or --status`,
    );
  const status = readStatus(values.status);
  const clientId = readText('client', values.client);
  const event = readText('event', values.event);
  const limit = parseIntFlag('limit', values.limit, { min: 1, max: 1000 }) ?? 100;
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
      io.err(`Showing the newest ${limit}; --limit (up to 1000) or a filter shows others.`);
  }
  return 0;
}

async function runReplay(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    failed: { type: 'boolean' },
    client: { type: 'string' },
    event: { type: 'string' },
    'dry-run': { type: 'boolean' },
  });
  if (values.help) {
    io.out(replayUsage);
    return 0;
  }
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
  const dryRun = values['dry-run'] === true;
  const gql = await connect(values, io.env);

  if (id !== undefined) {
    if (dryRun) {
      const { webhookDelivery } = await gql.request(DeliveryDocument, { id });
      if (values.json) printJson(io, webhookDelivery.status === 'FAILED' ? [webhookDelivery] : []);
      else {
        printDelivery(io, webhookDelivery);
        io.err(
          webhookDelivery.status === 'FAILED'
            ? `Dry run: would replay ${id}; nothing was changed.`
            : `Dry run: ${id} is ${webhookDelivery.status}, not FAILED, so it would not be replayed.`,
        );
      }
      return 0;
    }
    const { replayWebhookDelivery } = await gql.request(ReplayDocument, { id });
    if (values.json) printJson(io, replayWebhookDelivery);
    else
      io.out(
        `Replaying ${replayWebhookDelivery.id} (${replayWebhookDelivery.event}) to ${replayWebhookDelivery.url}: pending, same webhook-id; "etphonehome webhooks deliveries" shows how it went.`,
      );
    return 0;
  }

  if (dryRun) {
    const { webhookDeliveries } = await gql.request(DeliveriesDocument, {
      filter: { status: 'FAILED', clientId: clientId ?? null, event: event ?? null },
      limit: 1000,
    });
    if (values.json) printJson(io, webhookDeliveries);
    else {
      if (webhookDeliveries.length > 0) printDeliveries(io, webhookDeliveries);
      io.err(
        `Dry run: would replay ${webhookDeliveries.length === 1000 ? 'at least 1000' : webhookDeliveries.length} failed deliver${webhookDeliveries.length === 1 ? 'y' : 'ies'}; nothing was changed.`,
      );
    }
    return 0;
  }
  const { replayFailedWebhookDeliveries } = await gql.request(ReplayFailedDocument, {
    filter: { clientId: clientId ?? null, event: event ?? null },
  });
  const { count } = replayFailedWebhookDeliveries;
  if (values.json) printJson(io, replayFailedWebhookDeliveries);
  else
    io.out(
      count === 0
        ? 'No failed deliveries match; nothing to replay.'
        : `Replaying ${count} failed deliver${count === 1 ? 'y' : 'ies'}: pending again, same webhook-ids.`,
    );
  return 0;
}

async function runTest(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    client: { type: 'string' },
    to: { type: 'string' },
  });
  if (values.help) {
    io.out(testUsage);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `webhooks test takes no arguments (got "${positionals[0]}"); use --client or --to`,
    );
  const clientId = readText('client', values.client);
  // --to is the receiver (sendTestWebhook's url); --url stays the server, as everywhere.
  const target = readText('to', values.to);
  const gql = await connect(values, io.env);
  const { sendTestWebhook: d } = await gql.request(SendTestDocument, {
    clientId: clientId ?? null,
    url: target ?? null,
  });
  const ok = d.status === 'DELIVERED';
  if (values.json) printJson(io, d);
  else {
    const style = styleFor(io);
    io.out(
      ok
        ? `${style.green('delivered')}  ${d.url} answered ${d.lastStatusCode ?? '2xx'} (${d.id})`
        : `${style.red('failed')}  ${d.url}: ${clipped(d.lastError, 200) || 'no 2xx answer'} (${d.id})`,
    );
  }
  if (!ok)
    throw new CommandError(
      'WEBHOOK_FAILED',
      `The receiver at ${d.url} did not answer 2xx${d.lastStatusCode ? ` (HTTP ${d.lastStatusCode})` : ''}; check that it is up and verifies with the right secret, then run the test again.`,
      1,
    );
  return 0;
}

async function runWatch(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    client: { type: 'string' },
    'dead-letters': { type: 'boolean' },
  });
  if (values.help) {
    io.out(watchUsage);
    return 0;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `webhooks watch takes no arguments (got "${positionals[0]}"); use --client ${positionals[0]}`,
    );
  const clientId = readText('client', values.client);
  const connection = await resolveConnection(values, io.env);
  const style = styleFor(io);
  return streamSubscription(io, connection, {
    document: FailuresDocument,
    variables: {
      filter: {
        clientId: clientId ?? null,
        deadLetteredOnly: values['dead-letters'] === true ? true : null,
      },
    },
    what: 'failed webhook deliveries',
    onData({ webhookDeliveryFailed: f }) {
      if (values.json) {
        io.out(JSON.stringify(f));
        return;
      }
      const d = f.delivery;
      io.out(
        `${new Date().toISOString()}  ${f.deadLettered ? style.red('dead letter') : style.yellow('retrying')}  ${d.id}  ${d.event}  ${d.client?.clientId ?? '-'}  attempt ${d.attempts}: ${clipped(d.lastError, 120)}`,
      );
    },
  });
}

const subcommands: Record<
  string,
  { usage: string; run: (argv: string[], io: CommandIO) => Promise<number> }
> = {
  deliveries: { usage: deliveriesUsage, run: runDeliveries },
  replay: { usage: replayUsage, run: runReplay },
  test: { usage: testUsage, run: runTest },
  watch: { usage: watchUsage, run: runWatch },
};

export const webhooksCommand: CliCommand = {
  name: 'webhooks',
  summary: 'webhook deliveries: deliveries | replay | test | watch',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
      io.out(usage);
      return sub === undefined ? 2 : 0;
    }
    const entry = subcommands[sub];
    if (!entry) throw new UsageError(`unknown webhooks subcommand "${sub}"\n\n${usage}`);
    return entry.run(rest, io);
  },
};
