// How a transfer ends on the progress board, the same for the server-side transfers
// (./transfers.ts) and the operator's streamed ones (./operator.ts).

import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import type { ClientRecord } from '../../store/index.js';
import { actorOf, type Audit } from '../audit.js';
import type { Caller } from '../caller.js';
import { FleetEventType } from '../event-types.js';
import { recordRan } from '../not-recorded.js';
import type { OperationFailure } from '../outcomes.js';
import type { TransferOutcome } from './body.js';
import type { ProgressReporter } from './progress.js';

/** A failure as a transfer's progress shows it: an AppError's code and words, or nothing of a bug. */
export const asFailure = (error: unknown): OperationFailure =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : { code: ErrorCode.internal, message: 'internal error' };

/**
 * Records a transfer that moved its bytes as a `file_accessed` event (`data` names the
 * operation); NOT_RECORDED, with `outcome`, when the store cannot (../not-recorded.ts).
 */
export async function recordTransfer(
  { audit, logger }: { audit: Audit; logger: Logger },
  client: ClientRecord,
  caller: Caller,
  data: { operation: string } & Record<string, unknown>,
  outcome: Record<string, unknown>,
): Promise<void> {
  await recordRan(
    audit,
    logger,
    { type: FleetEventType.fileAccessed, clientUuid: client.uuid, data, actor: actorOf(caller) },
    { operation: data.operation, clientId: client.clientId, outcome },
  );
}

/** Marks a transfer completed with what it moved. */
export function finishCompleted(progress: ProgressReporter, outcome: TransferOutcome): void {
  progress.finish({
    state: 'completed',
    bytesDone: outcome.size,
    totalBytes: outcome.size,
    sha256: outcome.sha256,
    resumedFrom: outcome.resumedFrom,
  });
}

/** Marks a transfer failed with what the gate mapped its error to; logs one that is a bug. */
export function finishFailed(
  progress: ProgressReporter,
  mapped: unknown,
  logger: Logger,
  transfer: { transferId: string; clientId: string },
): void {
  if (!(mapped instanceof AppError)) logger.error({ err: mapped, ...transfer }, 'transfer failed');
  progress.finish({ state: 'failed', error: asFailure(mapped) });
}
