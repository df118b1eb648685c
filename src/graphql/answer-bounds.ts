// Bounds on what one operation does while it runs, past the cost checked before it runs
// (./list-cost.ts): that cost is an estimate — a list without a size argument is assumed to hold
// ASSUMED_LIST_SIZE entries, and `Tag.clients` over a fleet of 100,000 holds far more. Two bounds
// hold whatever the estimate said (issue 17, item 3):
//
//   work  the executor checks its signal before every field it resolves; the signal given here
//         counts those checks and aborts the operation past `maxFields`. That bounds the CPU
//         and memory one answer takes, and so how long it holds the event loop (where the agents'
//         SSH keepalives are answered) — a time limit could not: a synchronous stretch never lets
//         a timer run, and waiting on agents (fleetHealth's own timeout, up to 120 s) holds nothing.
//   size  an answer over `maxResponseBytes` of JSON is not sent; an error says what to ask instead.
//
// A subscription gets both per event: its count starts again after each event it sends.

import type { ExecutionResult, GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, isAsyncIterable, type Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import { DEFAULT_ANSWER_BOUNDS, type AnswerBounds } from './defaults.js';
import { codedError } from './errors.js';

const ASK_LESS =
  'Ask for fewer fields or nested lists, smaller pages (limit/first), or filter the lists (clients(filter:)), or split the operation.';

// graphql-js's ExecutionArgs has no signal; the executor yoga runs (@graphql-tools/executor) takes one.
const signalOf = (args: object): AbortSignal | undefined =>
  (args as { signal?: AbortSignal | null }).signal ?? undefined;
const withSignal = <A extends object>(args: A, signal: AbortSignal): A => ({ ...args, signal });

type Counter = ReturnType<typeof countingSignal>;
type OnDonePayload = Parameters<typeof handleStreamOrSingleExecutionResult>[0];

/**
 * The executor (@graphql-tools/executor) checks its signal twice for every field it resolves:
 * before the field, and again inside it before its resolver.
 */
const CHECKS_PER_FIELD = 2;

/** The signal the executor checks, counting the checks: aborted past `maxFields`. */
function countingSignal(outer: AbortSignal | undefined, maxFields: number) {
  const maxSteps = maxFields * CHECKS_PER_FIELD;
  const controller = new AbortController();
  const { signal } = controller;
  const forward = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  let steps = 0;
  const check = signal.throwIfAborted.bind(signal);
  // The executor's per-field check: counting it is what makes a synchronous run stoppable.
  signal.throwIfAborted = (): void => {
    steps += 1;
    if (steps > maxSteps && !signal.aborted) {
      controller.abort(
        codedError(
          ErrorCode.badUserInput,
          `The answer grew past ${maxFields} fields while it ran (the server's limit for one operation) and was stopped. ${ASK_LESS}`,
          { extensions: { limit: 'fields', maxFields } },
        ),
      );
    }
    check();
  };
  return {
    signal,
    /** A new count (a subscription's next event). */
    restart(): void {
      steps = 0;
    },
    release(): void {
      outer?.removeEventListener('abort', forward);
    },
  };
}

/**
 * Whether `value` as JSON would be over `limit` bytes (strings counted by their length, numbers
 * and literals at a few bytes); stops at the first entry that takes it over.
 */
export function jsonSizeOver(value: unknown, limit: number): boolean {
  let size = 0;
  const over = (item: unknown): boolean => {
    if (typeof item === 'string') size += item.length + 2;
    else if (item === null || typeof item !== 'object') size += 6;
    else if (Array.isArray(item)) {
      size += 2;
      for (const entry of item as unknown[]) {
        size += 1;
        if (over(entry)) return true;
      }
    } else {
      size += 2;
      // for…in allocates nothing (Object.entries made an array per object: a sixth of what a
      // 1,000-client answer allocated); hasOwn keeps it to what JSON.stringify writes.
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        size += key.length + 4;
        if (over((item as Record<string, unknown>)[key])) return true;
      }
    }
    return size > limit;
  };
  return over(value);
}

/**
 * `result` as the JSON yoga sends, or null when that is over `limit` bytes (UTF-8) or longer than
 * one string can hold. One answer is serialised once: the text is handed to yoga (a result's own
 * `stringify`, which yoga prefers to JSON.stringify) instead of walked for its size first and
 * serialised again — the walk cost as much as the serialisation (an eighth of a 1,000-client
 * answer's CPU). The text costs no more memory than the answer it is made of already holds.
 */
export function serializedWithin(result: ExecutionResult, limit: number): string | null {
  let text: string;
  try {
    text = JSON.stringify(result);
  } catch (error) {
    if (error instanceof RangeError) return null; // past the longest string V8 makes
    throw error;
  }
  // A UTF-8 byte is at most one UTF-16 unit, and a unit at most three bytes.
  if (text.length > limit) return null;
  if (text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit) return null;
  return text;
}

/** Yoga serialises `result` with this: the text made in the size check, when given `result`. */
function sendAs(result: ExecutionResult, text: string): ExecutionResult {
  // yoga passes a copy when it strips internal error fields: that copy gets its own JSON.
  const stringify = (value: unknown): string => (value === result ? text : JSON.stringify(value));
  return Object.assign(result, { stringify });
}

function tooLarge(limit: number): ExecutionResult {
  return {
    errors: [
      codedError(
        ErrorCode.badUserInput,
        `The answer is over ${limit} bytes of JSON (the server's limit for one answer) and was not sent. ${ASK_LESS}`,
        { extensions: { limit: 'responseBytes', maxResponseBytes: limit } },
      ),
    ],
  };
}

export function useAnswerBounds(bounds: AnswerBounds = DEFAULT_ANSWER_BOUNDS): Plugin {
  /**
   * Each result (one, or a subscription's events): its size checked, then a new count for the
   * next event; the listener on the request's signal released when the last one is out.
   */
  const finish = (counter: Counter | undefined, payload: OnDonePayload) => {
    if (!counter) return undefined;
    const single = !isAsyncIterable(payload.result);
    const streamed = handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
      counter.restart();
      if (!result.data) return;
      if (!single) {
        // A subscription's event: graphql-ws and SSE write their own JSON around it.
        if (jsonSizeOver(result.data, bounds.maxResponseBytes))
          setResult(tooLarge(bounds.maxResponseBytes));
        return;
      }
      const text = serializedWithin(result, bounds.maxResponseBytes);
      setResult(text === null ? tooLarge(bounds.maxResponseBytes) : sendAs(result, text));
    });
    if (!streamed) counter.release();
    return streamed && { ...streamed, onEnd: () => counter.release() };
  };
  return {
    onExecute({ setExecuteFn, executeFn }) {
      let counter: Counter | undefined;
      setExecuteFn(async (args) => {
        const own = countingSignal(signalOf(args), bounds.maxFields);
        counter = own;
        try {
          return await executeFn(withSignal(args, own.signal));
        } catch (error) {
          // Stopped by the count: an answer with the error, as any refusal (graphql-ws would
          // take a thrown error for a crash and close the socket).
          if (error === own.signal.reason) return { data: null, errors: [error as GraphQLError] };
          throw error;
        }
      });
      return { onExecuteDone: (payload) => finish(counter, payload) };
    },
    onSubscribe({ setSubscribeFn, subscribeFn }) {
      let counter: Counter | undefined;
      setSubscribeFn((args) => {
        counter = countingSignal(signalOf(args), bounds.maxFields);
        return subscribeFn(withSignal(args, counter.signal));
      });
      return { onSubscribeResult: (payload) => finish(counter, payload) };
    },
  };
}
