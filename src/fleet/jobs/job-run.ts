// One bulk job running: its targets worked on `parallelism` at a time, each through the
// commands (so through the gate: rate limits, quarantine, audit command_executed), each outcome
// written as it arrives and told to the job's subscribers; cancellation reaches the agents (the
// gate's signal) and marks what never started. The job outlives the request that started it:
// its only signal is its own.

import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode } from '../../errors.js';
import { createAsyncQueue, type AsyncQueue } from '../../lib/async-queue.js';
import { mapWithConcurrency } from '../../lib/map-with-concurrency.js';
import type { RunCommandResult } from '../../protocol/rpc.js';
import {
  BulkJobStatus,
  BulkResultState,
  type BulkJobRecord,
  type BulkJobResultRecord,
  type BulkJobStatusName,
  type NewBulkJobResult,
  type Store,
} from '../../store/index.js';
import type { Caller } from '../caller.js';
import type { RunCommandInput } from '../commands.js';
import type { OperationFailure } from '../outcomes.js';
import { resultView, type BulkJobUpdate, type BulkJobView } from './job-views.js';

/** A client a job works on. */
export interface JobTarget {
  uuid: string;
  clientId: string;
}

export interface JobRunDeps {
  store: Store;
  logger: Logger;
  /** One command on one client (the fleet's commands.run: the gate's whole policy). */
  run(ref: string, input: RunCommandInput, caller: Caller): Promise<RunCommandResult>;
}

/** A job running in this process. */
export interface RunningJob {
  /** The job with its counts as they are now. */
  view(): BulkJobView;
  /** Updates from now on (results, then the final state); the queue ends after the last. */
  follow(): AsyncQueue<BulkJobUpdate>;
  /** Kills what runs (on the agents) and marks the rest not started; resolves when stopped. */
  cancel(): Promise<void>;
  /** Like cancel, for a server shutting down: the job ends INTERRUPTED. */
  interrupt(): Promise<void>;
  /** Resolves when the job has stopped and its end is recorded. */
  readonly done: Promise<void>;
}

/** Writes outcomes as they arrive: what arrives during a write goes in the next one. */
function createResultWriter(
  deps: JobRunDeps,
  onWritten: (rows: BulkJobResultRecord[]) => void,
): { add(row: NewBulkJobResult): void; flush(): Promise<void> } {
  let queued: NewBulkJobResult[] = [];
  let writing: Promise<void> | null = null;
  async function drain(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      try {
        onWritten(await deps.store.bulkJobs.appendResults(batch));
      } catch (error) {
        deps.logger.error(
          { err: error, results: batch.length },
          'bulk job: results not recorded (the job goes on)',
        );
      }
    }
    writing = null;
  }
  return {
    add(row) {
      queued.push(row);
      writing ??= drain();
    },
    async flush() {
      while (writing) await writing;
    },
  };
}

function row(
  jobId: string,
  target: JobTarget,
  startedAt: Date | null,
  outcome: { result: RunCommandResult } | { error: OperationFailure; ran: boolean },
): NewBulkJobResult {
  const finishedAt = new Date();
  if ('result' in outcome) {
    const r = outcome.result;
    return {
      jobId,
      clientUuid: target.uuid,
      clientId: target.clientId,
      state: r.returncode === 0 ? BulkResultState.succeeded : BulkResultState.failed,
      returncode: r.returncode,
      stdout: r.stdout,
      stderr: r.stderr,
      timedOut: r.timedOut,
      truncated: r.truncated,
      durationMs: Math.round(r.durationMs),
      errorCode: null,
      errorMessage: null,
      startedAt,
      finishedAt,
    };
  }
  return {
    jobId,
    clientUuid: target.uuid,
    clientId: target.clientId,
    state: outcome.ran ? BulkResultState.failed : BulkResultState.notStarted,
    returncode: null,
    stdout: null,
    stderr: null,
    timedOut: null,
    truncated: null,
    durationMs: null,
    errorCode: outcome.error.code,
    errorMessage: outcome.error.message,
    startedAt,
    finishedAt,
  };
}

