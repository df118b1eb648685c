// `etphonehome files get <client> <remote-path> [<server-path>]`: a client file to the server.

import { posix, win32 } from 'node:path';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { UsageError, type CommandIO } from '../../output.js';
import { runTransfer, serverPathHelp, transferHelp, transferOptions } from './transfer.js';

const usage = `Usage: etphonehome files get <client> <remote-path> [<server-path>] [--id ID] [--retries N] [--json]

  Downloads a file from the client (inside its allowed paths, when set) to the server; the
  server path defaults to the remote file's name.

${transferHelp}

${serverPathHelp}

${commonHelp}

Examples:
  etphonehome files get web-1 /var/log/syslog logs/web-1-syslog
  etphonehome files get web-1 /srv/backup/db.dump --json | jq -r .sha256
`;

const DownloadDocument = graphql(`
  mutation CliDownloadFile(
    $clientId: ID!
    $remotePath: String!
    $localPath: String!
    $transferId: ID
  ) {
    downloadFile(
      clientId: $clientId
      remotePath: $remotePath
      localPath: $localPath
      transferId: $transferId
    ) {
      ...CliTransferFields
    }
  }
`);

/** The file's name on the client, whichever path flavour it uses. */
function remoteBasename(remotePath: string): string {
  const flavour = win32.isAbsolute(remotePath) && !posix.isAbsolute(remotePath) ? win32 : posix;
  return flavour.basename(remotePath);
}

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, transferOptions);
  const [clientId, remotePath, localPath] = positionals;
  if (!clientId || !remotePath) throw new UsageError('files get needs <client> <remote-path>');
  return runTransfer(io, values, async (gql, transferId) => {
    const { downloadFile } = await gql.request(DownloadDocument, {
      clientId,
      remotePath,
      localPath: localPath ?? remoteBasename(remotePath),
      transferId,
    });
    return downloadFile;
  });
}

export const getCommand: Command = {
  name: 'get',
  summary: 'download a client file to the server (resumable)',
  usage,
  run,
};
