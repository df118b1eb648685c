// `etphonehome files ls <client> <remote-dir>`: one directory level of a client.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, printTable, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome files ls <client> <remote-dir> [--json]

  Lists one level of a directory on the client (inside its allowed paths, when set): type, size,
  modification time and name of each entry, sorted by name. --json prints {path, truncated,
  entries[{name, type, size, mtime, mode}]}.

${commonHelp}

Examples:
  etphonehome files ls web-1 /var/log
  etphonehome files ls web-1 /srv/app --json | jq -r '.entries[].name'
`;

const ListDocument = graphql(`
  query CliListFiles($clientId: ID!, $path: String!) {
    listFiles(clientId: $clientId, path: $path) {
      ...FileListingFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [clientId, path] = positionals;
  if (!clientId || !path) throw new UsageError('files ls needs <client> <remote-dir>');
  const gql = await connect(values, io.env);
  const { listFiles } = await gql.request(ListDocument, { clientId, path });
  if (values.json) printJson(io, listFiles);
  else {
    printTable(
      io,
      ['TYPE', 'SIZE', 'MODIFIED', 'NAME'],
      listFiles.entries.map((e) => [e.type.toLowerCase(), String(e.size), e.mtime, e.name]),
    );
    if (listFiles.truncated) io.err('(listing cut at the limit)');
  }
  return 0;
}

export const lsCommand: Command = {
  name: 'ls',
  summary: 'list a directory on the client',
  usage,
  run,
};
