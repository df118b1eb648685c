// What `files get` and `files put` share: the transfer's flags, its progress bar (the
// transferProgress subscription, on a terminal only), retries after a broken link — each
// resuming after the bytes already there — and the one-line result.

import { randomUUID } from 'node:crypto';
import {
  createGraphQLClient,
  GraphQLRequestError,
  resolveConnection,
  subscribeOnce,
  type ConnectionFlags,
  type GraphQLClient,
} from '../../../client/index.js';
import { ErrorCode } from '../../../errors.js';
import { graphql } from '../../../generated/gql.js';
import type { CliTransferFieldsFragment } from '../../../generated/graphql.js';
import { commonOptions, parseIntFlag } from '../../args.js';
import { printJson, type CommandIO } from '../../output.js';
import { formatBytes, formatDuration, formatProgress } from '../../progress.js';

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

const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 100;
/** Seconds before retry n: 2, 4, 8 … up to 30. */
const MAX_RETRY_WAIT_S = 30;

export const transferOptions = {
  ...commonOptions,
  id: { type: 'string' },
  retries: { type: 'string' },
} as const;

export const transferHelp = `  --id ID            choose the transfer id (default: generated)
  --retries N        attempts after a broken link, each resuming after the bytes already there
                     (0 to ${MAX_RETRIES}, default ${DEFAULT_RETRIES})`;

/** Where <server-path> is, for both help texts. */
export const serverPathHelp = `<server-path> is on the SERVER, relative to its transfer root (<data-dir>/transfers, or the
first of ETPHONEHOME_TRANSFER_ROOTS) or absolute inside a transfer root. Transfers of any size
resume after the bytes already there (verified by SHA-256) when run again after an
interruption. A progress bar with rate and ETA is drawn on a terminal; --json prints the result
for scripts: {transferId, clientId, direction, remotePath, localPath, state, bytesDone,
totalBytes, resumedFrom, rateBytesPerSecond, etaSeconds, sha256, startedAt, finishedAt}.`;

type Transfer = CliTransferFieldsFragment;

/** The flags of transferOptions, as parsed. */
interface TransferFlags extends ConnectionFlags {
  json?: boolean | undefined;
  id?: string | undefined;
  retries?: string | undefined;
}

/** A broken link (or the client gone while it reconnects) is worth another attempt. */
function retryable(error: unknown, attempt: number): boolean {
  const code = error instanceof GraphQLRequestError ? error.errorCode : undefined;
  return (
    code === ErrorCode.agentUnavailable ||
    code === ErrorCode.timeout ||
    (attempt > 0 && code === ErrorCode.clientOffline)
  );
}

/** Runs one transfer to the end (with retries) and prints it; the exit status. */
export async function runTransfer(
  io: CommandIO,
  values: TransferFlags,
  start: (gql: GraphQLClient, transferId: string) => Promise<Transfer>,
): Promise<number> {
  const retries =
    parseIntFlag('retries', values.retries, { min: 0, max: MAX_RETRIES }) ?? DEFAULT_RETRIES;
  const transferId = values.id ?? randomUUID();
  const connection = await resolveConnection(values, io.env);
  const gql = createGraphQLClient(connection);
  const tty = io.stderrIsTTY === true && !values.json;
  let last = '';

  const once = async (): Promise<Transfer> => {
    const progress = tty
      ? subscribeOnce(connection, ProgressDocument, { transferId }, (data) => {
          last = formatProgress(data.transferProgress);
          io.progress?.(`\r${last}\x1b[K`);
        })
      : null;
    try {
      await progress?.ready;
      return await start(gql, transferId);
    } finally {
      await progress?.close();
    }
  };

  let result: Transfer;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        result = await once();
        break;
      } catch (error) {
        if (!retryable(error, attempt) || attempt >= retries) throw error;
        const seconds = Math.min(MAX_RETRY_WAIT_S, 2 ** (attempt + 1));
        if (tty && last) io.progress?.('\n');
        io.err(
          `${(error as Error).message}\nRetrying in ${seconds} s (${attempt + 1}/${retries}); the transfer resumes after the bytes already there.`,
        );
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      }
    }
  } catch (error) {
    if (tty && last) io.progress?.('\n');
    throw error;
  }
  if (tty && last) io.progress?.('\r\x1b[K');
  if (values.json) printJson(io, result);
  else io.out(resultLine(result));
  return 0;
}

function resultLine(t: Transfer): string {
  const seconds =
    t.finishedAt !== null ? (Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000 : 0;
  const arrow =
    t.direction === 'DOWNLOAD'
      ? `${t.clientId}:${t.remotePath} → server:${t.localPath}`
      : `server:${t.localPath} → ${t.clientId}:${t.remotePath}`;
  const resumed = t.resumedFrom > 0 ? `, resumed after ${formatBytes(t.resumedFrom)}` : '';
  return `${arrow}: ${formatBytes(t.bytesDone)} in ${formatDuration(seconds)} (${formatBytes(t.rateBytesPerSecond)}/s${resumed}), sha256 ${t.sha256 ?? ''}`;
}
