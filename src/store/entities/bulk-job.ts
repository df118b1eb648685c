// Bulk jobs: one command run on every client a filter selected, outliving the request that
// started it. The row holds what was asked and the counts; each client's outcome is a row of
// bulk_job_result. A job still RUNNING when a server starts was cut short by a crash or a
// restart: it becomes INTERRUPTED, with what finished kept.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const BulkJobEntity = defineEntity({
  name: 'BulkJob',
  tableName: 'bulk_job',
  properties: {
    id: p.string().length(36).primary(),
    /** RUNNING, COMPLETED, CANCELLED or INTERRUPTED. */
    status: p.string().length(16).index(),
    /** The command line with secrets redacted (the job runs from what the request held). */
    command: p.text(),
    cwd: p.text().nullable(),
    timeoutS: p.integer(),
    /** Names of the environment variables set (their values are not kept). */
    envNames: p.json<string[]>().nullable(),
    /** The client filter as given. */
    filter: p.json<Record<string, unknown>>(),
    parallelism: p.integer(),
    total: p.integer(),
    succeeded: p.integer().default(0),
    failed: p.integer().default(0),
    notStarted: p.integer().default(0),
    actor: p.string().length(256).nullable(),
    idempotencyKey: p.string().length(255).nullable(),
    startedAt: p.datetime().index(),
    finishedAt: p.datetime().nullable(),
    /** The server running it (issue 14): only it, or a survivor once it is gone, interrupts it. */
    server: p.string().length(255).nullable(),
  },
});

export type BulkJob = InferEntity<typeof BulkJobEntity>;
