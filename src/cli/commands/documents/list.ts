// `etphonehome documents list`: the documents admins registered as trusted.

import { graphql } from '../../../generated/gql.js';
import { commonHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { listRun } from '../../list-command.js';

const usage = `Usage: etphonehome documents list [--json]

  The documents admins registered as trusted, newest first: hash, name, when, by whom, and
  the operations each holds. The documents the CLI, the MCP tools and GraphiQL's tabs send are
  built in and not listed. Needs an ADMIN key.
  --json prints an array of {hash, name, document, createdAt, createdBy}.

${commonHelp}

Examples:
  etphonehome documents list
  etphonehome documents list --json | jq -r '.[].hash'
`;

const ListDocuments = graphql(`
  query CliTrustedDocuments {
    trustedDocuments {
      ...CliTrustedDocumentFields
    }
  }
`);

/** "query Nightly, mutation Fix" from a normalised document. */
function operationsOf(document: string): string {
  const names = [...document.matchAll(/^(query|mutation|subscription)\b\s*(\w*)/gm)].map(
    (m) => `${m[1]}${m[2] ? ` ${m[2]}` : ''}`,
  );
  return names.length > 0 ? names.join(', ') : 'query';
}

const run = listRun(
  'documents list',
  'it takes no arguments',
  async (gql) => (await gql.request(ListDocuments, {})).trustedDocuments,
  {
    headers: ['HASH', 'NAME', 'OPERATIONS', 'REGISTERED', 'BY'],
    row: (d) => [d.hash, d.name ?? '', operationsOf(d.document), d.createdAt, d.createdBy ?? ''],
  },
);

export const listCommand: Command = {
  name: 'list',
  summary: 'the documents admins registered as trusted',
  usage,
  run,
};
