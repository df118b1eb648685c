// The hub's end of the call line (../protocol/call-line.ts): requests written on one channel, and
// each reply handed to the caller waiting for its id. The line fails as a whole — the channel
// closed, a reply that is not a JSON object, a line over the size cap — and then every caller
// still waiting gets an AgentCallError, and the session goes back to a channel per call. The
// agent's own beats (`beat` lines) go to the one listener, answered when they ask; at most one a
// half-second is taken (an honest agent beats a second apart at the most), the rest dropped.

import type { Duplex } from 'node:stream';
import { LineTooLongError, readLine, readLines } from '../lib/line-reader.js';
import {
  BEAT_METHOD,
  CALL_LINE_METHOD,
  CANCEL_METHOD,
  type CancelParams,
} from '../protocol/call-line.js';
import { MAX_MESSAGE_BYTES, replyLine, requestLine } from '../protocol/rpc.js';
import { parseAgentReply } from './agent-reply.js';
import { AgentCallError, AgentCallFailure, type AgentCallFailureKind } from './errors.js';

/** How long the agent may take to answer the line's opening before calls fall back. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Asks for the call line on a channel just opened; resolves once the agent accepted, rejects when
 * it refused, said nothing in time, or closed the channel. The caller owns the channel until then.
 */
export async function startCallLine(
  channel: Duplex,
  id: number,
  onFailed: (reason: string) => void,
): Promise<HubCallLine> {
  channel.write(requestLine(CALL_LINE_METHOD, {}, id));
  let timer: NodeJS.Timeout | undefined;
  const answer = await Promise.race([
    readLine(channel, MAX_MESSAGE_BYTES),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer in time')), OPEN_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
  parseAgentReply(CALL_LINE_METHOD, id, answer);
  return new HubCallLine(channel, onFailed);
}

/** Where the agent's own beats go (AgentSession.receiveBeats). */
export interface BeatListener {
  /** One beat: its params, not yet checked. */
  beat(params: unknown): void;
  /** The line failed: no beat will come on it. Told once. */
  stopped(reason: string): void;
}

/** Beats closer together than this are dropped (an honest agent's are ≥ 900 ms apart). */
const MIN_BEAT_GAP_MS = 500;

interface Waiting {
  resolve(reply: Record<string, unknown>): void;
  reject(error: AgentCallError): void;
}

export class HubCallLine {
  private readonly waiting = new Map<number, Waiting>();
  private failure: string | null = null;
  private readonly stopReading: () => void;
  private beats: BeatListener | null = null;
  private lastBeatAt = -Infinity;

  /** `onFailed` is told once, with the reason, when the line can no longer be used. */
  constructor(
    private readonly channel: Duplex,
    private readonly onFailed: (reason: string) => void,
  ) {
    channel.on('error', () => undefined); // the close that follows is what counts
    this.stopReading = readLines(
      channel,
      MAX_MESSAGE_BYTES,
      (line) => this.received(line),
      (error) => {
        if (error instanceof LineTooLongError)
          this.fail(AgentCallFailure.protocol, `a reply over ${MAX_MESSAGE_BYTES} bytes`);
        else this.fail(AgentCallFailure.closed, error ? error.message : 'the agent closed it');
      },
    );
  }

  /** Sends a request; resolves with its reply, a JSON object not yet checked against the method. */
  request(id: number, method: string, params: unknown): Promise<Record<string, unknown>> {
    if (this.failure !== null)
      return Promise.reject(
        new AgentCallError(AgentCallFailure.closed, `call line failed: ${this.failure}`),
      );
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.channel.write(requestLine(method, params, id));
    });
  }

  /** Hands the agent's own beats to `listener` (null: drops them). */
  listen(listener: BeatListener | null): void {
    this.beats = listener;
  }

  /** The caller gave up: the agent is told to abort it (a no-op once it has answered). */
  cancel(id: number): void {
    if (!this.waiting.delete(id) || this.failure !== null) return;
    const params: CancelParams = { id };
    this.channel.write(requestLine(CANCEL_METHOD, params));
  }

  private received(line: string): void {
    let reply: unknown;
    try {
      reply = JSON.parse(line);
    } catch {
      return this.fail(AgentCallFailure.protocol, 'a reply that is not JSON');
    }
    if (typeof reply !== 'object' || reply === null || Array.isArray(reply))
      return this.fail(AgentCallFailure.protocol, 'a reply that is not a JSON-RPC object');
    const record = reply as Record<string, unknown>;
    const id = record['id'];
    if ('method' in record) return this.fromAgent(record['method'], id, record['params']);
    const waiting = typeof id === 'number' ? this.waiting.get(id) : undefined;
    // A reply that crossed its cancellation on the wire has no caller any more: dropped.
    if (waiting === undefined) return;
    this.waiting.delete(id as number);
    waiting.resolve(record);
  }

  /**
   * A line the agent started. Only beats are taken; anything else is dropped unanswered (an
   * honest agent sends nothing else here, and an answer per line would let a flood of them cost
   * the hub a write each).
   */
  private fromAgent(method: unknown, id: unknown, params: unknown): void {
    if (method !== BEAT_METHOD) return;
    const asks = typeof id === 'number';
    const now = performance.now();
    if (now - this.lastBeatAt < MIN_BEAT_GAP_MS) return;
    this.lastBeatAt = now;
    if (asks) this.channel.write(replyLine(id, { result: {} }));
    this.beats?.beat(params);
  }

  private fail(kind: AgentCallFailureKind, reason: string): void {
    if (this.failure !== null) return;
    this.failure = reason;
    const error = new AgentCallError(kind, `call line failed: ${reason}`);
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
    this.stopReading();
    this.channel.destroy();
    const beats = this.beats;
    this.beats = null;
    beats?.stopped(reason);
    this.onFailed(reason);
  }
}
