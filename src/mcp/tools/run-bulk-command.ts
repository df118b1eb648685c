// run_bulk_command: one command on every client a filter selects, as a bulk job. GraphQL:
// startBulkCommand, then bulkJob until it finishes or wait_seconds pass; dry_run lists the
// targets (clients) instead. The job always carries an idempotency key (the caller's, or one
// made here and returned), so the same call again reads the same job instead of starting
// another: that is how a model follows a job that outlasts one call.

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { StartBulkCommandDocument } from '../../client/operations.js';
import { ErrorCode } from '../../errors.js';
import {
  DEFAULT_PARALLELISM,
  IDEMPOTENCY_KEY_PATTERN,
  MAX_COMMAND_BYTES,
  MAX_IDEMPOTENCY_KEY_CHARS,
  MAX_PARALLELISM,
} from '../../fleet/limits.js';
import { graphql } from '../../generated/gql.js';
import { clientFilterInput, toClientFilter } from '../client-filter.js';
import { ToolError, type Executor, type RequestOptions } from '../executor.js';
import { cwdInput, timeoutInput } from '../command-input.js';
import { defineTool } from '../tool.js';
import { cleanText } from '../untrusted.js';

/** Results returned in one reply (the rest: bulkJob(id).results in GraphQL). */
const MAX_RESULTS_SHOWN = 100;
/** Output kept per stream and client in the reply. */
const MAX_STREAM_CHARS = 2000;
const DEFAULT_WAIT_S = 60;
const MAX_WAIT_S = 600;
const POLL_MS = 500;

const TargetsDocument = graphql(`
  query McpBulkTargets($filter: ClientFilter) {
    clients(filter: $filter) {
      clientId
      displayName
      online
    }
  }
`);

const JobDocument = graphql(`
  query McpBulkJob($id: ID!, $first: Int) {
    bulkJob(id: $id) {
      id
      status
      finished
      total
      succeeded
      failed
      notStarted
      pending
      results(first: $first) {
        nodes {
          clientId
          state
          result {
            returncode
            stdout
            stderr
            timedOut
          }
          error {
            code
            message
          }
        }
      }
    }
  }
`);

type Filter = NonNullable<ReturnType<typeof toClientFilter>>;

function filterOf(args: Parameters<typeof toClientFilter>[0]): Filter {
  const filter = toClientFilter(args);
  if (!filter)
    throw new ToolError(
      ErrorCode.badUserInput,
      'run_bulk_command needs at least one filter condition (tags, query, purpose, capabilities or online_only); list_clients shows what there is.',
    );
  return filter;
}

/** The clients the filter selects now (what a dry run and a plan list). */
async function targetsOf(
  filter: Filter,
  executor: Executor,
  request: RequestOptions,
): Promise<{ client_id: string; online: boolean }[]> {
  const { clients } = await executor.request(TargetsDocument, { filter }, request);
  return clients.map((c) => ({ client_id: c.clientId, online: c.online }));
}

/** The output of a call that ran nothing (a dry run, a plan). */
function planData(targets: { client_id: string; online: boolean }[]) {
  return {
    dry_run: false,
    job_id: null,
    idempotency_key: null,
    status: null,
    total: targets.length,
    succeeded: 0,
    failed: 0,
    not_started: 0,
    pending: 0,
    targets,
    results: [],
  };
}

