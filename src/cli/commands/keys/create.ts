// `etphonehome keys create`: an API key (a principal), its secret printed once.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { parseDurationSeconds } from '../../../lib/duration.js';
import { commonHelp, commonOptions, noPositionals, parse, splitList } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';
import { scopeText } from './key-fields.js';

const usage = `Usage: etphonehome keys create --name N --role VIEWER|OPERATOR|ADMIN [--tags a,b] [--clients c1,c2] [--expires 30d|never] [--trusted-documents-only] [--json]

  Creates an API key and prints its secret once, on stdout (only a hash is kept).
  --role: VIEWER reads; OPERATOR also runs commands, files, transfers; ADMIN also settings,
  keys, tokens and trust (docs/access.md). --tags / --clients limit the key to the clients
  carrying every tag / to those clients; outside its scope a client does not exist for it.
  A key mints keys of its own role or lower, within its own scope.
  --json prints {secret, apiKey{id, name, role, scope, createdAt, expiresAt, …}}.

${commonHelp}

Examples:
  etphonehome keys create --name dashboard --role VIEWER
  etphonehome keys create --name web-deployer --role OPERATOR --tags web --expires 30d
`;

const CreateApiKeyDocument = graphql(`
  mutation CliCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        ...ApiKeyFields
      }
    }
  }
`);

const ROLES = ['VIEWER', 'OPERATOR', 'ADMIN'] as const;

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    name: { type: 'string' },
    role: { type: 'string' },
    tags: { type: 'string' },
    clients: { type: 'string' },
    expires: { type: 'string' },
    'trusted-documents-only': { type: 'boolean' },
  });
  noPositionals('keys create', positionals, 'use --name to name the key');
  if (!values.name) throw new UsageError('keys create needs --name (what or who the key is for)');
  const role = (values.role ?? '').toUpperCase();
  if (!(ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role takes ${ROLES.join(', ')} (got "${values.role ?? ''}")`);
  let expiresInSeconds: number | null = null;
  if (values.expires !== undefined) {
    try {
      expiresInSeconds = parseDurationSeconds(values.expires);
    } catch (error) {
      throw new UsageError(`--expires: ${(error as Error).message}`);
    }
  }
  const tags = values.tags ? splitList(values.tags) : null;
  const clients = values.clients ? splitList(values.clients) : null;
  const gql = await connect(values, io.env);
  const { createApiKey: created } = await gql.request(CreateApiKeyDocument, {
    input: {
      name: values.name,
      role: role as (typeof ROLES)[number],
      scope: tags || clients ? { tags, clientIds: clients } : null,
      expiresInSeconds,
      trustedDocumentsOnly: values['trusted-documents-only'] ?? false,
    },
  });
  if (values.json) {
    printJson(io, created);
    return 0;
  }
  const key = created.apiKey;
  io.out(created.secret);
  io.err(
    `API key "${key.name}" (${key.id}): ${key.role}, scope ${scopeText(key.scope ?? null)}, ${
      key.expiresAt ? `expires ${key.expiresAt}` : 'never expires'
    }. The secret is shown only now: use it as "Authorization: Bearer <secret>" or ETPHONEHOME_API_KEY.`,
  );
  return 0;
}

export const createCommand: Command = {
  name: 'create',
  summary: 'an API key with a role and an optional scope; its secret printed once',
  usage,
  run,
};
