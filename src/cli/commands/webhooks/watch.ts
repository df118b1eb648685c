// `etphonehome webhooks watch`: failed delivery attempts as they happen, until Ctrl-C.

import { resolveConnection } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { jsonLine, styleFor, type CommandIO } from '../../output.js';
import { streamSubscription } from '../../subscription.js';
import { clipped, readText } from './delivery-view.js';

const usage = `Usage: etphonehome webhooks watch [--client C] [--dead-letters] [--json]

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

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    client: { type: 'string' },
    'dead-letters': { type: 'boolean' },
  });
  noPositionals('webhooks watch', positionals, `use --client ${positionals[0]}`);
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
        io.out(jsonLine(f));
        return;
      }
      const d = f.delivery;
      const state = f.deadLettered ? style.red('dead letter') : style.yellow('retrying');
      io.out(
        `${new Date().toISOString()}  ${state}  ${d.id}  ${d.event}  ${d.client?.clientId ?? '-'}  attempt ${d.attempts}: ${clipped(d.lastError, 120)}`,
      );
    },
  });
}

export const watchCommand: Command = {
  name: 'watch',
  summary: 'failed delivery attempts, live',
  usage,
  run,
};
