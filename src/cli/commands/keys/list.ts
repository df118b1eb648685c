// `etphonehome keys list`: API keys, with role, scope, use and state.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, printTable, type CommandIO } from '../../output.js';
import { scopeText } from './key-fields.js';

const usage = `Usage: etphonehome keys list [--json]

  API keys, newest first: id, name, role, scope, last use, expiry, state. Secrets are never
  shown again. --json prints an array of {id, name, role, scope{tags, clientIds},
  trustedDocumentsOnly, createdAt, createdBy, lastUsedAt, expiresAt, revokedAt, revoked}.

${commonHelp}

Examples:
  etphonehome keys list
  etphonehome keys list --json | jq -r '.[] | select(.role == "ADMIN") | .name'
`;

const ListApiKeysDocument = graphql(`
  query CliApiKeys {
    apiKeys {
      ...ApiKeyFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  noPositionals('keys list', positionals, 'it takes no arguments');
  const gql = await connect(values, io.env);
  const { apiKeys } = await gql.request(ListApiKeysDocument, {});
  if (values.json) printJson(io, apiKeys);
  else
    printTable(
      io,
      ['ID', 'NAME', 'ROLE', 'SCOPE', 'LAST USED', 'EXPIRES', 'STATE'],
      apiKeys.map((k) => [
        k.id,
        k.name,
        k.role,
        scopeText(k.scope ?? null),
        k.lastUsedAt ?? 'never',
        k.expiresAt ?? 'never',
        k.revoked ? 'revoked' : 'active',
      ]),
    );
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'API keys: role, scope, last use, expiry, state',
  usage,
  run,
};
