// `etphonehome keys list`: API keys, with role, scope, use and state.

import { graphql } from '../../../generated/gql.js';
import { commonHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { listRun } from '../../list-command.js';
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

const run = listRun(
  'keys list',
  'it takes no arguments',
  async (gql) => (await gql.request(ListApiKeysDocument, {})).apiKeys,
  {
    headers: ['ID', 'NAME', 'ROLE', 'SCOPE', 'LAST USED', 'EXPIRES', 'STATE'],
    row: (k) => [
      k.id,
      k.name,
      k.role,
      scopeText(k.scope ?? null),
      k.lastUsedAt ?? 'never',
      k.expiresAt ?? 'never',
      k.revoked ? 'revoked' : 'active',
    ],
  },
);

export const listCommand: Command = {
  name: 'list',
  summary: 'API keys: role, scope, last use, expiry, state',
  usage,
  run,
};
