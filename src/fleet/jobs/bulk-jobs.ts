// Bulk jobs: one command on every client a filter selects, as a job that outlives the request
// that started it. Starting returns the job at once (RUNNING); its results are recorded as they
// arrive (job-run.ts) and read as a page (`results`) or followed live from a cursor
// (`subscribe`: the recorded ones after the cursor, then the live ones, no gap, no duplicate,
// then the final state). Jobs a crash or a shutdown cut short end INTERRUPTED with what
// finished kept. The bulk rules of runCommandOnClients apply: a filter with at least one
// condition, at most MAX_BULK_TARGETS clients; each client's call goes through the gate.

import type { Fleet } from '../surface.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../../errors.js';
import { quote } from '../../lib/quote.js';
import { redactSecrets } from '../../lib/redact.js';
import { replayThenLive } from '../../lib/replay-then-live.js';
import { BulkJobStatus, type BulkJobRecord, type Store } from '../../store/index.js';
import type { Caller } from '../caller.js';
import type { ClientFilter } from '../client-filter.js';
import type { Idempotency } from '../idempotency.js';
import type { Principal } from '../principal.js';
import {
  DEFAULT_PARALLELISM,
  DEFAULT_TIMEOUT_S,
  MAX_BULK_TARGETS,
  MAX_JOB_ID_CHARS,
  MAX_JOB_RESULTS_PAGE,
  MAX_PARALLELISM,
} from '../limits.js';
import { bad, validateBulkFilter, validateCommand } from '../validation.js';
import { runJob, type JobRunDeps, type JobTarget, type RunningJob } from './job-run.js';
import {
  resultView,
  type BulkJobResultPage,
  type BulkJobUpdate,
  type BulkJobView,
  type StartBulkCommandInput,
} from './job-views.js';

/** Results read per statement when a subscriber replays from its cursor. */
const REPLAY_PAGE = 500;

export interface BulkJobsDeps extends JobRunDeps {
  store: Store;
  logger: Logger;
  idempotency: Idempotency;
  /** The clients a filter selects (at most `limit`). */
  select(filter: ClientFilter, limit: number): Promise<JobTarget[]>;
  /** Registers a job with the API key that started it: revoking (or expiry) cancels it. */
  hold(principal: Principal, end: (reason: string) => void): () => void;
  /** This server's name: the jobs it runs are its own to interrupt after a crash. */
  server: string;
}

/** A result cursor as given (a string of digits), as a number; 0 when absent. */
export function parseResultCursor(after: string | null | undefined, what = 'after'): number {
  if (after === null || after === undefined) return 0;
  if (!/^(0|[1-9]\d{0,15})$/.test(after)) {
    throw bad(
      `${what} must be a result cursor (a whole number: an edge's cursor of bulkJob.results, or a bulkJobProgress cursor); got ${quote(after, 40)}.`,
    );
  }
  return Number(after);
}

/** The filter as stored with the job: only the conditions given. */
function storedFilter(filter: ClientFilter): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined),
  );
}

