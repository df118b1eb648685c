// download_file: a client file to the server, any size, streamed, resumable, SHA-256 verified.
// GraphQL: downloadFile.

import { graphql } from '../../generated/gql.js';
import { optionalClientRef } from '../client-fields.js';
import { defineTool, requestOnClient, toolHints } from '../tool.js';
import {
  localPathInput,
  remotePathInput,
  toTransferReply,
  transferSummary,
  transferOutput,
} from './file-fields.js';

const DownloadFileDocument = graphql(`
  mutation McpDownloadFile($clientId: ID!, $remotePath: String!, $localPath: String!) {
    downloadFile(clientId: $clientId, remotePath: $remotePath, localPath: $localPath) {
      ...McpTransfer
    }
  }
`);

export const downloadFile = defineTool({
  name: 'download_file',
  title: 'Download a client file to the server',
  description:
    "Fetches a file from a client to the ET Phone Home server, of any size: streamed on a channel of its own, SHA-256 verified by both ends, renamed into place when complete (an existing server file at local_path is replaced). An interrupted download to the same local_path resumes after the bytes already there (verified): call again with the same paths. Returns when the file is in place, with its size and sha256 (the content itself is not returned: use read_file for a small file's content). remote_path: absolute on the client, inside its allowed_paths when they are set (PATH_DENIED names them). local_path: where the file lands on the SERVER, confined to the server's transfer roots (relative to the first one, <data-dir>/transfers by default, or absolute inside one; outside them: PATH_DENIED naming the roots); missing directories inside the root are created. client_id: optional; default the session's selected client. Recorded as a file_accessed event.",
  input: {
    client_id: optionalClientRef,
    remote_path: remotePathInput('The file to fetch from the client.'),
    local_path: localPathInput,
  },
  output: transferOutput,
  // Changes nothing on the client, but writes on the server and replaces a file already at
  // local_path: not read-only, and destructive (within the transfer roots).
  annotations: toolHints.replacesFiles,
  async run(args, ctx) {
    const {
      target,
      answer: { downloadFile: t },
    } = await requestOnClient(ctx, args.client_id, DownloadFileDocument, {
      remotePath: args.remote_path,
      localPath: args.local_path,
    });
    const data = toTransferReply(target.name, t);
    return {
      note: target.note,
      text: `Downloaded ${args.remote_path} from "${target.name}" to ${data.local_path} on the server: ${transferSummary(data)}.`,
      data,
    };
  },
});
