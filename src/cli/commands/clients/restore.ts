// `etphonehome clients restore <client>`: undo a decommission.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, oneClient, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { clientName } from '../../format.js';
import { printJson, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome clients restore <client> [--json]

  Undoes "clients decommission": the client may connect again and appears in lists (its webhook
  stays cleared). --json prints the client.

${commonHelp}

Examples:
  etphonehome clients list --all
  etphonehome clients restore old-db
`;

const RestoreDocument = graphql(`
  mutation CliRestoreClient($id: ID!) {
    restoreClient(id: $id) {
      ...ClientFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const id = oneClient('clients restore', positionals);
  const gql = await connect(values, io.env);
  const client = (await gql.request(RestoreDocument, { id })).restoreClient;
  if (values.json) printJson(io, client);
  else io.out(`Restored ${clientName(client)}: it may connect again.`);
  return 0;
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'undo decommission',
  usage,
  run,
};
