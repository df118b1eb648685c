// `etphonehome token create`: a token that admits new agents, printed once.

import { createGraphQLClient, resolveConnection } from '../../../client/index.js';
import { DEFAULT_TOKEN_LIFETIME_S, DEFAULT_TOKEN_USES } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import { parseDurationSeconds } from '../../../lib/duration.js';
import { commonHelp, commonOptions, noPositionals, parse, splitList } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

/** What a token allows when --uses and --expires are not given. */
const defaults = `${DEFAULT_TOKEN_USES === 1 ? 'one use' : `${DEFAULT_TOKEN_USES} uses`}, ${DEFAULT_TOKEN_LIFETIME_S / 3600} h`;

const usage = `Usage: etphonehome token create [--name N] [--display-name N] [--purpose P] [--tags a,b] [--uses N|unlimited] [--expires 24h|7d|never] [--json]

  Creates a token that admits new agents (default: ${defaults}) and prints it once, on stdout.
  --display-name, --purpose and --tags become the metadata of the clients it admits.
  Then prints, on stderr, the whole command that attaches a machine with it: the server's SSH
  port and host-key fingerprint included (the host is the one in --url, unless the server
  listens on one address only).
  --json prints {token, enrollmentToken{id, prefix, name, displayName, purpose, tags, maxUses,
  uses, expiresAt, createdAt, revokedAt, active}, attachCommand}.

${commonHelp}

Examples:
  etphonehome token create --name ci-runners --uses 10 --expires 7d --tags ci,linux
  phonehome --init -s fleet.example.com -p 2222 --server-fingerprint SHA256:… --enroll <token>
`;

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

const ServerInfoDocument = graphql(`
  query CliServerInfo {
    serverInfo {
      sshHost
      sshPort
      hostKeyFingerprint
    }
  }
`);

/** Where agents reach the server: its one SSH address, else the host the CLI talks to. */
function attachHost(sshHost: string, url: string): string {
  if (sshHost !== '0.0.0.0' && sshHost !== '::') return sshHost;
  return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
}

/** --uses N|unlimited: null is unlimited. */
function readUses(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'unlimited') return null;
  if (/^\d+$/.test(text) && Number(text) >= 1) return Number(text);
  throw new UsageError(`--uses takes a number from 1, or "unlimited" (got "${text}")`);
}

/** --expires 24h|7d|never: null never expires. */
function readExpiry(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  try {
    return parseDurationSeconds(text);
  } catch (error) {
    throw new UsageError(`--expires: ${(error as Error).message}`);
  }
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    name: { type: 'string' },
    'display-name': { type: 'string' },
    purpose: { type: 'string' },
    tags: { type: 'string' },
    uses: { type: 'string' },
    expires: { type: 'string' },
  });
  noPositionals('token create', positionals, 'use --name to label the token');
  const maxUses = readUses(values.uses);
  const expiresInSeconds = readExpiry(values.expires);
  const connection = await resolveConnection(values, io.env);
  const gql = createGraphQLClient(connection);
  const { serverInfo } = await gql.request(ServerInfoDocument, {});
  const { createEnrollmentToken: created } = await gql.request(CreateTokenDocument, {
    input: {
      name: values.name ?? null,
      displayName: values['display-name'] ?? null,
      purpose: values.purpose ?? null,
      tags: values.tags ? splitList(values.tags) : null,
      ...(maxUses !== undefined ? { maxUses } : {}),
      ...(expiresInSeconds !== undefined ? { expiresInSeconds } : {}),
    },
  });
  // The first-start banner's command; without serverInfo (not listening yet), what we know.
  const attachCommand = serverInfo
    ? `phonehome --init -s ${attachHost(serverInfo.sshHost, connection.url)} -p ${serverInfo.sshPort} --server-fingerprint ${serverInfo.hostKeyFingerprint} --enroll ${created.token}`
    : `phonehome --init -s <server> --enroll ${created.token}`;
  if (values.json) {
    printJson(io, { ...created, attachCommand });
    return 0;
  }
  const token = created.enrollmentToken;
  io.out(created.token);
  io.err(
    `Enrollment token ${token.prefix}… (${token.maxUses ?? 'unlimited'} use(s), ${
      token.expiresAt ? `expires ${token.expiresAt}` : 'never expires'
    }). It is shown only now.\nOn the new machine:\n  ${attachCommand}\n  phonehome`,
  );
  return 0;
}

export const createCommand: Command = {
  name: 'create',
  summary: `a token that admits new agents (default: ${defaults}); printed once`,
  usage,
  run,
};
