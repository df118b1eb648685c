// `etphonehome documents list`: the documents admins registered as trusted.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, printTable, type CommandIO } from '../../output.js';

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

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  noPositionals('documents list', positionals, 'it takes no arguments');
  const gql = await connect(values, io.env);
  const { trustedDocuments } = await gql.request(ListDocuments, {});
  if (values.json) printJson(io, trustedDocuments);
  else
    printTable(
      io,
      ['HASH', 'NAME', 'OPERATIONS', 'REGISTERED', 'BY'],
      trustedDocuments.map((d) => [
        d.hash,
        d.name ?? '',
        operationsOf(d.document),
        d.createdAt,
        d.createdBy ?? '',
      ]),
    );
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'the documents admins registered as trusted',
  usage,
  run,
};
