// `etphonehome keys revoke <id>`: the key stops working at once, and what it holds open ends.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome keys revoke <id> [--json]

  Revokes an API key: within a second its requests are refused and its open graphql-ws
  sockets, SSE streams, MCP sessions and long commands end. --json prints the key.

${commonHelp}

Examples:
  etphonehome keys list
  etphonehome keys revoke 3f9c0a1b2c3d4e5f
`;

const RevokeApiKeyDocument = graphql(`
  mutation CliRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [id] = positionals;
  if (!id) throw new UsageError('keys revoke needs a key id (keys list shows them)');
  const gql = await connect(values, io.env);
  const { revokeApiKey: key } = await gql.request(RevokeApiKeyDocument, { id });
  if (values.json) printJson(io, key);
  else io.out(`Revoked API key "${key.name}" (${key.id}) at ${key.revokedAt ?? 'now'}`);
  return 0;
}

export const revokeCommand: Command = {
  name: 'revoke',
  synopsis: 'revoke <id>',
  summary: 'revokes a key; its sockets, streams and sessions end at once',
  usage,
  run,
};
