// Bulk jobs and their results. A job's row is written when it starts and when it stops; each
// client's outcome is a row of its own, written as outcomes arrive (several per statement), so
// that a crash keeps what finished. Result ids are the cursor of a job's results.

import type { Dialect } from '../dialect.js';
import type { BulkJobRepository } from '../index.js';
import {
  BulkJobStatus,
  BulkResultState,
  type BulkJobRecord,
  type BulkJobResultRecord,
  type BulkJobStatusName,
  type BulkResultStateName,
} from '../records.js';
import { chunks, type Sql } from '../sql.js';

/** Results per insert statement (each may carry up to 2 MiB of output). */
const RESULT_CHUNK = 100;

interface JobRow {
  id: string;
  status: string;
  command: string;
  cwd: string | null;
  timeout_s: number | string;
  env_names: unknown;
  filter: unknown;
  parallelism: number | string;
  total: number | string;
  succeeded: number | string;
  failed: number | string;
  not_started: number | string;
  actor: string | null;
  idempotency_key: string | null;
  started_at: unknown;
  finished_at: unknown;
  server: string | null;
}

interface ResultRow {
  id: number | string;
  job_id: string;
  client_uuid: string;
  client_id: string;
  state: string;
  returncode: number | string | null;
  stdout: string | null;
  stderr: string | null;
  timed_out: unknown;
  truncated: unknown;
  duration_ms: number | string | null;
  error_code: string | null;
  error_message: string | null;
  started_at: unknown;
  finished_at: unknown;
}

const numberOrNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

function toJob(row: JobRow, dialect: Dialect): BulkJobRecord {
  return {
    id: row.id,
    status: row.status as BulkJobStatusName,
    command: row.command,
    cwd: row.cwd,
    timeoutS: Number(row.timeout_s),
    envNames: row.env_names === null ? null : dialect.json<string[]>(row.env_names),
    filter: dialect.json<Record<string, unknown>>(row.filter),
    parallelism: Number(row.parallelism),
    total: Number(row.total),
    succeeded: Number(row.succeeded),
    failed: Number(row.failed),
    notStarted: Number(row.not_started),
    actor: row.actor,
    idempotencyKey: row.idempotency_key,
    startedAt: dialect.date(row.started_at),
    finishedAt: dialect.dateOrNull(row.finished_at),
    server: row.server ?? null,
  };
}

function toResult(row: ResultRow, dialect: Dialect): BulkJobResultRecord {
  return {
    id: Number(row.id),
    jobId: row.job_id,
    clientUuid: row.client_uuid,
    clientId: row.client_id,
    state: row.state as BulkResultStateName,
    returncode: numberOrNull(row.returncode),
    stdout: row.stdout,
    stderr: row.stderr,
    timedOut: dialect.boolOrNull(row.timed_out),
    truncated: dialect.boolOrNull(row.truncated),
    durationMs: numberOrNull(row.duration_ms),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    startedAt: dialect.dateOrNull(row.started_at),
    finishedAt: dialect.date(row.finished_at),
  };
}

/** How many of a job's results are in `state` (a correlated subquery on bulk_job). */
const countOf = (state: BulkResultStateName): string =>
  `(select count(*) from bulk_job_result r where r.job_id = bulk_job.id and r.state = '${state}')`;

export function createBulkJobRepository(sql: Sql): BulkJobRepository {
  const { dialect } = sql;
  return {
    async insert(job) {
      await sql.run(
        `insert into bulk_job (id, status, command, cwd, timeout_s, env_names, filter, parallelism,
           total, succeeded, failed, not_started, actor, idempotency_key, started_at, finished_at,
           server)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          job.id,
          job.status,
          job.command,
          job.cwd,
          job.timeoutS,
          job.envNames === null ? null : JSON.stringify(job.envNames),
          JSON.stringify(job.filter),
          job.parallelism,
          job.total,
          job.succeeded,
          job.failed,
          job.notStarted,
          job.actor,
          job.idempotencyKey,
          job.startedAt,
          job.finishedAt,
          job.server,
        ],
      );
    },

    async get(id) {
      const row = await sql.one<JobRow>('select * from bulk_job where id = ?', [id]);
      return row ? toJob(row, dialect) : null;
    },

    async finish(id, end) {
      await sql.run(
        `update bulk_job set status = ?, succeeded = ?, failed = ?, not_started = ?, finished_at = ?
          where id = ? and status = '${BulkJobStatus.running}'`,
        [end.status, end.succeeded, end.failed, end.notStarted, end.finishedAt, id],
      );
    },

    async interruptRunning(at, server, unowned = false) {
      const rows = await sql.all<{ id: string }>(
        `update bulk_job set status = '${BulkJobStatus.interrupted}', finished_at = ?,
           succeeded = ${countOf(BulkResultState.succeeded)},
           failed = ${countOf(BulkResultState.failed)},
           not_started = ${countOf(BulkResultState.notStarted)}
         where status = '${BulkJobStatus.running}'
           and (server = ?${unowned ? ' or server is null' : ''}) returning id`,
        [at, server],
      );
      return rows.map((row) => row.id);
    },

    async appendResults(results) {
      const out: BulkJobResultRecord[] = [];
      for (const slice of chunks(results, RESULT_CHUNK)) {
        const values = slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
        const params = slice.flatMap((r) => [
          r.jobId,
          r.clientUuid,
          r.clientId,
          r.state,
          r.returncode,
          r.stdout,
          r.stderr,
          r.timedOut,
          r.truncated,
          r.durationMs,
          r.errorCode,
          r.errorMessage,
          r.startedAt,
          r.finishedAt,
        ]);
        // RETURNING promises no order: each id is matched back by the job and client.
        const rows = await sql.all<{ id: number | string; job_id: string; client_uuid: string }>(
          `insert into bulk_job_result (job_id, client_uuid, client_id, state, returncode, stdout,
             stderr, timed_out, truncated, duration_ms, error_code, error_message, started_at,
             finished_at)
           values ${values} returning id, job_id, client_uuid`,
          params,
        );
        const ids = new Map(
          rows.map((row) => [`${row.job_id} ${row.client_uuid}`, Number(row.id)]),
        );
        for (const r of slice) {
          const id = ids.get(`${r.jobId} ${r.clientUuid}`);
          if (id === undefined) throw new Error(`no id returned for result ${r.clientUuid}`);
          out.push({ ...r, id });
        }
      }
      return out.sort((a, b) => a.id - b.id);
    },

    async results(jobId, { afterId, limit }) {
      const rows = await sql.all<ResultRow>(
        'select * from bulk_job_result where job_id = ? and id > ? order by id limit ?',
        [jobId, afterId, limit],
      );
      return rows.map((row) => toResult(row, dialect));
    },

    async countResults(jobId) {
      const row = await sql.one<{ n: number | string }>(
        'select count(*) as n from bulk_job_result where job_id = ?',
        [jobId],
      );
      return Number(row?.n ?? 0);
    },
  };
}
