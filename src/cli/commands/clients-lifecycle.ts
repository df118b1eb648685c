// `etphonehome clients accept-key|decommission|restore`: trusting a client's new key, retiring
// a client (its history stays) and bringing it back.

import { graphql } from '../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../args.js';
import { connect } from '../connection.js';
import { clientName } from '../format.js';
import { printJson, UsageError, type CommandIO } from '../output.js';

export const acceptKeyUsage = `Usage: etphonehome clients accept-key <client> [--json]

  Trusts the new key a client connected with after a key change (keyMismatch): it becomes the
  pinned key and operations are allowed again. Check the fingerprint first with
  "etphonehome clients describe <client>". --json prints the client.

${commonHelp}

Examples:
  etphonehome clients list --key-mismatch
  etphonehome clients accept-key web-01
`;

export const decommissionUsage = `Usage: etphonehome clients decommission <client> [--reason TEXT] [--no-stop] [--stop-command CMD] [--yes] [--json]

  Retires a client in one step: stops its agent service (when online; "systemctl --user stop
  phonehome" unless --stop-command), clears its webhook, marks it decommissioned and closes its
  link. Its record and history stay; it disappears from lists and is refused when it connects,
  until "clients restore". Asks for confirmation on a terminal; scripts pass --yes.
  --json prints {client, serviceStop{result, error}|null}.

${commonHelp}

Examples:
  etphonehome clients decommission old-db --reason "replaced by db-02" --yes
  etphonehome clients decommission lab-3 --no-stop --yes
`;

export const restoreUsage = `Usage: etphonehome clients restore <client> [--json]

  Undoes "clients decommission": the client may connect again and appears in lists (its webhook
  stays cleared). --json prints the client.

${commonHelp}

Examples:
  etphonehome clients list --all
  etphonehome clients restore old-db
`;

const AcceptKeyDocument = graphql(`
  mutation CliAcceptKey($id: ID!) {
    acceptKey(id: $id) {
      ...CliClientFields
      trustedFingerprint
      keyAcceptedAt
      keyAcceptedBy
    }
  }
`);

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
        ...CliClientFields
        decommissionedAt
      }
      serviceStop {
        result {
          ...CliCommandResultFields
        }
        error {
          code
          message
        }
      }
    }
  }
`);

const RestoreDocument = graphql(`
  mutation CliRestoreClient($id: ID!) {
    restoreClient(id: $id) {
      ...CliClientFields
    }
  }
`);

function oneClient(positionals: string[], command: string): string {
  const id = positionals[0];
  if (!id || positionals.length > 1)
    throw new UsageError(`clients ${command} takes one client: uuid, clientId or display name`);
  return id;
}

export async function runClientsAcceptKey(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  if (values.help) {
    io.out(acceptKeyUsage);
    return 0;
  }
  const id = oneClient(positionals, 'accept-key');
  const gql = await connect(values, io.env);
  const client = (await gql.request(AcceptKeyDocument, { id })).acceptKey;
  if (values.json) printJson(io, client);
  else io.out(`Accepted the new key of ${clientName(client)}: ${client.trustedFingerprint}`);
  return 0;
}

export async function runClientsDecommission(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    reason: { type: 'string' },
    'no-stop': { type: 'boolean' },
    'stop-command': { type: 'string' },
    yes: { type: 'boolean', short: 'y' },
  });
  if (values.help) {
    io.out(decommissionUsage);
    return 0;
  }
  const id = oneClient(positionals, 'decommission');
  if (values['no-stop'] && values['stop-command'] !== undefined)
    throw new UsageError('--no-stop and --stop-command contradict each other: pick one');
  if (!values.yes) {
    const confirmed = io.confirm
      ? await io.confirm(
          `Decommission client "${id}" (stop its service, refuse it until restored)?`,
        )
      : null;
    if (confirmed === null)
      throw new UsageError(
        `clients decommission changes the fleet: pass --yes to confirm (client "${id}")`,
      );
    if (!confirmed) {
      io.err('Nothing changed.');
      return 1;
    }
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
  io.out(
    `Decommissioned ${clientName(decommissionClient.client)}; its history stays ("etphonehome clients restore ${decommissionClient.client.clientId}" undoes it).`,
  );
  if (stop?.result) io.err(`Service stop exited ${stop.result.returncode}.`);
  else if (stop?.error)
    io.err(
      `Service stop: ${stop.error.code}: ${stop.error.message}${stop.error.code === 'AGENT_UNAVAILABLE' ? ' (usually means the stop cut the link: it worked)' : ''}`,
    );
  return 0;
}

export async function runClientsRestore(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  if (values.help) {
    io.out(restoreUsage);
    return 0;
  }
  const id = oneClient(positionals, 'restore');
  const gql = await connect(values, io.env);
  const client = (await gql.request(RestoreDocument, { id })).restoreClient;
  if (values.json) printJson(io, client);
  else io.out(`Restored ${clientName(client)}: it may connect again.`);
  return 0;
}
