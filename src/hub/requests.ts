// What every request to an agent needs, whatever it carries (a call, a transfer, a stream, the
// call line): a forwarded channel opened with a deadline, and the cancellation that covers it.

import type { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { Connection } from 'ssh2';
import { AgentCallError, AgentCallFailure } from './errors.js';

export interface CallOptions {
  /** Give up (and cancel on the agent) after this long. */
  timeoutMs: number;
  /** Abort (and cancel on the agent) when this fires. */
  signal?: AbortSignal | undefined;
}

export interface ForwardTarget {
  bindAddr: string;
  bindPort: number;
}

/** How long opening a channel may take before a request fails. */
const OPEN_CHANNEL_TIMEOUT_MS = 30_000;

/** Opens a `forwarded-tcpip` channel back through the agent's connection (nothing is bound). */
export function openForwardedChannel(
  connection: Connection,
  forward: ForwardTarget,
  timeoutMs = OPEN_CHANNEL_TIMEOUT_MS,
): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new AgentCallError(AgentCallFailure.timeout, 'agent did not open a channel in time'),
        ),
      timeoutMs,
    );
    try {
      connection.forwardOut(
        forward.bindAddr,
        forward.bindPort,
        '127.0.0.1',
        0,
        (error, channel) => {
          clearTimeout(timer);
          if (error)
            reject(
              new AgentCallError(
                AgentCallFailure.closed,
                `agent refused a channel: ${error.message}`,
              ),
            );
          else resolve(channel);
        },
      );
    } catch (error) {
      clearTimeout(timer);
      reject(
        new AgentCallError(
          AgentCallFailure.closed,
          `cannot open a channel: ${(error as Error).message}`,
        ),
      );
    }
  });
}

/** A channel still opening when its request was cancelled: closed if it opens after all. */
export function destroyWhenOpen(opening: Promise<Duplex>): void {
  opening.then(
    (late) => late.destroy(),
    () => undefined,
  );
}

export interface CancellationWords {
  timeout: string;
  aborted: string;
  closed: string;
}

export interface Cancellation {
  /** Only rejects: race it against each step of the request. */
  cancelled: Promise<never>;
  /** Clears the deadline and the listeners. */
  stop(): void;
}

/**
 * What cancels a request: the deadline, the caller's signal (even one that fired before we got
 * here) and the session's `close` event, each rejecting `cancelled` with its own words.
 */
export function cancellation(
  session: EventEmitter,
  options: CallOptions,
  words: CancellationWords,
): Cancellation {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  let onSessionClose: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AgentCallError(AgentCallFailure.timeout, words.timeout)),
      options.timeoutMs,
    );
    onAbort = () => reject(new AgentCallError(AgentCallFailure.aborted, words.aborted));
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    onSessionClose = () => reject(new AgentCallError(AgentCallFailure.closed, words.closed));
    session.once('close', onSessionClose);
  });
  cancelled.catch(() => undefined); // observed through the races of the request
  return {
    cancelled,
    stop: () => {
      clearTimeout(timer);
      if (onAbort) options.signal?.removeEventListener('abort', onAbort);
      if (onSessionClose) session.off('close', onSessionClose);
    },
  };
}