export function createBulkJobs(deps: BulkJobsDeps) {
  const { store, logger, idempotency } = deps;
  const running = new Map<string, RunningJob>();

  function checkId(id: string): void {
    if (id.length === 0 || id.length > MAX_JOB_ID_CHARS)
      throw bad(`A bulk job id is 1 to ${MAX_JOB_ID_CHARS} characters (got ${id.length}).`);
  }

  function notFound(id: string): AppError {
    return new AppError(
      ErrorCode.notFound,
      `No bulk job ${quote(id, 64)}. A job's id is in the answer of startBulkCommand (CLI: etphonehome run --tags …).`,
      { id },
    );
  }

  async function get(id: string): Promise<BulkJobView> {
    checkId(id);
    const live = running.get(id);
    if (live) return live.view();
    const stored = await store.bulkJobs.get(id);
    if (!stored) throw notFound(id);
    return stored;
  }

  async function create(
    filter: ClientFilter,
    input: StartBulkCommandInput,
    parallelism: number,
    caller: Caller,
  ): Promise<BulkJobView> {
    const targets = await deps.select(filter, MAX_BULK_TARGETS + 1);
    if (targets.length > MAX_BULK_TARGETS)
      throw bad(
        `The filter matches more than ${MAX_BULK_TARGETS} clients; a bulk job takes at most ${MAX_BULK_TARGETS}. Narrow the filter.`,
      );
    const job: BulkJobRecord = {
      id: randomUUID(),
      status: BulkJobStatus.running,
      command: redactSecrets(input.cmd),
      cwd: input.cwd ?? null,
      timeoutS: input.timeout ?? DEFAULT_TIMEOUT_S,
      envNames: input.env ? Object.keys(input.env).sort() : null,
      filter: storedFilter(filter),
      parallelism,
      total: targets.length,
      succeeded: 0,
      failed: 0,
      notStarted: 0,
      actor: caller.actor,
      idempotencyKey: input.idempotencyKey ?? null,
      startedAt: new Date(),
      finishedAt: null,
      server: deps.server,
    };
    await store.bulkJobs.insert(job);
    const handle = runJob(
      deps,
      job,
      targets,
      { cmd: input.cmd, cwd: input.cwd, timeout: input.timeout, env: input.env },
      caller,
    );
    running.set(job.id, handle);
    // The key that started it holds it: revoked or expired, the job is cancelled as if asked.
    const release = caller.principal
      ? deps.hold(caller.principal, (reason) => {
          logger.info({ jobId: job.id, reason }, 'bulk job: cancelled, its API key ended');
          void handle.cancel();
        })
      : undefined;
    void handle.done.then(() => {
      running.delete(job.id);
      release?.();
    });
    logger.info(
      { jobId: job.id, total: job.total, parallelism, actor: caller.actor, command: job.command },
      'bulk job started',
    );
    // Nothing to run: the answer is the finished job rather than a RUNNING one that ends at once.
    if (targets.length === 0) await handle.done;
    return handle.view();
  }

  return {
    /** Starts the command on every client the filter selects; the job, at once. */
    async start(
      filter: ClientFilter,
      input: StartBulkCommandInput,
      caller: Caller,
    ): Promise<BulkJobView> {
      validateBulkFilter(filter);
      validateCommand(input);
      const parallelism = input.parallelism ?? DEFAULT_PARALLELISM;
      if (!Number.isInteger(parallelism) || parallelism < 1 || parallelism > MAX_PARALLELISM)
        throw bad(`parallelism must be from 1 to ${MAX_PARALLELISM} (got ${parallelism}).`);
      return idempotency.once({
        key: input.idempotencyKey,
        operation: 'startBulkCommand',
        args: {
          filter: storedFilter(filter),
          cmd: input.cmd,
          cwd: input.cwd,
          timeout: input.timeout ?? DEFAULT_TIMEOUT_S,
          env: input.env,
          parallelism,
        },
        caller,
        run: (detached) => create(filter, input, parallelism, detached),
        encode: (job) => job.id,
        decode: (id) => get(String(id)),
      });
    },

    get,

    /** Up to `first` results after the cursor `after`, in the order they arrived. */
    async results(id: string, first: number, after: string | null): Promise<BulkJobResultPage> {
      if (!Number.isInteger(first) || first < 0 || first > MAX_JOB_RESULTS_PAGE)
        throw bad(`first must be from 0 to ${MAX_JOB_RESULTS_PAGE} (got ${first}).`);
      const afterId = parseResultCursor(after);
      await get(id);
      const rows = await store.bulkJobs.results(id, { afterId, limit: first + 1 });
      return {
        results: rows.slice(0, first).map(resultView),
        hasNextPage: rows.length > first,
        totalCount: () => store.bulkJobs.countResults(id),
      };
    },

    /** Kills what still runs (on the clients) and marks the rest not started; the job after. */
    async cancel(id: string, caller: Caller): Promise<BulkJobView> {
      checkId(id);
      const live = running.get(id);
      if (!live) return get(id); // finished already: unchanged
      logger.info({ jobId: id, actor: caller.actor }, 'bulk job: cancel asked');
      await live.cancel();
      return live.view();
    },

    /**
     * The job's results after the cursor (recorded ones first, then live ones as they arrive,
     * each once), then its final state; the stream ends there.
     */
    async subscribe(
      id: string,
      after: string | null | undefined,
    ): Promise<AsyncIterableIterator<BulkJobUpdate>> {
      checkId(id);
      const cursor = parseResultCursor(after);
      // On the job's stream first (synchronously after the lookup), so nothing is missed.
      const current = running.get(id);
      const live = current ? current.follow() : finalOnly(() => get(id));
      if (!current && !(await store.bulkJobs.get(id))) throw notFound(id);
      return replayThenLive<BulkJobUpdate>({
        live,
        after: cursor,
        idOf: (update) => update.cursor,
        pageSize: REPLAY_PAGE,
        async readPage(afterId) {
          const rows = await store.bulkJobs.results(id, { afterId, limit: REPLAY_PAGE });
          const job = current?.view() ?? (await get(id));
          return rows.map((row) => ({ cursor: row.id, job, result: resultView(row) }));
        },
      });
    },

    /** A server starting: jobs a crash left RUNNING become INTERRUPTED, counted from results. */
    async recover(): Promise<void> {
      const ids = await store.bulkJobs.interruptRunning(new Date(), deps.server, true);
      if (ids.length > 0)
        logger.warn({ jobs: ids }, 'bulk jobs cut short by a restart: INTERRUPTED');
    },

    /** A server shutting down: running jobs stop (INTERRUPTED), what finished recorded. */
    async stop(): Promise<void> {
      await Promise.all([...running.values()].map((job) => job.interrupt()));
    },
  };
}

/** The stream of a job that is not running here: its final state once, then the end. */
function finalOnly(load: () => Promise<BulkJobView>): AsyncIterator<BulkJobUpdate> {
  let sent = false;
  return {
    async next() {
      if (sent) return { done: true, value: undefined };
      sent = true;
      return { done: false, value: { cursor: null, job: await load(), result: null } };
    },
    async return() {
      sent = true;
      return { done: true, value: undefined };
    },
  };
}

export type BulkJobs = ReturnType<typeof createBulkJobs>;

/** The jobs as the Fleet declares them. */
export function jobsApi(jobs: ReturnType<typeof createBulkJobs>): Fleet['jobs'] {
  const { start: startBulkCommand, get, results, cancel, subscribe } = jobs;
  return { startBulkCommand, get, results, cancel, subscribe };
}
