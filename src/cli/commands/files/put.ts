// `etphonehome files put <client> <server-path> <remote-path>`: a server file to a client.

import { graphql } from '../../../generated/gql.js';
import { commonHelp, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { UsageError, type CommandIO } from '../../output.js';
import { runTransfer, serverPathHelp, transferHelp, transferOptions } from './transfer.js';

const usage = `Usage: etphonehome files put <client> <server-path> <remote-path> [--create-parents] [--id ID] [--retries N] [--json]

  Uploads a file from the server to the client (inside its allowed paths, when set), replacing
  the file at <remote-path> once the whole of it arrived and its SHA-256 matches.

  --create-parents   create missing directories on the client
${transferHelp}

${serverPathHelp}

${commonHelp}

Examples:
  etphonehome files put web-1 releases/app.tar.gz /srv/app/app.tar.gz --create-parents
  etphonehome files put web-1 configs/nginx.conf /etc/nginx/nginx.conf --retries 0
`;

const UploadDocument = graphql(`
  mutation CliUploadFile(
    $clientId: ID!
    $localPath: String!
    $remotePath: String!
    $transferId: ID
    $createParents: Boolean
  ) {
    uploadFile(
      clientId: $clientId
      localPath: $localPath
      remotePath: $remotePath
      transferId: $transferId
      createParents: $createParents
    ) {
      ...CliTransferFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...transferOptions,
    'create-parents': { type: 'boolean' },
  });
  const [clientId, localPath, remotePath] = positionals;
  if (!clientId || !localPath || !remotePath)
    throw new UsageError('files put needs <client> <server-path> <remote-path>');
  return runTransfer(io, values, async (gql, transferId) => {
    const { uploadFile } = await gql.request(UploadDocument, {
      clientId,
      localPath,
      remotePath,
      transferId,
      createParents: values['create-parents'] ?? false,
    });
    return uploadFile;
  });
}

export const putCommand: Command = {
  name: 'put',
  summary: 'upload a server file to the client (resumable)',
  usage,
  run,
};
