// `etphonehome files ls|get|put`: a client's files through the GraphQL API. get and put move
// files between a client and the SERVER's transfer root (<data-dir>/transfers, or
// ETPHONEHOME_TRANSFER_ROOTS), following the transfer's progress over a subscription.

import { randomUUID } from 'node:crypto';
import { posix, win32 } from 'node:path';
import { parseArgs } from 'node:util';
import { graphql } from '../../generated/gql.js';
import { resolveConnection } from '../connection.js';
import { createGraphQLClient, GraphQLRequestError } from '../graphql-client.js';
import { printTable, UsageError, type CommandIO } from '../output.js';
import type { CliCommand } from '../command.js';
import { formatBytes, formatDuration, formatProgress } from '../progress.js';
import { subscribe } from '../subscription-client.js';

export const filesUsage = `Usage: etphonehome files <ls|get|put> [options]

  ls  <client> <remote-dir>                   list a directory on the client
  get <client> <remote-path> [<server-path>]  download a client file to the server
  put <client> <server-path> <remote-path>    upload a server file to the client
      [--create-parents]                      (put) create missing directories on the client
      [--id ID]                               choose the transfer id (default: generated)
      [--retries N]                           attempts after a broken link, each resuming
                                              after the bytes already there (default 3)

<server-path> is on the SERVER, relative to its transfer root (<data-dir>/transfers, or the
first of ETPHONEHOME_TRANSFER_ROOTS) or absolute inside a transfer root; get defaults to the
remote file's name. Transfers of any size resume after the bytes already there (verified by
SHA-256) when run again after an interruption. A progress bar with rate and ETA is drawn on a
terminal; --json prints the result for scripts.

Common: --json (machine-readable output), --url URL, --data-dir DIR (see "etphonehome help")

Examples:
  etphonehome files ls web-1 /var/log
  etphonehome files get web-1 /var/log/syslog logs/web-1-syslog
  etphonehome files put web-1 releases/app.tar.gz /srv/app/app.tar.gz --create-parents
`;

const TransferFields = graphql(`
  fragment CliTransferFields on Transfer {
    transferId
    clientId
    direction
    remotePath
    localPath
    state
    bytesDone
    totalBytes
    resumedFrom
    rateBytesPerSecond
    etaSeconds
    sha256
    startedAt
    finishedAt
  }
`);
void TransferFields;

const ListDocument = graphql(`
  query CliListFiles($clientId: ID!, $path: String!) {
    listFiles(clientId: $clientId, path: $path) {
      path
      truncated
      entries {
        name
        type
        size
        mtime
        mode
      }
    }
  }
`);

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

const ProgressDocument = graphql(`
  subscription CliTransferProgress($transferId: ID!) {
    transferProgress(transferId: $transferId) {
      bytesDone
      totalBytes
      rateBytesPerSecond
      etaSeconds
      state
    }
  }
`);

function remoteBasename(remotePath: string): string {
  const flavour = win32.isAbsolute(remotePath) && !posix.isAbsolute(remotePath) ? win32 : posix;
  return flavour.basename(remotePath);
}

export const filesCommand: CliCommand = {
  name: 'files',
  summary: "a client's files: ls | get (client → server) | put (server → client)",
  usage: filesUsage,
  run: runFilesCommand,
};

export async function runFilesCommand(argv: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    strict: true,
    allowPositionals: true,
    options: {
      'create-parents': { type: 'boolean' },
      id: { type: 'string' },
      retries: { type: 'string' },
      json: { type: 'boolean' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.out(filesUsage);
    return sub === undefined ? 2 : 0;
  }
  if (!['ls', 'get', 'put'].includes(sub))
    throw new UsageError(`unknown files command "${sub}"\n\n${filesUsage}`);
  const connection = await resolveConnection(values, io.env);
  const client = createGraphQLClient(connection);
  const [clientId, first, second] = positionals;

  if (sub === 'ls') {
    if (!clientId || !first) throw new UsageError('files ls needs <client> <remote-dir>');
    const { listFiles } = await client.request(ListDocument, { clientId, path: first });
    if (values.json) io.out(JSON.stringify(listFiles, null, 2));
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

  const transferId = values.id ?? randomUUID();
  const retries = values.retries === undefined ? 3 : Number(values.retries);
  if (!Number.isInteger(retries) || retries < 0 || retries > 100)
    throw new UsageError(`--retries takes a whole number from 0 to 100 (got "${values.retries}")`);
  if (sub === 'get' && (!clientId || !first))
    throw new UsageError('files get needs <client> <remote-path>');
  if (sub === 'put' && (!clientId || !first || !second))
    throw new UsageError('files put needs <client> <server-path> <remote-path>');
  const tty = io.stderrIsTTY === true && !values.json;
  let last = '';

  const once = async () => {
    const progress = tty
      ? subscribe(connection, ProgressDocument, { transferId }, (data) => {
          last = formatProgress(data.transferProgress);
          io.progress?.(`\r${last}\x1b[K`);
        })
      : null;
    try {
      await progress?.ready;
      if (sub === 'get') {
        return (
          await client.request(DownloadDocument, {
            clientId: clientId as string,
            remotePath: first as string,
            localPath: second ?? remoteBasename(first as string),
            transferId,
          })
        ).downloadFile;
      }
      return (
        await client.request(UploadDocument, {
          clientId: clientId as string,
          localPath: first as string,
          remotePath: second as string,
          transferId,
          createParents: values['create-parents'] ?? false,
        })
      ).uploadFile;
    } finally {
      await progress?.close();
    }
  };

  try {
    let result;
    for (let attempt = 0; ; attempt++) {
      try {
        result = await once();
        break;
      } catch (error) {
        // A broken link (or the client gone while it reconnects) is worth another attempt: it
        // resumes after the bytes already there.
        const code = error instanceof GraphQLRequestError ? error.code : undefined;
        const retryable =
          code === 'AGENT_UNAVAILABLE' ||
          code === 'TIMEOUT' ||
          (attempt > 0 && code === 'CLIENT_OFFLINE');
        if (!retryable || attempt >= retries) throw error;
        const seconds = Math.min(30, 2 ** (attempt + 1));
        if (tty && last) io.progress?.('\n');
        io.err(
          `${(error as Error).message}\nRetrying in ${seconds} s (${attempt + 1}/${retries}); the transfer resumes after the bytes already there.`,
        );
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
    }
    if (tty && last) io.progress?.('\r\x1b[K');
    if (values.json) io.out(JSON.stringify(result, null, 2));
    else {
      const seconds =
        result.finishedAt !== null
          ? (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000
          : 0;
      const arrow =
        sub === 'get'
          ? `${result.clientId}:${result.remotePath} → server:${result.localPath}`
          : `server:${result.localPath} → ${result.clientId}:${result.remotePath}`;
      const resumed =
        result.resumedFrom > 0 ? `, resumed after ${formatBytes(result.resumedFrom)}` : '';
      io.out(
        `${arrow}: ${formatBytes(result.bytesDone)} in ${formatDuration(seconds)} (${formatBytes(result.rateBytesPerSecond)}/s${resumed}), sha256 ${result.sha256 ?? ''}`,
      );
    }
    return 0;
  } catch (error) {
    if (tty && last) io.progress?.('\n');
    throw error;
  }
}
