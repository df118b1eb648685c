// `etphonehome documents remove HASH`: stops trusting a registered document.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome documents remove HASH [--json]

  Stops trusting a registered document: where only trusted documents run, it is refused from
  the next request on, on every server sharing the database. Needs an ADMIN key.
  --json prints the document removed.

${commonHelp}

Examples:
  etphonehome documents list
  etphonehome documents remove 3b5e0c…
`;

const RemoveDocument = graphql(`
  mutation CliRemoveTrustedDocument($input: RemoveTrustedDocumentInput!) {
    removeTrustedDocument(input: $input) {
      trustedDocument {
        ...CliTrustedDocumentFields
      }
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [hash, ...rest] = positionals;
  if (!hash || rest.length > 0)
    throw new UsageError('documents remove needs one HASH (documents list shows them)');
  const gql = await connect(values, io.env);
  const { removeTrustedDocument } = await gql.request(RemoveDocument, { input: { hash } });
  const removed = removeTrustedDocument.trustedDocument;
  if (values.json) printJson(io, removed);
  else io.out(`No longer trusted: ${removed.hash}${removed.name ? ` (${removed.name})` : ''}`);
  return 0;
}

export const removeCommand: Command = {
  name: 'remove',
  synopsis: 'remove HASH',
  summary: 'stops trusting a registered document',
  usage,
  run,
};