/** Starts `job` (already recorded, RUNNING) on `targets`; the handle is live until `done`. */
export function runJob(
  deps: JobRunDeps,
  job: BulkJobRecord,
  targets: readonly JobTarget[],
  input: RunCommandInput,
  caller: Caller,
): RunningJob {
  const log = deps.logger.child({ jobId: job.id });
  const record: BulkJobRecord = { ...job };
  const controller = new AbortController();
  let stopping: BulkJobStatusName | null = null;
  let finished = false;
  const followers = new Set<AsyncQueue<BulkJobUpdate>>();
  const snapshot = (): BulkJobView => ({ ...record });
  // Each client's call is its own request of the job: the job's actor and key, its signal.
  const jobCaller: Caller = {
    ...caller,
    actor: `${caller.actor}, bulk job ${job.id}`,
    signal: controller.signal,
  };

  const publish = (update: BulkJobUpdate): void => {
    for (const follower of followers) follower.push(update);
  };
  const writer = createResultWriter(deps, (rows) => {
    for (const written of rows) {
      if (written.state === BulkResultState.succeeded) record.succeeded += 1;
      else if (written.state === BulkResultState.failed) record.failed += 1;
      else record.notStarted += 1;
      publish({ cursor: written.id, job: snapshot(), result: resultView(written) });
    }
  });

  async function work(target: JobTarget): Promise<void> {
    if (controller.signal.aborted) {
      const why = stopping === BulkJobStatus.interrupted ? 'the server shut down' : 'cancelBulkJob';
      writer.add(
        row(job.id, target, null, {
          ran: false,
          error: {
            code: ErrorCode.timeout,
            message: `Not started on "${target.clientId}": the job was stopped (${why}).`,
          },
        }),
      );
      return;
    }
    const startedAt = new Date();
    try {
      writer.add(
        row(job.id, target, startedAt, { result: await deps.run(target.uuid, input, jobCaller) }),
      );
    } catch (error) {
      let failure: OperationFailure;
      if (
        controller.signal.aborted &&
        error instanceof AppError &&
        error.code === ErrorCode.timeout
      ) {
        failure = {
          code: ErrorCode.timeout,
          message: `Cancelled on "${target.clientId}" (${stopping === BulkJobStatus.interrupted ? 'the server shut down' : 'cancelBulkJob'}): the command was killed on the client.`,
        };
      } else if (error instanceof AppError) {
        failure = { code: error.code, message: error.message };
      } else {
        const ref = randomUUID().slice(0, 8);
        log.error({ err: error, ref, clientId: target.clientId }, 'bulk job: unexpected failure');
        failure = { code: ErrorCode.internal, message: `internal error (ref ${ref})` };
      }
      writer.add(row(job.id, target, startedAt, { error: failure, ran: true }));
    }
  }

  const done = (async () => {
    try {
      await mapWithConcurrency(targets, job.parallelism, work);
    } finally {
      await writer.flush();
      record.status = stopping ?? BulkJobStatus.completed;
      record.finishedAt = new Date();
      try {
        await deps.store.bulkJobs.finish(job.id, {
          status: record.status,
          succeeded: record.succeeded,
          failed: record.failed,
          notStarted: record.notStarted,
          finishedAt: record.finishedAt,
        });
      } catch (error) {
        log.error({ err: error }, 'bulk job: end not recorded (a restart marks it INTERRUPTED)');
      }
      log.info(
        {
          status: record.status,
          total: record.total,
          succeeded: record.succeeded,
          failed: record.failed,
          notStarted: record.notStarted,
        },
        'bulk job finished',
      );
      finished = true;
      publish({ cursor: null, job: snapshot(), result: null });
      for (const follower of followers) follower.end();
      followers.clear();
    }
  })();

  const stop = async (status: BulkJobStatusName): Promise<void> => {
    stopping ??= status;
    controller.abort();
    await done;
  };

  return {
    view: snapshot,
    follow() {
      const queue = createAsyncQueue<BulkJobUpdate>({
        // Room for every result and the final message: a follower replaying is not cut off.
        maxBuffered: record.total + 2,
        onClose: () => followers.delete(queue),
      });
      if (finished) {
        queue.push({ cursor: null, job: snapshot(), result: null });
        queue.end();
      } else followers.add(queue);
      return queue;
    },
    cancel: () => stop(BulkJobStatus.cancelled),
    interrupt: () => stop(BulkJobStatus.interrupted),
    done,
  };
}
