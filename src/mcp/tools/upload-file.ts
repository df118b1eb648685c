// upload_file: a server file to a client, any size, streamed, resumable, SHA-256 verified.
// GraphQL: uploadFile.

import { graphql } from '../../generated/gql.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool, requestOnClient, toolHints } from '../tool.js';
import {
  boundToClient,
  createParentsInput,
  localPathInput,
  modeInput,
  overwritePlan,
  remotePathInput,
  toTransferReply,
  transferSummary,
  transferOutput,
} from './file-fields.js';

const UploadFileDocument = graphql(`
  mutation McpUploadFile(
    $clientId: ID!
    $localPath: String!
    $remotePath: String!
    $createParents: Boolean
    $mode: Int
  ) {
    uploadFile(
      clientId: $clientId
      localPath: $localPath
      remotePath: $remotePath
      createParents: $createParents
      mode: $mode
    ) {
      ...McpTransfer
    }
  }
`);

export const uploadFile = defineTool({
  name: 'upload_file',
  title: 'Upload a server file to a client',
  description:
    "Sends a file from the ET Phone Home server to a client, of any size: streamed on a channel of its own, SHA-256 verified by both ends, renamed into place when complete (an existing file at remote_path is replaced). An interrupted upload to the same remote_path resumes after the bytes already there (verified): call again with the same paths. Returns when the file is in place, with its size and sha256. local_path: the file on the SERVER, confined to the server's transfer roots (relative to the first one, <data-dir>/transfers by default, or absolute inside one; outside them: PATH_DENIED naming the roots). remote_path: absolute on the client, inside its allowed_paths when they are set (PATH_DENIED names them). create_parents: create missing directories on the client. mode: permission bits for a new file. Prefer this to write_file for anything large. client_id: optional; default the session's selected client. Recorded as a file_accessed event.",
  input: {
    client_id: optionalClientRef,
    local_path: localPathInput,
    remote_path: remotePathInput('Where the file goes on the client.'),
    create_parents: createParentsInput,
    mode: modeInput,
  },
  output: transferOutput,
  annotations: toolHints.replacesFiles,
  // Replacing an existing file needs confirmation; a new file (or resuming one) does not.
  confirm: {
    bind: boundToClient,
    plan: (args, ctx) =>
      overwritePlan(
        ctx,
        args.client_id,
        args.remote_path,
        `the server file ${JSON.stringify(args.local_path)}`,
      ),
  },
  async run(args, ctx) {
    const {
      target,
      answer: { uploadFile: t },
    } = await requestOnClient(ctx, args.client_id, UploadFileDocument, {
      localPath: args.local_path,
      remotePath: args.remote_path,
      createParents: args.create_parents,
      mode: args.mode ?? null,
    });
    const data = toTransferReply(target.name, t);
    return {
      note: target.note,
      text: `Uploaded ${args.local_path} to ${args.remote_path} on "${target.name}": ${transferSummary(data)}.`,
      data,
    };
  },
});
