// Idempotency keys: a request that carries the key of an earlier one gets the earlier outcome
// instead of running again — even while the first is still running (the repeat waits for the
// same outcome). Whatever door a request came through, the operations that take a key
// (runCommand, writeFile, uploadFile, downloadFile, startBulkCommand) go through `once`.
//
//   same key, same operation and arguments  → the first outcome (a result, or its error)
//   same key, anything else                 → CONFLICT naming the key
//   first attempt cut short by a restart    → CONFLICT: its outcome is unknown, use a new key
//   first attempt refused before it started → forgotten: nothing ran, the key may be used again
//
// A keyed operation outlives the request that started it: the caller leaving stops its wait,
// not the operation (its own timeout still bounds it), so the retry that follows a dropped
// connection finds the outcome. Keys live 24 h (limits.ts). The API key that asked is part of
// the fingerprint: an idempotency key another API key used is a CONFLICT for this one, never
// that request's outcome (which may hold another key's command output).

import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError, ErrorCode, isErrorCode, type ErrorCodeName } from '../errors.js';
import { quote } from '../lib/quote.js';
import {
  IdempotencyState,
  type IdempotencyRecord,
  type IdempotencyStateName,
  type Store,
} from '../store/index.js';
import type { Caller } from './caller.js';
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_TTL_S } from './limits.js';
import { bad } from './validation.js';

/** One keyed request. */
export interface KeyedRequest<T> {
  /** The key; without one the work simply runs. */
  key: string | null | undefined;
  /** The operation's name as the API spells it (runCommand …): part of what a key stands for. */
  operation: string;
  /** The arguments as given (the key left out); nulls and absent fields count the same. */
  args: Record<string, unknown>;
  caller: Caller;
  /** The work; with a key it gets a caller without a signal (it outlives the request). */
  run(caller: Caller): Promise<T>;
  /** The outcome as stored (JSON); default: as is. */
  encode?(result: T): unknown;
  /** A stored outcome back; default: as is. */
  decode?(stored: unknown): T | Promise<T>;
}

export interface Idempotency {
  once<T>(request: KeyedRequest<T>): Promise<T>;
  /**
   * A server starting: keys a crashed run left RUNNING become INTERRUPTED, expired ones go.
   * (With several servers on one database, issue 14 restricts this to the server's own keys.)
   */
  recover(): Promise<void>;
}

/** Refusals that happen before anything reaches a client: the key is not kept. */
const NOTHING_RAN: ReadonlySet<ErrorCodeName> = new Set([
  ErrorCode.notFound,
  ErrorCode.ambiguousClient,
  ErrorCode.clientOffline,
  ErrorCode.keyMismatch,
  ErrorCode.pathDenied,
  ErrorCode.rateLimited,
  ErrorCode.badUserInput,
  ErrorCode.forbidden,
  ErrorCode.unauthenticated,
  ErrorCode.conflict,
]);

/** How often a repeat checks on a first attempt running elsewhere (another server). */
const POLL_MS = 250;
/** Expired keys are deleted at most this often (besides a server starting). */
const PURGE_EVERY_MS = 3_600_000;

interface Stored {
  result?: unknown;
  error?: { code: string; message: string };
}

/** BAD_USER_INPUT unless `key` is a usable idempotency key. */
export function validateIdempotencyKey(key: string): string {
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw bad(
      `idempotencyKey ${quote(key, 60)} is not valid: 1 to 255 letters, digits and . _ : / + = @ - (a UUID fits).`,
    );
  }
  return key;
}

