// What the doors see of bulk jobs: the job (its counts live while it runs), one client's result
// (a CommandResult or the failure, with its cursor), a page of results, and one update of the
// bulkJobProgress stream.

import type { RunCommandResult } from '../../protocol/rpc.js';
import {
  BulkResultState,
  type BulkJobRecord,
  type BulkJobResultRecord,
  type BulkResultStateName,
} from '../../store/index.js';
import type { RunCommandInput } from '../commands.js';
import type { OperationFailure } from '../outcomes.js';

/** A job as stored, with its counts as they are now. */
export type BulkJobView = Readonly<BulkJobRecord>;

/** One client's outcome in a job; `cursor` orders a job's results as they arrived. */
export interface BulkJobResultView {
  cursor: number;
  jobId: string;
  clientUuid: string;
  /** The client's clientId when the job ran. */
  clientId: string;
  state: BulkResultStateName;
  /** The command's outcome when it ran (check returncode); null otherwise. */
  result: RunCommandResult | null;
  /** Why it did not run or finish; null when it ran. */
  error: OperationFailure | null;
  startedAt: Date | null;
  finishedAt: Date;
}

export interface BulkJobResultPage {
  results: BulkJobResultView[];
  hasNextPage: boolean;
  totalCount(): Promise<number>;
}

/**
 * One message of bulkJobProgress: a client's result as it arrived (with the job as it is now),
 * or — once, last — the job's final state (`result` null).
 */
export interface BulkJobUpdate {
  /** The result's cursor; null for the final message. */
  cursor: number | null;
  job: BulkJobView;
  result: BulkJobResultView | null;
}

export interface StartBulkCommandInput extends RunCommandInput {
  /** Clients worked on at once (default 10, at most 64). */
  parallelism?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}

export function resultView(row: BulkJobResultRecord): BulkJobResultView {
  const ran = row.returncode !== null;
  return {
    cursor: row.id,
    jobId: row.jobId,
    clientUuid: row.clientUuid,
    clientId: row.clientId,
    state: row.state,
    result: ran
      ? {
          stdout: row.stdout ?? '',
          stderr: row.stderr ?? '',
          returncode: row.returncode ?? 0,
          timedOut: row.timedOut ?? false,
          truncated: row.truncated ?? false,
          durationMs: row.durationMs ?? 0,
        }
      : null,
    error:
      row.errorCode !== null
        ? ({ code: row.errorCode, message: row.errorMessage ?? '' } as OperationFailure)
        : null,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** Whether a result counts as a success (ran and exited 0). */
export const succeeded = (state: BulkResultStateName): boolean =>
  state === BulkResultState.succeeded;
