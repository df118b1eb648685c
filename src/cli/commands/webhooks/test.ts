// `etphonehome webhooks test`: one signed test delivery now, and the receiver's answer.

import { connect } from '../../../client/index.js';
import { commonOptions, noPositionals, parse } from '../../args.js';
import { graphql } from '../../../generated/gql.js';
import type { Command } from '../../command.js';
import { CommandError, printJson, styleFor, type CommandIO } from '../../output.js';
import { clipped, readText } from './delivery-view.js';

const usage = `Usage: etphonehome webhooks test [--client C] [--to URL] [--json]

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

const SendTestDocument = graphql(`
  mutation CliSendTestWebhook($clientId: ID, $url: String) {
    sendTestWebhook(clientId: $clientId, url: $url) {
      ...CliWebhookDeliveryFields
    }
  }
`);

/** The receiver did not take the test: a result, not an error of the API. */
const RECEIVER_REFUSED = 1;

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    client: { type: 'string' },
    to: { type: 'string' },
  });
  noPositionals('webhooks test', positionals, 'use --client or --to');
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
      null,
      `The receiver at ${d.url} did not answer 2xx${d.lastStatusCode ? ` (HTTP ${d.lastStatusCode})` : ''}; check that it is up and verifies with the right secret, then run the test again.`,
      RECEIVER_REFUSED,
    );
  return 0;
}

export const testCommand: Command = {
  name: 'test',
  summary: "send one signed test delivery and report the receiver's answer",
  usage,
  run,
};
