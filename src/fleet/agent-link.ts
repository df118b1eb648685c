// The seam between the gate and a connection to an agent. The gate asks for a client's link
// and talks to the agent only through this interface:
//
//   gate ──▶ AgentLink ──▶ the hub's AgentSession (the agent's SSH connection, this server)
//                     └──▶ a forwarding link to the server holding the agent (issue 14)
//
// Issue 16 adds channels of its own here (a shell's PTY, a tunnel's TCP stream) beside
// `openTransfer`. A link reports failures as AgentCallError (hub/errors.ts), whatever carries
// it, so the gate maps them through one table (failures.ts).

import type { TransferChannel } from '../hub/transfer-channel.js';
import type { Notice } from '../protocol/notice.js';
import type { RpcMethods } from '../protocol/rpc.js';

export type TransferMethod = 'upload_file' | 'download_file';

export interface LinkCallOptions {
  /** Give up (and cancel on the agent) after this long. */
  timeoutMs: number;
  /** Give up (and cancel on the agent) when this fires. */
  signal?: AbortSignal | undefined;
}

export interface AgentLink {
  /** True once the link has ended; every call then fails as `closed`. */
  readonly closed: boolean;
  /** Calls one method on the agent; rejects with AgentCallError. */
  call<M extends keyof RpcMethods>(
    method: M,
    params: RpcMethods[M]['params'],
    options: LinkCallOptions,
  ): Promise<RpcMethods[M]['result']>;
  /**
   * Opens a byte channel for a transfer and sends its request (protocol/transfer.ts); the
   * caller must close() the channel in every case.
   */
  openTransfer<M extends TransferMethod>(
    method: M,
    params: RpcMethods[M]['params'],
  ): Promise<TransferChannel>;
  /**
   * Ends the link (decommissioning, a replaced connection, shutdown); with a notice, the agent
   * is told why first (../protocol/notice.ts).
   */
  close(reason: string, notice?: Notice): void;
}
