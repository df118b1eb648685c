// `etphonehome files put <local> <client>:<path>`: a file of this machine to a client, over
// /stream (./operator-put.ts); `files put <client> <server-path> <remote-path>`: a server
// file to a client.

import { graphql } from '../../../generated/gql.js';
import { commonHelp, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { UsageError, type CommandIO } from '../../output.js';
import { runOperatorPut } from './operator-put.js';
import { parseRemote } from './operator-stream.js';
import { runTransfer, serverPathHelp, transferHelp, transferOptions } from './transfer.js';

const usage = `Usage: etphonehome files put <local-path> <client>:<remote-path> [--create-parents] [--id ID] [--retries N] [--json]
       etphonehome files put <client> <server-path> <remote-path> [--create-parents] [--id ID] [--retries N] [--json]

  With <client>:<remote-path>, uploads a file of THIS machine to the client (inside its allowed
  paths, when set), streamed through the server (nothing is stored there); a <remote-path>
  ending in "/" takes the local file's name. The client writes it to a partial file beside the
  target and replaces the file at <remote-path> once the whole of it arrived and its SHA-256
  matches. Run again after an interruption, it resumes after the bytes the client already holds
  when this file begins with them. --json prints the result as files get does.

  With <client> <server-path> <remote-path>, uploads a file of the SERVER instead, replacing the
  file at <remote-path> the same way.

  --create-parents   create missing directories on the client
${transferHelp}

${serverPathHelp}

${commonHelp}

Examples:
  etphonehome files put ./app.tar.gz web-1:/srv/app/app.tar.gz --create-parents
  etphonehome files put ./nginx.conf web-1:/etc/nginx/
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
  const remote = positionals.length === 2 ? parseRemote(positionals[1]) : null;
  if (remote) return runOperatorPut(io, values, positionals[0] as string, remote);
  const [clientId, localPath, remotePath] = positionals;
  if (!clientId || !localPath || !remotePath)
    throw new UsageError(
      'files put needs <local-path> <client>:<remote-path> (or <client> <server-path> <remote-path>)',
    );
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
  summary: 'upload a file from here or from the server to the client (resumable)',
  usage,
  run,
};
