// The agent's own heartbeats, for a hub that asked for them with `beats` on the call line
// (../protocol/call-line.ts): a beat every interval (± 10 %), each leaving on a slot boundary of
// the wall clock, so that the beats of agents that are due together reach the server together.
//
//   beats(interval, answerAfter) ──▶ (the reply was the first beat) ──▶ every interval:
//       sample ──▶ silent for answerAfter? ──no──▶ `beat` notification
//                          └──yes──▶ `beat` request ──▶ an answer within interval (15 s at
//                                                        least)? ──no──▶ cut
//
// Each beat holds the link's SSH keepalives off (./keepalive.ts): the server says nothing between
// the answers, and it is the missing answer that ends a dead link (the reconnect loop then dials
// again). A beat whose sample failed is not sent: the server counts it missing.

import { BEAT_METHOD, beatSlotMs } from '../protocol/call-line.js';
import { JSONRPC_VERSION, type BeatsParams, type HeartbeatResult } from '../protocol/rpc.js';
import type { LinkSilence } from './keepalive.js';

/** The least a beat waits for its answer: a busy server (a restart's storm) is not a dead one. */
export const MIN_ANSWER_WAIT_MS = 15_000;

/** The SSH link under the beats: its silence, its keepalives, and its end. */
export interface BeatLink extends LinkSilence {
  /** Ends the link (the server stopped answering); the reconnect loop dials again. */
  cut(reason: string): void;
}

export interface BeatSenderDeps {
  /** One beat's body, a heartbeat's result; null when it could not be sampled. */
  sample(): Promise<HeartbeatResult | null>;
  /** Writes one line to the server. */
  write(line: string): void;
  link: BeatLink;
  /** The wall clock, in milliseconds (tests pass their own). */
  now?: () => number;
  /** A monotonic clock, in milliseconds (tests pass their own). */
  elapsed?: () => number;
}

export interface BeatSender {
  stop(): void;
}

/** Sends beats until stopped; the first one is due an interval from now. */
export function startBeats(params: BeatsParams, deps: BeatSenderDeps): BeatSender {
  const now = deps.now ?? Date.now;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const slotMs = beatSlotMs(params.intervalMs);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  let nextId = 1;
  let askedAt = 0;

  /** Whether the server said anything since `at` (the elapsed clock). */
  const answeredSince = (at: number): boolean => deps.link.silentForMs() <= elapsed() - at;

  const schedule = (): void => {
    if (stopped) return;
    const due = now() + params.intervalMs * (0.9 + Math.random() * 0.2);
    timer = setTimeout(() => void beat(), Math.ceil(due / slotMs) * slotMs - now());
  };

  /** Waits for a byte from the server; none: the link is dead or the server stuck. */
  const awaitAnswer = (): void => {
    askedAt = elapsed();
    const waitMs = Math.max(params.intervalMs, MIN_ANSWER_WAIT_MS);
    watchdog = setTimeout(() => {
      // After the timer phase, whatever the socket brought meanwhile has been read (an event
      // loop that was itself held up must not take its own delay for the server's silence).
      setImmediate(() => {
        watchdog = undefined;
        if (stopped || answeredSince(askedAt)) return;
        deps.link.cut(
          `the server did not answer a heartbeat within ${Math.round(waitMs / 1000)} s`,
        );
      });
    }, waitMs);
  };

  async function beat(): Promise<void> {
    let body: HeartbeatResult | null = null;
    try {
      body = await deps.sample();
    } catch {
      body = null;
    }
    if (stopped) return;
    if (watchdog !== undefined && answeredSince(askedAt)) {
      clearTimeout(watchdog); // answered
      watchdog = undefined;
    }
    if (body !== null) {
      const asks = watchdog === undefined && deps.link.silentForMs() >= params.answerAfterMs;
      const line = asks
        ? { jsonrpc: JSONRPC_VERSION, id: nextId++, method: BEAT_METHOD, params: body }
        : { jsonrpc: JSONRPC_VERSION, method: BEAT_METHOD, params: body };
      deps.write(`${JSON.stringify(line)}\n`);
      deps.link.holdKeepalives();
      if (asks) awaitAnswer();
    }
    schedule();
  }

  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(watchdog);
    },
  };
}
