// The agent's RPC handlers, keyed by wire method name. `hello` is missing on purpose: the tunnel
// answers it itself, from the facts it gathers at connection time.

import type { RpcMethods } from '../../protocol/rpc.js';
import { getMetrics } from './get-metrics.js';
import { heartbeat } from './heartbeat.js';
import { listFiles } from './list-files.js';
import { readFile } from './read-file.js';
import { runCommand } from './run-command.js';
import type { Handler, StreamHandler } from './types.js';
import { sendDownload } from './download-file.js';
import { receiveUpload } from './upload-file.js';
import { writeFile } from './write-file.js';

/**
 * Every method the handlers answer: all of them except `hello`, `open_stream` (../streams),
 * `call_line` and `beats` (../call-line.ts).
 */
export type HandledMethod = Exclude<
  keyof RpcMethods,
  'hello' | 'open_stream' | 'call_line' | 'beats' | StreamedMethod
>;

/** Methods that stream bytes on their channel after the request line. */
export type StreamedMethod = 'upload_file' | 'download_file';

export const streamHandlers: { readonly [M in StreamedMethod]: StreamHandler<M> } = {
  upload_file: receiveUpload,
  download_file: sendDownload,
};

export function isStreamed(method: string): method is StreamedMethod {
  return method === 'upload_file' || method === 'download_file';
}

export const handlers: { readonly [M in HandledMethod]: Handler<M> } = {
  run_command: runCommand,
  read_file: readFile,
  write_file: writeFile,
  list_files: listFiles,
  get_metrics: getMetrics,
  heartbeat,
};
