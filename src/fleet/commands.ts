// Commands: one command on one client, and one command on every client a filter selects (a few
// at a time, one outcome each). Policy is the gate's; this module adds the input checks, the
// link's grace beyond the command's own timeout, the command_executed record, and the
// idempotency key of runCommand (a retry with the key gets the first outcome).

import { ErrorCode } from '../errors.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import { redactSecrets } from '../lib/redact.js';
import type { RunCommandResult } from '../protocol/rpc.js';
import type { ClientRecord } from '../store/index.js';
import type { Caller } from './caller.js';
import type { ClientFilter } from './client-filter.js';
import type { ClientView } from './client-view.js';
import { FleetEventType } from './event-types.js';
import type { Gate } from './gate.js';
import type { Idempotency } from './idempotency.js';
import { DEFAULT_TIMEOUT_S, LINK_GRACE_MS, MAX_BULK_TARGETS, MAX_PARALLELISM } from './limits.js';
import { failureOf, type ClientOutcome } from './outcomes.js';
import { bad, validateBulkFilter, validateCommand } from './validation.js';

export interface RunCommandInput {
  cmd: string;
  cwd?: string | null | undefined;
  /** Seconds; default 300. */
  timeout?: number | null | undefined;
  env?: Readonly<Record<string, string>> | null | undefined;
  /** A retry with the same key (and arguments) gets the first outcome instead of running. */
  idempotencyKey?: string | null | undefined;
}

export interface CommandsDeps {
  gate: Gate;
  idempotency: Idempotency;
  /** The clients a bulk operation targets (at most `limit`), as views. */
  select(filter: ClientFilter, limit: number): Promise<ClientView[]>;
  /** A fresh view of one client, by any name. */
  current(ref: string): Promise<ClientView>;
}

/**
 * Where a command runs: its cwd, or — on a client with allowed paths — the first of them. The
 * agent's own working directory may lie outside every allowed path, and a command's cwd is held
 * to them like any file operation (the guide: allowed paths affect cwd).
 */
export function defaultCwd(
  input: Pick<RunCommandInput, 'cwd'>,
  client: Pick<ClientRecord, 'allowedPaths'>,
): string | undefined {
  return input.cwd ?? client.allowedPaths?.[0] ?? undefined;
}

export function createCommands(deps: CommandsDeps) {
  const { gate } = deps;

  async function run(
    ref: string,
    input: RunCommandInput,
    caller: Caller,
  ): Promise<RunCommandResult> {
    const { timeoutMs, env } = validateCommand(input);
    return deps.idempotency.once({
      key: input.idempotencyKey,
      operation: 'runCommand',
      args: {
        clientId: ref,
        cmd: input.cmd,
        cwd: input.cwd,
        timeout: input.timeout ?? DEFAULT_TIMEOUT_S,
        env,
      },
      caller,
      run: (runner) => runNow(ref, input, timeoutMs, env, runner),
    });
  }

  async function runNow(
    ref: string,
    input: RunCommandInput,
    timeoutMs: number,
    env: Record<string, string> | undefined,
    caller: Caller,
  ): Promise<RunCommandResult> {
    const cwdFor = (client: ClientRecord): string | undefined => defaultCwd(input, client);
    const { result } = await gate.call(ref, caller, {
      method: 'run_command',
      params: (client) => ({ cmd: input.cmd, cwd: cwdFor(client), timeoutMs, env }),
      timeoutMs: timeoutMs + LINK_GRACE_MS,
      paths: (client) => {
        const cwd = cwdFor(client);
        return cwd === undefined ? [] : [{ path: cwd, what: 'cwd' }];
      },
      record: (client, done) => ({
        type: FleetEventType.commandExecuted,
        data: {
          command: redactSecrets(input.cmd),
          cwd: cwdFor(client) ?? null,
          ...(input.cwd ? {} : cwdFor(client) ? { cwd_defaulted: true } : {}),
          exit_code: done.returncode,
          duration_ms: Math.round(done.durationMs),
          timed_out: done.timedOut,
        },
      }),
    });
    return result;
  }

  /**
   * Runs one command on every client matching `filter`, at most `parallelism` at a time; one
   * outcome per client (offline or refused clients get an error, the others a result).
   */
  async function runOnClients(
    filter: ClientFilter,
    input: RunCommandInput,
    parallelism: number,
    caller: Caller,
  ): Promise<ClientOutcome<RunCommandResult>[]> {
    validateBulkFilter(filter);
    validateCommand(input);
    if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > MAX_PARALLELISM)
      throw bad(`parallelism must be from 1 to ${MAX_PARALLELISM} (got ${parallelism}).`);
    const targets = await deps.select(filter, MAX_BULK_TARGETS + 1);
    if (targets.length > MAX_BULK_TARGETS)
      throw bad(
        `The filter matches more than ${MAX_BULK_TARGETS} clients; a bulk command takes at most ${MAX_BULK_TARGETS}. Narrow the filter.`,
      );
    return mapWithConcurrency(targets, parallelism, async (client) => {
      if (caller.signal?.aborted) {
        return {
          client,
          result: null,
          error: { code: ErrorCode.timeout, message: 'Not started: the caller gave up.' },
        };
      }
      try {
        return { client, result: await run(client.uuid, input, caller), error: null };
      } catch (error) {
        return { client: await deps.current(client.uuid), result: null, error: failureOf(error) };
      }
    });
  }

  return { run, runOnClients };
}
