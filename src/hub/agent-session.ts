// One authenticated agent connection, and calls to that agent.
//
//   hub ── forwardOut(bindAddr, bindPort) ──▶ new channel ──▶ agent ('tcp connection')
//       ◀── one reply line ─────────────────── handler result ◀──┘
//
// Each call gets its own `forwarded-tcpip` channel through the agent's connection (no TCP port
// is ever bound on the hub): write one JSON-RPC request line, read one reply line, close.
// Closing the channel early — timeout, caller abort, session end — is what cancels the work on
// the agent. Replies are read with a size cap and validated against the method's schema. An
// agent that has the call line (./call-line.ts) takes small calls on one channel instead.
//
// A session can also tell the agent something (a notice: why it is being closed, or that it is
// quarantined): a JSON-RPC notification on a channel of its own, written and ended, no reply.
// Replies are parsed in ./agent-reply.ts; accepted streams are described in ./agent-stream.ts.

import { EventEmitter } from 'node:events';
import type { Connection } from 'ssh2';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { readLine, LineTooLongError } from '../lib/line-reader.js';
import { NOTICE_METHOD, type Notice } from '../protocol/notice.js';
import {
  requestLine,
  MAX_MESSAGE_BYTES,
  type AgentFacts,
  type RpcMethods,
} from '../protocol/rpc.js';
import { AgentCallError, AgentCallFailure } from './errors.js';
import { OPEN_STREAM_METHOD, type StreamHeader } from '../protocol/stream.js';
import { agentReply, parseAgentReply } from './agent-reply.js';
import { startCallLine, type BeatListener, type HubCallLine } from './call-line.js';
import {
  cancellation,
  destroyWhenOpen,
  openForwardedChannel,
  type CallOptions,
  type Cancellation,
  type CancellationWords,
  type ForwardTarget,
} from './requests.js';
import { BEATS_FEATURE, CALL_LINE_FEATURE, servedOnCallLine } from '../protocol/call-line.js';
import { halfCloseOf, type AgentStream } from './agent-stream.js';
import { createTransferChannel, type TransferChannel } from './transfer-channel.js';

export type { CallOptions, ForwardTarget } from './requests.js';

/** What the hub gives a session besides the ssh2 connection. */
export interface SessionLink {
  /** Ends the connection, and destroys it if the peer does not close it soon (a frozen peer). */
  end(): void;
  /** The connection's logger (remoteAddress, remotePort and uuid bound). */
  logger: Logger;
}

/** How long a notice may take to reach the agent before the session is closed regardless. */
const NOTICE_TIMEOUT_MS = 5000;

export type { AgentStream } from './agent-stream.js';

let nextSessionId = 1;