/** JSON with sorted keys and without null or absent fields: equal arguments, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprintOf(
  operation: string,
  args: Record<string, unknown>,
  keyId?: string | null,
): string {
  return createHash('sha256')
    .update(canonical({ operation, args, key: keyId ?? null }))
    .digest('hex');
}

function conflict(key: string, holder: { operation: string; createdAt?: Date }): AppError {
  return new AppError(
    ErrorCode.conflict,
    `Idempotency key ${quote(key, 60)} was already used for ${holder.operation} with other arguments${holder.createdAt ? ` (at ${holder.createdAt.toISOString()})` : ''}. Repeat that request's exact arguments to get its outcome, or use a new key for a new request.`,
    { idempotencyKey: key, operation: holder.operation },
  );
}

function interrupted(key: string, holder: IdempotencyRecord): AppError {
  return new AppError(
    ErrorCode.conflict,
    `The first request with idempotency key ${quote(key, 60)} (${holder.operation}, ${holder.createdAt.toISOString()}) was interrupted by a server restart before its outcome was recorded: whether it ran is unknown. Check the client, then retry with a new key.`,
    { idempotencyKey: key, operation: holder.operation, interrupted: true },
  );
}

const gaveUp = (): AppError =>
  new AppError(
    ErrorCode.timeout,
    'Stopped waiting: the request was abandoned, but the operation goes on. Repeat it with the same idempotency key to get its outcome.',
  );

/** Waits for `promise` until the caller gives up (the work goes on). */
function waitFor<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(gaveUp());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(gaveUp());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function createIdempotency(deps: {
  store: Store;
  logger: Logger;
  /** This server's name: the keys it runs are its own to interrupt after a crash. */
  server: string;
}): Idempotency {
  const { store, logger } = deps;
  /** First attempts running in this process, by key. */
  const running = new Map<
    string,
    { fingerprint: string; operation: string; outcome: Promise<unknown> }
  >();
  let lastPurge = 0;

  function purgeNow(now: Date): void {
    if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now.getTime();
    store.idempotency
      .purgeExpired(now)
      .catch((error: unknown) => logger.warn({ err: error }, 'idempotency: purge failed'));
  }

  async function record(key: string, state: IdempotencyStateName, stored: Stored): Promise<void> {
    try {
      await store.idempotency.finish(key, {
        state,
        outcome: JSON.stringify(stored),
        finishedAt: new Date(),
      });
    } catch (error) {
      // The outcome still reaches the callers; a retry after a restart will hear "interrupted".
      logger.error({ err: error, idempotencyKey: key }, 'idempotency: outcome not recorded');
    }
  }

  async function replay<T>(
    request: KeyedRequest<T>,
    key: string,
    fingerprint: string,
    holder: IdempotencyRecord,
  ): Promise<T> {
    let current: IdempotencyRecord | null = holder;
    // Running elsewhere (another server): wait for its outcome.
    while (current?.state === IdempotencyState.running) {
      if (current.fingerprint !== fingerprint) throw conflict(key, current);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      if (request.caller.signal?.aborted) throw gaveUp();
      current = await store.idempotency.get(key);
    }
    if (!current) return once(request); // released meanwhile: nothing ran, so this one may
    if (current.fingerprint !== fingerprint) throw conflict(key, current);
    if (current.state === IdempotencyState.interrupted) throw interrupted(key, current);
    const stored = JSON.parse(current.outcome ?? '{}') as Stored;
    if (stored.error) {
      const code = isErrorCode(stored.error.code) ? stored.error.code : ErrorCode.internal;
      throw new AppError(code, stored.error.message, { idempotencyKey: key, repeated: true });
    }
    return request.decode ? request.decode(stored.result) : (stored.result as T);
  }

  async function first<T>(request: KeyedRequest<T>, key: string, fingerprint: string): Promise<T> {
    const now = new Date();
    purgeNow(now);
    const holder = await store.idempotency.claim({
      key,
      operation: request.operation,
      fingerprint,
      actor: request.caller.actor,
      state: IdempotencyState.running,
      outcome: null,
      createdAt: now,
      finishedAt: null,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_S * 1000),
      server: deps.server,
    });
    if (holder) return replay(request, key, fingerprint, holder);
    let result: T;
    try {
      // The caller without its signal (a retry must not cancel the first run): its actor and
      // principal stay, so the events name the API key that caused them.
      const { signal: _signal, ...runner } = request.caller;
      result = await request.run(runner);
    } catch (error) {
      if (error instanceof AppError && NOTHING_RAN.has(error.code)) {
        await store.idempotency
          .release(key)
          .catch((e: unknown) => logger.error({ err: e, idempotencyKey: key }, 'release failed'));
      } else {
        const failure =
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : {
                code: ErrorCode.internal,
                message: 'The first attempt failed with an internal error.',
              };
        await record(key, IdempotencyState.done, { error: failure });
      }
      throw error;
    }
    await record(key, IdempotencyState.done, {
      result: request.encode ? request.encode(result) : result,
    });
    return result;
  }

  function once<T>(request: KeyedRequest<T>): Promise<T> {
    try {
      return start(request);
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  function start<T>(request: KeyedRequest<T>): Promise<T> {
    if (request.key === null || request.key === undefined) return request.run(request.caller);
    const key = validateIdempotencyKey(request.key);
    const fingerprint = fingerprintOf(
      request.operation,
      request.args,
      request.caller.principal?.keyId,
    );
    const inflight = running.get(key);
    if (inflight) {
      if (inflight.fingerprint !== fingerprint) throw conflict(key, inflight);
      return waitFor(inflight.outcome as Promise<T>, request.caller.signal);
    }
    const outcome = first(request, key, fingerprint);
    running.set(key, { fingerprint, operation: request.operation, outcome });
    outcome.then(
      () => running.delete(key),
      () => running.delete(key),
    );
    return waitFor(outcome, request.caller.signal);
  }

  return {
    once,
    async recover() {
      const now = new Date();
      const cut = await store.idempotency.interruptRunning(now, deps.server, true);
      const purged = await store.idempotency.purgeExpired(now);
      lastPurge = now.getTime();
      if (cut > 0 || purged > 0)
        logger.info({ interrupted: cut, purged }, 'idempotency keys: recovered after start');
    },
  };
}
