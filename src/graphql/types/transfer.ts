// File transfers between the server and a client, of any size, and their progress.

import type { TransferProgress } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { isoTimeField, isoTimeOrNullField } from '../iso-time-fields.js';
import { idOrNull } from '../ids.js';
import { idempotencyKeyDescription } from './idempotency-key.js';
import { OperationErrorRef } from './operation-error.js';
import { clientRefDescription } from './client.js';

export const TransferDirectionEnum = builder.enumType('TransferDirection', {
  description: 'Which way a transfer goes.',
  values: {
    UPLOAD: { value: 'upload', description: 'Server → client (uploadFile).' },
    DOWNLOAD: { value: 'download', description: 'Client → server (downloadFile).' },
  } as const,
});

export const TransferStateEnum = builder.enumType('TransferState', {
  description: 'Where a transfer stands.',
  values: {
    RUNNING: { value: 'running', description: 'Bytes are moving (or about to).' },
    COMPLETED: {
      value: 'completed',
      description: 'Verified (SHA-256) and renamed into place.',
    },
    FAILED: {
      value: 'failed',
      description: 'Stopped; see error. The bytes already there are kept for a resume.',
    },
  } as const,
});

export const TransferRef = builder.objectRef<TransferProgress>('Transfer');
TransferRef.implement({
  description:
    'A file transfer between the server and a client: its progress while running, its checksum when complete. Byte counts are Floats (exact up to 2^53).',
  fields: (t) => ({
    transferId: t.exposeID('transferId', {
      description: 'The id to follow it by (transferProgress); chosen by the caller or generated.',
    }),
    clientId: t.exposeString('clientId', { description: 'The client’s clientId.' }),
    direction: t.field({
      type: TransferDirectionEnum,
      description: 'UPLOAD (server → client) or DOWNLOAD (client → server).',
      resolve: (p) => p.direction,
    }),
    remotePath: t.exposeString('remotePath', { description: 'The path on the client.' }),
    localPath: t.exposeString('localPath', {
      description:
        'The path on the server, resolved inside its transfer roots; "(operator)" for a transfer to or from the caller’s own machine over /stream (etphonehome files get/put <client>:<path>).',
    }),
    state: t.field({
      type: TransferStateEnum,
      description: 'RUNNING, COMPLETED or FAILED.',
      resolve: (p) => p.state,
    }),
    bytesDone: t.exposeFloat('bytesDone', {
      description: 'Bytes at the destination, those kept from an earlier attempt included.',
    }),
    totalBytes: t.exposeFloat('totalBytes', {
      nullable: true,
      description: 'Size of the file; null until known.',
    }),
    resumedFrom: t.exposeFloat('resumedFrom', {
      description:
        'Bytes an earlier, interrupted attempt left that were verified (SHA-256) and not sent again.',
    }),
    rateBytesPerSecond: t.exposeFloat('rateBytesPerSecond', {
      description: 'Bytes per second moved by this attempt.',
    }),
    etaSeconds: t.exposeInt('etaSeconds', {
      nullable: true,
      description: 'Seconds left at the current rate; null when unknown.',
    }),
    sha256: t.exposeString('sha256', {
      nullable: true,
      description: 'SHA-256 (hex) of the whole file, checked by both ends; set when completed.',
    }),
    startedAt: isoTimeField(t, 'When this attempt started (ISO 8601).', (p) => p.startedAt),
    finishedAt: isoTimeOrNullField(
      t,
      'When it completed or failed (ISO 8601).',
      (p) => p.finishedAt,
    ),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description: 'Why it failed (PATH_DENIED, TIMEOUT, AGENT_UNAVAILABLE …); null otherwise.',
      resolve: (p) => p.error,
    }),
  }),
});

const transferIdArg =
  'An id of your choosing (1 to 64 of A-Z a-z 0-9 . _ -) to follow the transfer with transferProgress while this mutation runs; generated when omitted.';

builder.mutationFields((t) => ({
  uploadFile: t.field({
    type: TransferRef,
    description:
      'Sends a server file to a client, of any size, streamed on a channel of its own, SHA-256 verified, renamed into place when complete. An interrupted upload to the same remotePath resumes after the bytes already there (verified). Returns when the file is in place. Recorded as a file_accessed event. MCP: upload_file.',
    args: {
      clientId: t.arg.id({ required: true, description: clientRefDescription }),
      localPath: t.arg.string({
        required: true,
        description:
          'The server file: relative to <data-dir>/transfers (or the first ETPHONEHOME_TRANSFER_ROOTS entry), or absolute inside a transfer root.',
      }),
      remotePath: t.arg.string({
        required: true,
        description: 'Absolute destination on the client, inside its allowedPaths.',
      }),
      transferId: t.arg.id({ required: false, description: transferIdArg }),
      createParents: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Create missing parent directories on the client.',
      }),
      mode: t.arg.int({
        required: false,
        description: 'Permission bits for a new file (default 0o644, minus the agent’s umask).',
      }),
      idempotencyKey: t.arg.string({ required: false, description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.transfers.upload(
        String(args.clientId),
        {
          localPath: args.localPath,
          remotePath: args.remotePath,
          transferId: idOrNull(args.transferId),
          createParents: args.createParents,
          mode: args.mode,
          idempotencyKey: args.idempotencyKey,
        },
        ctx.caller,
      ),
  }),
  downloadFile: t.field({
    type: TransferRef,
    description:
      'Fetches a client file to the server, of any size, streamed on a channel of its own, SHA-256 verified, renamed into place when complete. An interrupted download to the same localPath resumes after the bytes already there (verified). Returns when the file is in place. Recorded as a file_accessed event. MCP: download_file.',
    args: {
      clientId: t.arg.id({ required: true, description: clientRefDescription }),
      remotePath: t.arg.string({
        required: true,
        description: 'Absolute path of the file on the client, inside its allowedPaths.',
      }),
      localPath: t.arg.string({
        required: true,
        description:
          'Destination on the server: relative to <data-dir>/transfers (or the first ETPHONEHOME_TRANSFER_ROOTS entry), or absolute inside a transfer root. Missing directories inside the root are created.',
      }),
      transferId: t.arg.id({ required: false, description: transferIdArg }),
      idempotencyKey: t.arg.string({ required: false, description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.transfers.download(
        String(args.clientId),
        {
          remotePath: args.remotePath,
          localPath: args.localPath,
          transferId: idOrNull(args.transferId),
          idempotencyKey: args.idempotencyKey,
        },
        ctx.caller,
      ),
  }),
}));

builder.queryFields((t) => ({
  transfers: t.field({
    type: [TransferRef],
    description: 'Transfers running now and those finished in the last ten minutes.',
    resolve: (_root, _args, ctx) => ctx.fleet.transfers.list(),
  }),
}));

builder.subscriptionFields((t) => ({
  transferProgress: t.field({
    type: TransferRef,
    description:
      'Progress of one transfer: its current state (when it has started), then updates about four times a second, ending after COMPLETED or FAILED. Subscribe with the transferId you pass to uploadFile/downloadFile before starting it, to miss nothing.',
    args: {
      transferId: t.arg.id({ required: true, description: 'The transfer to follow.' }),
    },
    subscribe: (_root, args, ctx) => ctx.fleet.transfers.subscribe(String(args.transferId)),
    resolve: (progress) => progress,
  }),
}));
