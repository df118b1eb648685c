// `etphonehome token revoke <id|prefix>`: no new agent is admitted with it.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome token revoke <id|prefix> [--json]

  Revokes an enrollment token (by id, or the prefix "token list" shows): no new agent is
  admitted with it; clients already enrolled stay. --json prints the token.

${commonHelp}

Examples:
  etphonehome token list
  etphonehome token revoke 3
`;

const RevokeTokenDocument = graphql(`
  mutation CliRevokeEnrollmentToken($id: ID!) {
    revokeEnrollmentToken(id: $id) {
      ...TokenFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [id] = positionals;
  if (!id) throw new UsageError('token revoke needs a token id or prefix');
  const gql = await connect(values, io.env);
  const { revokeEnrollmentToken: token } = await gql.request(RevokeTokenDocument, { id });
  if (values.json) printJson(io, token);
  else io.out(`Revoked ${token.prefix}… (${token.id})`);
  return 0;
}

export const revokeCommand: Command = {
  name: 'revoke',
  synopsis: 'revoke <id>',
  summary: 'revokes a token; clients already enrolled stay',
  usage,
  run,
};
