// Opening a /stream socket from a CLI command: a refusal by the server (its catalogue code and
// message) becomes the CommandError that exits with that code's status, the same for every
// command that opens one (shell, forward).

import type { Connection } from '../client/index.js';
import {
  openServerStream,
  StreamRefusedError,
  type OpenedStream,
  type OpenStreamOptions,
} from '../client/stream.js';
import type { OpenRequest } from '../protocol/ws-stream.js';
import { CommandError } from './output.js';

/** openServerStream, with the server's refusal as a CommandError; other failures pass through. */
export async function openCommandStream(
  connection: Connection,
  request: OpenRequest,
  options: OpenStreamOptions = {},
): Promise<OpenedStream> {
  try {
    return await openServerStream(connection, request, options);
  } catch (error) {
    if (error instanceof StreamRefusedError) throw new CommandError(error.code, error.message);
    throw error;
  }
}