export class AgentSession<Admission = unknown> extends EventEmitter {
  readonly id = nextSessionId++;
  readonly connectedAt = new Date();
  facts: AgentFacts | null = null;
  private nextCallId = 1;
  private readonly inFlight = new Set<Duplex>();
  /** The call line: opening or open, null once it failed; not yet asked for while undefined. */
  private callLineState: Promise<HubCallLine | null> | undefined = undefined;
  private closedReason: string | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly forward: ForwardTarget,
    readonly admission: Admission,
    readonly identity: {
      uuid: string;
      fingerprint: string;
      publicKey: string;
      remoteAddress: string;
    },
    private readonly link: SessionLink,
  ) {
    super();
    // ssh2 reports why it gave up (e.g. "Keepalive timeout") as an error just before the close.
    let lastError: string | null = null;
    connection.on('error', (error: Error) => {
      lastError = error.message;
    });
    connection.once('close', () =>
      this.markClosed(lastError ? `connection closed: ${lastError}` : 'connection closed'),
    );
  }

  get closed(): boolean {
    return this.closedReason !== null;
  }

  /** This connection's logger: remoteAddress, remotePort and uuid are bound. */
  get logger(): Logger {
    return this.link.logger;
  }

  /** The virtual port the agent's reverse forward was acknowledged with (nothing listens). */
  get tunnelPort(): number {
    return this.forward.bindPort;
  }

  /**
   * Calls a method on the agent; rejects with AgentCallError. On the call line when the agent has
   * one (../protocol/call-line.ts), else on a channel of its own.
   */
  async call<M extends keyof RpcMethods>(
    method: M,
    params: RpcMethods[M]['params'],
    options: CallOptions,
  ): Promise<RpcMethods[M]['result']> {
    const id = this.takeCallId();
    // Cancellation covers the whole call, channel opening included.
    const { cancelled, stop } = this.cancellation(options, {
      timeout: `no reply within ${Math.round(options.timeoutMs / 1000)} s`,
      aborted: 'call aborted by the caller',
      closed: 'link closed during the call',
    });
    try {
      const line = this.takesCallLine(method)
        ? await Promise.race([this.callLine(), cancelled])
        : null;
      return line
        ? await this.callOnLine(line, id, method, params, cancelled)
        : await this.callOnChannel(id, method, params, cancelled);
    } finally {
      stop();
    }
  }

  private async callOnLine<M extends keyof RpcMethods>(
    line: HubCallLine,
    id: number,
    method: M,
    params: RpcMethods[M]['params'],
    cancelled: Promise<never>,
  ): Promise<RpcMethods[M]['result']> {
    try {
      return agentReply(
        method,
        id,
        await Promise.race([line.request(id, method, params), cancelled]),
      );
    } finally {
      line.cancel(id); // tells the agent only when it has not answered
    }
  }

  private async callOnChannel<M extends keyof RpcMethods>(
    id: number,
    method: M,
    params: RpcMethods[M]['params'],
    cancelled: Promise<never>,
  ): Promise<RpcMethods[M]['result']> {
    let channel: Duplex | undefined;
    const opening = this.openChannel();
    try {
      channel = await Promise.race([opening, cancelled]);
      this.inFlight.add(channel);
      channel.write(requestLine(method, params, id));
      const line = await Promise.race([readLine(channel, MAX_MESSAGE_BYTES), cancelled]);
      return parseAgentReply(method, id, line);
    } catch (error) {
      if (error instanceof AgentCallError) throw error;
      if (error instanceof LineTooLongError) {
        throw new AgentCallError(
          AgentCallFailure.protocol,
          `agent reply exceeds ${MAX_MESSAGE_BYTES} bytes`,
        );
      }
      throw new AgentCallError(
        'closed',
        `link failed during the call: ${(error as Error).message}`,
      );
    } finally {
      if (channel) {
        this.inFlight.delete(channel);
        // Closing before the reply is how the agent learns to cancel; after it, just cleanup.
        channel.destroy();
      } else {
        destroyWhenOpen(opening);
      }
    }
  }

  /**
   * Asks the agent to send its heartbeats itself (`beats`, ../protocol/call-line.ts): resolves
   * with the first; the rest go to `listener` until the line fails. Null when the agent sends
   * none (the caller asks for each). Rejects as `call` does, and the listener is then dropped.
   */
  async receiveBeats(
    params: RpcMethods['beats']['params'],
    listener: BeatListener,
    options: CallOptions,
  ): Promise<RpcMethods['beats']['result'] | null> {
    const features = this.facts?.features ?? [];
    if (!features.includes(BEATS_FEATURE) || !features.includes(CALL_LINE_FEATURE)) return null;
    const line = await this.callLine();
    if (line === null) return null;
    line.listen(listener);
    try {
      return await this.call('beats', params, options);
    } catch (error) {
      line.listen(null);
      throw error;
    }
  }

  /** Whether this call goes on the call line: the agent said it has one, and it is a small call. */
  private takesCallLine(method: string): boolean {
    return servedOnCallLine(method) && (this.facts?.features?.includes(CALL_LINE_FEATURE) ?? false);
  }

  /** The call line, opened on first use; null once it failed (a channel per call from then on). */
  private callLine(): Promise<HubCallLine | null> {
    this.callLineState ??= this.openCallLine();
    return this.callLineState;
  }

  private async openCallLine(): Promise<HubCallLine | null> {
    let channel: Duplex | undefined;
    try {
      const id = this.takeCallId();
      channel = await this.openChannel();
      this.inFlight.add(channel);
      const opened = channel;
      return await startCallLine(opened, id, (reason) => {
        this.inFlight.delete(opened);
        this.callLineState = Promise.resolve(null);
        if (!this.closed) this.logger.warn({ reason }, 'call line failed; a channel per call now');
      });
    } catch (error) {
      if (channel) {
        this.inFlight.delete(channel);
        channel.destroy();
      }
      if (!this.closed) {
        const reason = (error as Error).message;
        this.logger.warn({ reason }, 'agent did not open the call line; a channel per call');
      }
      return null;
    }
  }

  /**
   * Opens a transfer on a channel of its own and sends its request line; the caller then follows
   * the exchange of ../protocol/transfer.ts and must close() the channel in every case.
   */
  async openTransfer<M extends 'upload_file' | 'download_file'>(
    method: M,
    params: RpcMethods[M]['params'],
  ): Promise<TransferChannel> {
    const id = this.takeCallId();
    const channel = await this.openChannel();
    if (this.closedReason) {
      channel.destroy();
      throw new AgentCallError(AgentCallFailure.closed, `link closed: ${this.closedReason}`);
    }
    this.inFlight.add(channel);
    const linkClosed = new AbortController();
    const onSessionClose = (): void => linkClosed.abort();
    this.once('close', onSessionClose);
    const transfer = createTransferChannel(
      channel,
      id,
      (line) => parseAgentReply(method, id, line),
      () => {
        this.inFlight.delete(channel);
        this.off('close', onSessionClose);
      },
      linkClosed.signal,
    );
    try {
      await transfer.write(requestLine(method, params, id));
    } catch (error) {
      transfer.close(); // the caller never gets it: release the channel here
      throw error;
    }
    return transfer;
  }

  /**
   * Opens a byte stream (a shell, one forwarded TCP connection) on a channel of its own: the
   * request line says what it is for (../protocol/stream.ts); the agent's ready reply returns
   * the channel, which is then the stream's. Rejects with AgentCallError (the agent's refusal,
   * a timeout, the link gone). The caller destroys the channel when done; the session's end
   * destroys it too.
   */
  async openStream(header: StreamHeader, options: CallOptions): Promise<AgentStream> {
    const id = this.takeCallId();
    const { cancelled, stop } = this.cancellation(options, {
      timeout: `no answer within ${Math.round(options.timeoutMs / 1000)} s`,
      aborted: 'abandoned by the caller',
      closed: 'link closed while opening',
    });
    let channel: Duplex | undefined;
    const opening = this.openChannel();
    try {
      channel = await Promise.race([opening, cancelled]);
      this.inFlight.add(channel);
      const opened = channel;
      opened.once('close', () => this.inFlight.delete(opened));
      opened.write(requestLine(OPEN_STREAM_METHOD, header, id));
      // readLine gives back whatever follows the line (the stream's first bytes).
      const line = await Promise.race([readLine(opened, MAX_MESSAGE_BYTES), cancelled]);
      const ready = parseAgentReply('open_stream', id, line);
      return { channel: opened, ready, halfClose: halfCloseOf(opened) };
    } catch (error) {
      if (channel) channel.destroy();
      else destroyWhenOpen(opening);
      if (error instanceof AgentCallError) throw error;
      if (error instanceof LineTooLongError)
        throw new AgentCallError(AgentCallFailure.protocol, 'agent reply over the size cap');
      throw new AgentCallError(
        AgentCallFailure.closed,
        `the channel closed before the agent answered: ${(error as Error).message}`,
      );
    } finally {
      stop();
    }
  }

  /** The id of the next request on this session; throws when the session has ended. */
  private takeCallId(): number {
    if (this.closedReason)
      throw new AgentCallError(AgentCallFailure.closed, `link closed: ${this.closedReason}`);
    return this.nextCallId++;
  }

  /** Calls `listener` once when the session ends (at once if it has); returns an unsubscribe. */
  onClose(listener: (reason: string) => void): () => void {
    if (this.closedReason !== null) {
      listener(this.closedReason);
      return () => undefined;
    }
    this.once('close', listener);
    return () => this.off('close', listener);
  }

  /**
   * Ends the connection (for a replaced session, a refused identity or shutdown). With a notice,
   * the agent is told why first (see ../protocol/notice.ts), so its log says what was decided
   * and its reconnect honours the notice's retry hint. Calls fail at once either way.
   */
  close(reason: string, notice?: Notice): void {
    const first = !this.closed;
    this.markClosed(reason);
    if (!notice || !first) return this.link.end();
    void this.notify(notice).finally(() => this.link.end());
  }

  /**
   * Tells the agent something without closing (e.g. that it is quarantined). Resolves true once
   * the agent has read it and closed the channel; false when it could not be delivered in time.
   */
  async notify(notice: Notice): Promise<boolean> {
    let channel: Duplex;
    try {
      channel = await this.openChannel(NOTICE_TIMEOUT_MS);
    } catch {
      return false;
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        channel.destroy();
        resolve(false);
      }, NOTICE_TIMEOUT_MS);
      channel.on('error', () => undefined);
      channel.on('data', () => undefined); // an agent that answers anyway must not stall it
      channel.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
      channel.end(requestLine(NOTICE_METHOD, notice));
    });
  }

  private markClosed(reason: string): void {
    if (this.closedReason) return;
    this.closedReason = reason;
    for (const channel of this.inFlight) channel.destroy();
    this.emit('close', reason);
  }

  private openChannel(timeoutMs?: number): Promise<Duplex> {
    return openForwardedChannel(this.connection, this.forward, timeoutMs);
  }

  private cancellation(options: CallOptions, words: CancellationWords): Cancellation {
    return cancellation(this, options, words);
  }
}
