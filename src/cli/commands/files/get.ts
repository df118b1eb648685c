// `etphonehome files get <client>:<path> <local>`: a client file to this machine, over /stream
// (./operator-get.ts); `files get <client> <remote-path> [<server-path>]`: to the server.

import { posix, win32 } from 'node:path';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { UsageError, type CommandIO } from '../../output.js';
import { runOperatorGet } from './operator-get.js';
import { parseRemote } from './operator-stream.js';
import { runTransfer, serverPathHelp, transferHelp, transferOptions } from './transfer.js';

const usage = `Usage: etphonehome files get <client>:<remote-path> <local-path> [--id ID] [--retries N] [--json]
       etphonehome files get <client> <remote-path> [<server-path>] [--id ID] [--retries N] [--json]

  With <client>:<remote-path>, downloads a file from the client (inside its allowed paths, when
  set) to THIS machine, streamed through the server (nothing is stored there): to <local-path>,
  or into it when it is a directory, written to <local-path>.part and renamed once its SHA-256
  matches the client's. Run again after an interruption, it resumes after the bytes the .part
  holds when the remote file still begins with them (else it starts over). An existing file at
  <local-path> is replaced. --json prints {transferId, clientId, direction, remotePath,
  localPath, state, bytesDone, totalBytes, resumedFrom, bytesSent, rateBytesPerSecond, sha256,
  startedAt, finishedAt}.

  With <client> <remote-path>, downloads it to the SERVER instead; the server path defaults to
  the remote file's name.

${transferHelp}

${serverPathHelp}

${commonHelp}

Examples:
  etphonehome files get web-1:/var/log/syslog ./syslog
  etphonehome files get web-1:/srv/backup/db.dump ~/backups/
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
  const remote = parseRemote(positionals[0]);
  if (remote) {
    const [, local, extra] = positionals;
    if (local === undefined || extra !== undefined)
      throw new UsageError('files get <client>:<remote-path> needs one <local-path>');
    return runOperatorGet(io, values, remote, local);
  }
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
  summary: 'download a client file here or to the server (resumable)',
  usage,
  run,
};
