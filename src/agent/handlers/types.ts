// The contract every RPC handler of the agent follows: validated params in, a result out, or an
// AgentError with a stable code. The signal aborts when the hub closes the channel (the caller
// gave up or timed out); a handler must stop its work and release what it holds.

import type { AgentErrorCodeName, RpcMethods } from '../../protocol/rpc.js';
import type { StreamReader } from '../../lib/stream-reader.js';

export interface HandlerContext {
  /** Aborted when the hub abandons the call. */
  signal: AbortSignal;
  /** The machine owner's ceiling (config.yaml `allowed_paths`); null = no ceiling. */
  allowedPaths: readonly string[] | null;
}

export type Handler<M extends keyof RpcMethods> = (
  params: RpcMethods[M]['params'],
  context: HandlerContext,
) => Promise<RpcMethods[M]['result']>;

/** A failure the agent reports on purpose; its message is shown to the operator as is. */
export class AgentError extends Error {
  readonly code: AgentErrorCodeName;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: AgentErrorCodeName, message: string, data?: Record<string, unknown>) {
    super(message);
    this.name = 'AgentError';
    this.code = code;
    this.data = data;
  }
}

/** The channel of a transfer: control lines and raw bytes, both ways, with backpressure. */
export interface TransferLink {
  reader: StreamReader;
  write(chunk: Buffer | string): Promise<void>;
}

export type StreamHandler<M extends keyof RpcMethods> = (
  params: RpcMethods[M]['params'],
  context: HandlerContext,
  link: TransferLink,
) => Promise<RpcMethods[M]['result']>;
