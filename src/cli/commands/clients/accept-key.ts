// `etphonehome clients accept-key <client>`: trust the new key a client connected with.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, oneClient, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { clientName } from '../../format.js';
import { printJson, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome clients accept-key <client> [--json]

  Trusts the new key a client connected with after a key change (keyMismatch): it becomes the
  pinned key and operations are allowed again. Check the fingerprint first with
  "etphonehome clients describe <client>". --json prints the client.

${commonHelp}

Examples:
  etphonehome clients list --key-mismatch
  etphonehome clients accept-key web-01
`;

const AcceptKeyDocument = graphql(`
  mutation CliAcceptKey($id: ID!) {
    acceptKey(id: $id) {
      ...ClientFields
      trustedFingerprint
      keyAcceptedAt
      keyAcceptedBy
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const id = oneClient('clients accept-key', positionals);
  const gql = await connect(values, io.env);
  const client = (await gql.request(AcceptKeyDocument, { id })).acceptKey;
  if (values.json) printJson(io, client);
  else io.out(`Accepted the new key of ${clientName(client)}: ${client.trustedFingerprint}`);
  return 0;
}

export const acceptKeyCommand: Command = {
  name: 'accept-key',
  summary: "trust a client's new key after a key change",
  usage,
  run,
};
