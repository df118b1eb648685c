// The agent's RPC handlers, keyed by wire method name. `hello` is missing on purpose: the tunnel
// answers it itself, from the facts it gathers at connection time.

import type { RpcMethods } from '../../protocol/rpc.js';
import { getMetrics } from './get-metrics.js';
import { heartbeat } from './heartbeat.js';
import { listFiles } from './list-files.js';
import { readFile } from './read-file.js';
import { runCommand } from './run-command.js';
import type { Handler } from './types.js';
import { writeFile } from './write-file.js';

/** Every method the handlers answer: all of them except `hello`. */
export type HandledMethod = Exclude<keyof RpcMethods, 'hello'>;

export const handlers: { readonly [M in HandledMethod]: Handler<M> } = {
  run_command: runCommand,
  read_file: readFile,
  write_file: writeFile,
  list_files: listFiles,
  get_metrics: getMetrics,
  heartbeat,
};
