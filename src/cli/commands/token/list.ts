// `etphonehome token list [--all]`: enrollment tokens, active ones unless --all.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printList, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome token list [--all] [--json]

  Active enrollment tokens (--all: also revoked, expired and used-up ones): id, prefix, name,
  uses, expiry. The tokens themselves are never shown again. --json prints an array of {id,
  prefix, name, displayName, purpose, tags, maxUses, uses, expiresAt, createdAt, revokedAt,
  active}.

${commonHelp}

Examples:
  etphonehome token list
  etphonehome token list --all --json | jq -r '.[] | select(.active | not) | .id'
`;

const ListTokensDocument = graphql(`
  query CliEnrollmentTokens($includeInactive: Boolean) {
    enrollmentTokens(includeInactive: $includeInactive) {
      ...TokenFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, all: { type: 'boolean' } });
  noPositionals('token list', positionals, 'use --all to include inactive tokens');
  const gql = await connect(values, io.env);
  const { enrollmentTokens } = await gql.request(ListTokensDocument, {
    includeInactive: values.all ?? false,
  });
  printList(io, values.json, enrollmentTokens, {
    headers: ['ID', 'PREFIX', 'NAME', 'USES', 'EXPIRES', 'ACTIVE'],
    row: (t) => [
      t.id,
      t.prefix,
      t.name ?? '',
      `${t.uses}/${t.maxUses ?? '∞'}`,
      t.expiresAt ?? 'never',
      t.active ? 'yes' : t.revokedAt ? 'revoked' : 'no',
    ],
  });
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'active tokens (--all: also revoked, expired, used up)',
  usage,
  run,
};
