// `etphonehome documents register FILE`: trusts a GraphQL document on every server sharing the
// database (ETPHONEHOME_TRUSTED_DOCUMENTS, docs/access.md).

import { readFile } from 'node:fs/promises';
import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome documents register FILE [--name N] [--json]

  Trusts the GraphQL document in FILE ("-" reads stdin): where only trusted documents run
  (ETPHONEHOME_TRUSTED_DOCUMENTS=1, or keys created with --trusted-documents-only), it is
  admitted from now on, on every server sharing the database. Whitespace, commas and comments
  do not matter; anything else does. Prints its hash. Needs an ADMIN key.
  --json prints {hash, name, document, createdAt, createdBy}.

${commonHelp}

Examples:
  etphonehome documents register nightly-report.graphql --name nightly-report
  echo '{ clients { clientId online } }' | etphonehome documents register -
`;

const RegisterDocument = graphql(`
  mutation CliRegisterTrustedDocument($input: RegisterTrustedDocumentInput!) {
    registerTrustedDocument(input: $input) {
      trustedDocument {
        ...CliTrustedDocumentFields
      }
    }
  }
`);

async function readText(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, { ...commonOptions, name: { type: 'string' } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0)
    throw new UsageError(
      'documents register needs one FILE holding a GraphQL document ("-": stdin)',
    );
  const document = await readText(file);
  const gql = await connect(values, io.env);
  const { registerTrustedDocument } = await gql.request(RegisterDocument, {
    input: { document, name: values.name ?? null },
  });
  const trusted = registerTrustedDocument.trustedDocument;
  if (values.json) printJson(io, trusted);
  else io.out(`Trusted document ${trusted.hash}${trusted.name ? ` (${trusted.name})` : ''}`);
  return 0;
}

export const registerCommand: Command = {
  name: 'register',
  synopsis: 'register FILE',
  summary: 'trusts the GraphQL document in FILE on every server of the database',
  usage,
  run,
};
