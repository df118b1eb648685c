// The seam between the gate and a connection to an agent. The gate asks for a client's link
// and talks to the agent only through this interface:
//
//   gate ──▶ AgentLink ──▶ the hub's AgentSession (the agent's SSH connection, this server)
//                     └──▶ a forwarding link to the server holding the agent (issue 14)
//
// Byte streams — a shell's PTY, one TCP connection of a tunnel (issue 16) — are one method,
// `openStream`, with a typed header (protocol/stream.ts), so a forwarding link (issue 14) routes
// them all the same way. A link reports failures as AgentCallError (hub/errors.ts), whatever carries
// it, so the gate maps them through one table (failures.ts).

import type { AppError } from '../errors.js';
import type { AgentStream } from '../hub/agent-session.js';
import type { TransferChannel } from '../hub/transfer-channel.js';
import type { Notice } from '../protocol/notice.js';
import type { BeatListener } from '../hub/call-line.js';
import type { BeatsParams, HeartbeatResult, RpcMethods } from '../protocol/rpc.js';
import type { StreamHeader } from '../protocol/stream.js';
import type { Permit, RateLimitFigures, RateLimits } from './rate-limit.js';

export type { AgentStream } from '../hub/agent-session.js';

export type TransferMethod = 'upload_file' | 'download_file';

export interface LinkCallOptions {
  /** Give up (and cancel on the agent) after this long. */
  timeoutMs: number;
  /** Give up (and cancel on the agent) when this fires. */
  signal?: AbortSignal | undefined;
  /**
   * For a link to another server (one with a `limiter`): the holder takes the rate-limit permit
   * for this call with the call itself — one round trip, not two — and releases it when the call
   * ends. A link to this server's own agent ignores it (the gate took the permit already).
   */
  permit?: PermitRequest | undefined;
}

/** A permit the holder takes with a call (LinkCallOptions.permit). */
export interface PermitRequest {
  clientName: string;
  limits: RateLimits;
  /**
   * The holder's answer, before the call's: a refusal (the call then rejects with it, and never
   * reached the agent) or a permit (its breaches to record; the holder releases it).
   */
  answered(answer: LimiterAnswer): void;
}

/** What a limiter answers a permit request: a permit, or the RATE_LIMITED refusal. */
export interface LimiterAnswer {
  permit: Permit | null;
  refusal: AppError | null;
  /** The client's counters once the permit was taken or refused (for the breach's event). */
  figures: RateLimitFigures;
}

/** The limiter of the server holding a routed client: its limits count once, fleet-wide. */
export interface HolderLimiter {
  /** Rejects with AgentCallError when the holder cannot be asked. */
  acquire(uuid: string, clientName: string, limits: RateLimits): Promise<LimiterAnswer>;
}

export interface AgentLink {
  /**
   * For a link to another server (cluster/forwarding-link.ts): that server's limiter, which
   * the gate takes permits from instead of its own.
   */
  readonly limiter?: HolderLimiter | undefined;
  /** True once the link has ended; every call then fails as `closed`. */
  readonly closed: boolean;
  /**
   * A link to this server's own agent: asks the agent to send its heartbeats itself, the first
   * as the answer and the rest to `listener`; null when it cannot (then each is asked for).
   */
  receiveBeats?(
    params: BeatsParams,
    listener: BeatListener,
    options: LinkCallOptions,
  ): Promise<HeartbeatResult | null>;
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
   * Opens a byte stream to the agent (a shell, one forwarded TCP connection): resolves with its
   * channel once the agent has accepted it, rejects with AgentCallError otherwise. The channel
   * belongs to the caller (destroy it when done); the link's end destroys it too.
   */
  openStream(header: StreamHeader, options: LinkCallOptions): Promise<AgentStream>;
  /** Calls `listener` once when the link ends (at once if it has); returns an unsubscribe. */
  onClose(listener: (reason: string) => void): () => void;
  /**
   * Ends the link (decommissioning, a replaced connection, shutdown); with a notice, the agent
   * is told why first (../protocol/notice.ts).
   */
  close(reason: string, notice?: Notice): void;
}
