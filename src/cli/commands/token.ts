// `etphonehome token create|list|revoke`: enrollment tokens, through the GraphQL API.

import { parseArgs } from 'node:util';
import { graphql } from '../../generated/gql.js';
import { parseDurationSeconds } from '../../lib/duration.js';
import { resolveConnection } from '../connection.js';
import { createGraphQLClient } from '../graphql-client.js';
import type { CliCommand } from '../command.js';
import { printTable, UsageError, type CommandIO } from '../output.js';

export const tokenUsage = `Usage: etphonehome token <create|list|revoke> [options]

  create [--name N] [--display-name N] [--purpose P] [--tags a,b] [--uses N|unlimited] [--expires 24h|7d|never]
         creates a token that admits new agents (default: one use, 24 h); prints it once
  list [--all]           active tokens (--all: also revoked, expired, used up)
  revoke <id|prefix>     revokes a token; clients already enrolled stay

Common: --json (machine-readable output), --url URL, --data-dir DIR (see "etphonehome help")

Examples:
  etphonehome token create --name ci-runners --uses 10 --expires 7d --tags ci,linux
  phonehome --init -s fleet.example.com --enroll <token>
`;

const TokenFields = graphql(`
  fragment TokenFields on EnrollmentToken {
    id
    prefix
    name
    displayName
    purpose
    tags
    maxUses
    uses
    expiresAt
    createdAt
    revokedAt
    active
  }
`);

const CreateTokenDocument = graphql(`
  mutation CliCreateEnrollmentToken($input: CreateEnrollmentTokenInput) {
    createEnrollmentToken(input: $input) {
      token
      enrollmentToken {
        ...TokenFields
      }
    }
  }
`);

const ListTokensDocument = graphql(`
  query CliEnrollmentTokens($includeInactive: Boolean) {
    enrollmentTokens(includeInactive: $includeInactive) {
      ...TokenFields
    }
  }
`);

const RevokeTokenDocument = graphql(`
  mutation CliRevokeEnrollmentToken($id: ID!) {
    revokeEnrollmentToken(id: $id) {
      ...TokenFields
    }
  }
`);

void TokenFields;

export async function runTokenCommand(argv: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      'display-name': { type: 'string' },
      purpose: { type: 'string' },
      tags: { type: 'string' },
      uses: { type: 'string' },
      expires: { type: 'string' },
      all: { type: 'boolean' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.out(tokenUsage);
    return sub === undefined ? 2 : 0;
  }
  const client = createGraphQLClient(await resolveConnection(values, io.env));

  if (sub === 'create') {
    let maxUses: number | null | undefined;
    if (values.uses !== undefined) {
      if (values.uses === 'unlimited') maxUses = null;
      else if (/^\d+$/.test(values.uses) && Number(values.uses) >= 1) maxUses = Number(values.uses);
      else
        throw new UsageError(`--uses takes a number from 1, or "unlimited" (got "${values.uses}")`);
    }
    let expiresInSeconds: number | null | undefined;
    if (values.expires !== undefined) {
      try {
        expiresInSeconds = parseDurationSeconds(values.expires);
      } catch (error) {
        throw new UsageError(`--expires: ${(error as Error).message}`);
      }
    }
    const data = await client.request(CreateTokenDocument, {
      input: {
        name: values.name ?? null,
        displayName: values['display-name'] ?? null,
        purpose: values.purpose ?? null,
        tags: values.tags
          ? values.tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          : null,
        ...(maxUses !== undefined ? { maxUses } : {}),
        ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}),
      },
    });
    const created = data.createEnrollmentToken;
    if (values.json) io.out(JSON.stringify(created, null, 2));
    else {
      io.out(created.token);
      io.err(
        `Enrollment token ${created.enrollmentToken.prefix}… (${created.enrollmentToken.maxUses ?? 'unlimited'} use(s), ${
          created.enrollmentToken.expiresAt
            ? `expires ${created.enrollmentToken.expiresAt}`
            : 'never expires'
        }). It is shown only now.\nOn the new machine: phonehome --init -s <server> --enroll ${created.token}`,
      );
    }
    return 0;
  }

  if (sub === 'list') {
    const data = await client.request(ListTokensDocument, { includeInactive: values.all ?? false });
    if (values.json) io.out(JSON.stringify(data.enrollmentTokens, null, 2));
    else {
      printTable(
        io,
        ['ID', 'PREFIX', 'NAME', 'USES', 'EXPIRES', 'ACTIVE'],
        data.enrollmentTokens.map((t) => [
          t.id,
          t.prefix,
          t.name ?? '',
          `${t.uses}/${t.maxUses ?? '∞'}`,
          t.expiresAt ?? 'never',
          t.active ? 'yes' : t.revokedAt ? 'revoked' : 'no',
        ]),
      );
    }
    return 0;
  }

  if (sub === 'revoke') {
    const id = positionals[0];
    if (!id) throw new UsageError('token revoke needs a token id or prefix');
    const data = await client.request(RevokeTokenDocument, { id });
    if (values.json) io.out(JSON.stringify(data.revokeEnrollmentToken, null, 2));
    else io.out(`Revoked ${data.revokeEnrollmentToken.prefix}… (${data.revokeEnrollmentToken.id})`);
    return 0;
  }
  throw new UsageError(`unknown token command "${sub}"\n\n${tokenUsage}`);
}

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'enrollment tokens: create | list | revoke',
  usage: tokenUsage,
  run: runTokenCommand,
};
