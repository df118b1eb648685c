// `etphonehome clients decommission <client>`: retire a client in one step (its history stays).

import { connect } from '../../../client/index.js';
import { decommissionOutcome } from '../../../client/decommission-outcome.js';
import { DEFAULT_STOP_COMMAND } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, oneClient, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { clientName, failureText } from '../../format.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome clients decommission <client> [--reason TEXT] [--no-stop] [--stop-command CMD] [--yes] [--json]

  Retires a client in one step: stops its agent service (when online;
  "${DEFAULT_STOP_COMMAND}" unless --stop-command), clears its webhook, marks it
  decommissioned and closes its link. Its record and history stay; it disappears from lists and
  is refused when it connects, until "clients restore". Asks for confirmation on a terminal;
  scripts pass --yes. --json prints {client, serviceStop{result, error}|null}.

${commonHelp}

Examples:
  etphonehome clients decommission old-db --reason "replaced by db-02" --yes
  etphonehome clients decommission lab-3 --no-stop --yes
`;

const DecommissionDocument = graphql(`
  mutation CliDecommissionClient(
    $id: ID!
    $reason: String
    $stopService: Boolean
    $stopCommand: String
  ) {
    decommissionClient(
      id: $id
      reason: $reason
      stopService: $stopService
      stopCommand: $stopCommand
    ) {
      client {
        ...ClientFields
        decommissionedAt
      }
      serviceStop {
        result {
          ...CommandResultFields
        }
        error {
          ...OperationErrorFields
        }
      }
    }
  }
`);

/** Asks on a terminal; elsewhere --yes is required. False: the user said no. */
async function confirmed(io: CommandIO, id: string): Promise<boolean> {
  const answer = io.confirm
    ? await io.confirm(`Decommission client "${id}" (stop its service, refuse it until restored)?`)
    : null;
  if (answer === null)
    throw new UsageError(
      `clients decommission changes the fleet: pass --yes to confirm (client "${id}")`,
    );
  return answer;
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    reason: { type: 'string' },
    'no-stop': { type: 'boolean' },
    'stop-command': { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
  });
  const id = oneClient('clients decommission', positionals);
  if (values['no-stop'] && values['stop-command'] !== undefined)
    throw new UsageError('--no-stop and --stop-command contradict each other: pick one');
  if (!values.yes && !(await confirmed(io, id))) {
    io.err('Nothing changed.');
    return 1;
  }
  const gql = await connect(values, io.env);
  const { decommissionClient } = await gql.request(DecommissionDocument, {
    id,
    reason: values.reason ?? null,
    stopService: !values['no-stop'],
    stopCommand: values['stop-command'] ?? null,
  });
  if (values.json) {
    printJson(io, decommissionClient);
    return 0;
  }
  const stop = decommissionClient.serviceStop;
  const name = decommissionClient.client.clientId;
  io.out(
    `Decommissioned ${clientName(decommissionClient.client)}; its history stays ("etphonehome clients restore ${name}" undoes it).`,
  );
  const outcome = decommissionOutcome(stop, {
    stopRequested: !values['no-stop'],
    noStop: '--no-stop',
    untilRestored: 'until restored',
    failure: stop?.error ? failureText(stop.error) : null,
  });
  if (outcome) io.err(outcome);
  return 0;
}

export const decommissionCommand: Command = {
  name: 'decommission',
  summary: 'retire a client (history kept); restore brings it back',
  usage,
  run,
};
