// The record of an operation that already ran on a client. When the store cannot write it (a
// full disk, a read-only file system), the caller must not take the failure for "nothing
// happened": a retry would run it twice (issue 17 item 12). The answer is NOT_RECORDED, which
// says it ran and carries what is known of the outcome; the cause goes to the server's log.

import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { Actor, Audit } from './audit.js';
import type { FleetEvent, FleetEventTypeName } from './event-types.js';

/** The store's error code (SQLITE_FULL, ENOSPC, a PostgreSQL SQLSTATE …), when it has one. */
function causeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code) ? code : 'store error';
}

export interface RanOperation {
  operation: string;
  clientId: string;
  /** What is known of the outcome, for the caller (e.g. { returncode: 0 }). */
  outcome?: Record<string, unknown>;
}

/** Records the event of an operation that ran; NOT_RECORDED when the store cannot. */
export async function recordRan(
  audit: Audit,
  logger: Logger,
  event: {
    type: FleetEventTypeName;
    clientUuid: string;
    data: Record<string, unknown>;
    actor: Actor | string | null;
  },
  ran: RanOperation,
): Promise<FleetEvent> {
  try {
    return await audit.record(event.type, event.clientUuid, event.data, event.actor);
  } catch (error) {
    const cause = causeOf(error);
    logger.error(
      { err: error, clientId: ran.clientId, operation: ran.operation, event: event.type },
      'an operation ran but its event could not be recorded',
    );
    throw new AppError(
      ErrorCode.notRecorded,
      `${ran.operation} ran on client "${ran.clientId}", but the server could not record it (${cause}: is its disk full?). Do not retry as if it had not run: check on the client what it did, and free space on the server.`,
      { ran: true, operation: ran.operation, clientId: ran.clientId, cause, ...ran.outcome },
    );
  }
}
