// One client's outcome in a bulk job, written when it is known (in the order outcomes arrive:
// the id is the cursor of bulkJob.results and bulkJobProgress). A command that ran has its
// returncode and output; one that did not has an error code and message.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const BulkJobResultEntity = defineEntity({
  name: 'BulkJobResult',
  tableName: 'bulk_job_result',
  // A job's results in order, from a cursor.
  indexes: [{ properties: ['jobId', 'id'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    jobId: p.string().length(36),
    clientUuid: p.string().length(36),
    /** The client's clientId when the job ran. */
    clientId: p.string().length(160),
    /** SUCCEEDED (exit 0), FAILED (non-zero exit, or an error) or NOT_STARTED. */
    state: p.string().length(16),
    returncode: p.integer().nullable(),
    stdout: p.text().nullable(),
    stderr: p.text().nullable(),
    timedOut: p.boolean().nullable(),
    truncated: p.boolean().nullable(),
    durationMs: p.integer().nullable(),
    errorCode: p.string().length(64).nullable(),
    errorMessage: p.text().nullable(),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime(),
  },
});

export type BulkJobResult = InferEntity<typeof BulkJobResultEntity>;