export const runBulkCommand = defineTool({
  name: 'run_bulk_command',
  title: 'Run a command on many clients (a bulk job)',
  description: `Runs a command line with /bin/sh -c on every client matching the filter (at least one condition), parallelism at a time, as a job on the server, and waits up to wait_seconds (default ${DEFAULT_WAIT_S}) for it to finish. Returns the job's status and counts, and each client's outcome (at most ${MAX_RESULTS_SHOWN}; output capped). If the job is still RUNNING, call again with the same arguments and the returned idempotency_key to read it again (it does not run twice). dry_run: true lists the clients it would run on and runs nothing. Offline clients fail unless online_only is true.`,
  input: {
    ...clientFilterInput,
    cmd: z.string().min(1).max(MAX_COMMAND_BYTES).describe('The command line, e.g. "uptime".'),
    cwd: cwdInput,
    timeout: timeoutInput(' on each client'),
    parallelism: z
      .number()
      .int()
      .min(1)
      .max(MAX_PARALLELISM)
      .default(DEFAULT_PARALLELISM)
      .describe(`Clients worked on at once (default ${DEFAULT_PARALLELISM}).`),
    wait_seconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_WAIT_S)
      .default(DEFAULT_WAIT_S)
      .describe('How long to wait for the job to finish before replying with what is done.'),
    idempotency_key: z
      .string()
      .min(1)
      .max(MAX_IDEMPOTENCY_KEY_CHARS)
      .regex(IDEMPOTENCY_KEY_PATTERN)
      .optional()
      .describe('Repeat a call with this key to read the same job instead of starting another.'),
    dry_run: z.boolean().default(false).describe('List the target clients; run nothing.'),
  },
  output: {
    dry_run: z.boolean(),
    job_id: z.string().nullable(),
    idempotency_key: z.string().nullable(),
    status: z.string().nullable(),
    total: z.number(),
    succeeded: z.number(),
    failed: z.number(),
    not_started: z.number(),
    pending: z.number(),
    targets: z.array(z.object({ client_id: z.string(), online: z.boolean() })),
    results: z.array(
      z.object({
        client_id: z.string(),
        state: z.string(),
        returncode: z.number().nullable(),
        stdout: z.string(),
        stderr: z.string(),
        timed_out: z.boolean(),
        error: z.object({ code: z.string(), message: z.string() }).nullable(),
      }),
    ),
  },
  annotations: {
    readOnlyHint: false,
    destructiveHint: true,
    idempotentHint: false,
    openWorldHint: true,
  },
  // Runs nothing without a confirmation: the plan is the dry run's list of targets.
  confirm: {
    skip: (args) => args.dry_run,
    idempotencyKey: (args) => args.idempotency_key,
    async plan(args, { executor, request }) {
      const targets = await targetsOf(filterOf(args), executor, request);
      return {
        summary: `run ${JSON.stringify(args.cmd)}${args.cwd ? ` in ${args.cwd}` : ''} on every client matching the filter (${targets.length} now), ${args.parallelism} at a time, timeout ${args.timeout} s each.`,
        targets,
        data: planData(targets),
      };
    },
  },
  async run(args, { executor, request }) {
    const filter = filterOf(args);
    if (args.dry_run) {
      const targets = await targetsOf(filter, executor, request);
      return {
        text: `Dry run: the command would run on ${targets.length} client(s); nothing was run.`,
        data: { ...planData(targets), dry_run: true },
      };
    }
    const key = args.idempotency_key ?? randomUUID();
    const { startBulkCommand } = await executor.request(
      StartBulkCommandDocument,
      {
        filter,
        cmd: args.cmd,
        cwd: args.cwd ?? null,
        timeout: args.timeout,
        parallelism: args.parallelism,
        idempotencyKey: key,
      },
      request,
    );
    const deadline = Date.now() + args.wait_seconds * 1000;
    for (;;) {
      const { bulkJob: job } = await executor.request(
        JobDocument,
        { id: startBulkCommand.id, first: MAX_RESULTS_SHOWN },
        request,
      );
      if (!job)
        throw new ToolError(ErrorCode.notFound, `Bulk job ${startBulkCommand.id} vanished.`);
      if (job.finished || Date.now() >= deadline) {
        const results = job.results.nodes.map((r) => ({
          client_id: r.clientId,
          state: r.state,
          returncode: r.result?.returncode ?? null,
          stdout: cleanText(r.result?.stdout ?? '', MAX_STREAM_CHARS),
          stderr: cleanText(r.result?.stderr ?? '', MAX_STREAM_CHARS),
          timed_out: r.result?.timedOut ?? false,
          error: r.error,
        }));
        const more = job.total > results.length && job.finished;
        return {
          text:
            `Bulk job ${job.id} is ${job.status}: ${job.succeeded} of ${job.total} client(s) exited 0, ${job.failed} failed, ${job.notStarted} not started, ${job.pending} pending.` +
            (job.finished
              ? ''
              : ` Call run_bulk_command again with idempotency_key "${key}" and the same arguments to read it again.`) +
            (more ? ` Only the first ${MAX_RESULTS_SHOWN} results are shown.` : ''),
          data: {
            dry_run: false,
            job_id: job.id,
            idempotency_key: key,
            status: job.status,
            total: job.total,
            succeeded: job.succeeded,
            failed: job.failed,
            not_started: job.notStarted,
            pending: job.pending,
            targets: [],
            results,
          },
        };
      }
      // A cancelled call stops polling at once (the job runs on; its key reads it again).
      await sleep(POLL_MS, undefined, request.signal ? { signal: request.signal } : {});
    }
  },
});
