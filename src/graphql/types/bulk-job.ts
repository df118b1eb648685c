// Bulk jobs: a command run on every client a filter selects, as a job that outlives the request
// that started it — started (startBulkCommand), read with its results as a connection
// (bulkJob), followed as results arrive (bulkJobProgress, resumable from a cursor), cancelled
// (cancelBulkJob). The contract fixes these names and runCommand-style arguments.

import {
  BulkJobStatus,
  BulkResultState,
  type BulkJobResultPage,
  type BulkJobResultView,
  type BulkJobUpdate,
  type BulkJobView,
  type ClientView,
} from '../../fleet/index.js';
import { AppError, ErrorCode } from '../../errors.js';
import {
  DEFAULT_JOB_RESULTS_PAGE,
  MAX_BULK_TARGETS,
  MAX_JOB_RESULTS_PAGE,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { idOrNull } from '../ids.js';
import { withFreshLoaders } from '../subscription-event.js';
import type { GraphQLContext } from '../context.js';
import { bulkCommandArgs } from './bulk.js';
import { ClientFilterInput, ClientRef } from './client.js';
import { PageInfoRef } from './client-connection.js';
import { CommandResultRef, toEnvRecord } from './command.js';
import { idempotencyKeyDescription } from './idempotency-key.js';
import { OperationErrorRef } from './operation-error.js';

export const BulkJobStatusEnum = builder.enumType('BulkJobStatus', {
  description: 'Where a bulk job stands.',
  values: {
    RUNNING: { value: BulkJobStatus.running, description: 'Clients are being worked on.' },
    COMPLETED: {
      value: BulkJobStatus.completed,
      description: 'Every client has an outcome (check succeeded and failed).',
    },
    CANCELLED: {
      value: BulkJobStatus.cancelled,
      description:
        'Stopped by cancelBulkJob: what ran was killed on the clients, the rest not started.',
    },
    INTERRUPTED: {
      value: BulkJobStatus.interrupted,
      description:
        'Cut short by a server restart or shutdown; the results recorded before it are kept.',
    },
  } as const,
});

export const BulkJobResultStateEnum = builder.enumType('BulkJobResultState', {
  description: 'One client’s outcome in a bulk job.',
  values: {
    SUCCEEDED: { value: BulkResultState.succeeded, description: 'Ran and exited 0.' },
    FAILED: {
      value: BulkResultState.failed,
      description: 'Exited non-zero, or did not run or finish (see error).',
    },
    NOT_STARTED: {
      value: BulkResultState.notStarted,
      description: 'Never started: the job was cancelled or interrupted first.',
    },
  } as const,
});

async function clientOf(uuid: string, ctx: GraphQLContext): Promise<ClientView> {
  const client = await ctx.loaders.clientByUuid.load(uuid);
  if (!client) throw new Error(`bulk job result names unknown client ${uuid}`);
  return client;
}

export const BulkJobResultRef = builder.objectRef<BulkJobResultView>('BulkJobResult');
BulkJobResultRef.implement({
  description:
    'One client’s outcome in a bulk job: a CommandResult when the command ran, an OperationError when it did not run or finish.',
  fields: (t) => ({
    cursor: t.id({
      description:
        'Its position among the job’s results (increasing): pass it as bulkJobProgress(after:) or results(after:) to continue after it.',
      resolve: (r) => String(r.cursor),
    }),
    client: t.field({
      type: ClientRef,
      description: 'The client, as it is now.',
      resolve: (r, _args, ctx) => clientOf(r.clientUuid, ctx),
    }),
    clientId: t.exposeString('clientId', { description: 'The client’s clientId when it ran.' }),
    state: t.field({
      type: BulkJobResultStateEnum,
      description: 'SUCCEEDED, FAILED or NOT_STARTED.',
      resolve: (r) => r.state,
    }),
    ok: t.boolean({
      description: 'True when the command ran and exited 0.',
      resolve: (r) => r.state === BulkResultState.succeeded,
    }),
    result: t.field({
      type: CommandResultRef,
      nullable: true,
      description: 'The command’s outcome (check returncode); null when it did not run or finish.',
      resolve: (r) => r.result,
    }),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description: 'Why it did not run or finish on this client; null when it ran.',
      resolve: (r) => r.error,
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the call to the client started; null when it never started.',
      resolve: (r) => r.startedAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      description: 'When its outcome was known.',
      resolve: (r) => r.finishedAt,
    }),
  }),
});

const BulkJobResultEdgeRef = builder.objectRef<BulkJobResultView>('BulkJobResultEdge');
BulkJobResultEdgeRef.implement({
  description: 'One result in a page, with its cursor.',
  fields: (t) => ({
    cursor: t.string({
      description: 'Pass as `after` to continue after this result.',
      resolve: (r) => String(r.cursor),
    }),
    node: t.field({ type: BulkJobResultRef, description: 'The result.', resolve: (r) => r }),
  }),
});

const BulkJobResultsConnectionRef = builder.objectRef<BulkJobResultPage>(
  'BulkJobResultsConnection',
);
BulkJobResultsConnectionRef.implement({
  description: 'A page of a job’s results, in the order they arrived.',
  fields: (t) => ({
    edges: t.field({
      type: [BulkJobResultEdgeRef],
      description: 'The results of this page with their cursors.',
      resolve: (page) => page.results,
    }),
    nodes: t.field({
      type: [BulkJobResultRef],
      description: 'The results of this page.',
      resolve: (page) => page.results,
    }),
    pageInfo: t.field({
      type: PageInfoRef,
      description: 'Whether more follow, and the cursor to continue from.',
      resolve: (page) => {
        const last = page.results[page.results.length - 1];
        return { hasNextPage: page.hasNextPage, endCursor: last ? String(last.cursor) : null };
      },
    }),
    totalCount: t.int({
      description: 'How many results the job has recorded so far.',
      resolve: (page) => page.totalCount(),
    }),
  }),
});

export const BulkJobRef = builder.objectRef<BulkJobView>('BulkJob');
BulkJobRef.implement({
  description:
    'A command run on every client a filter selected, as a job: it outlives the request that started it, records each client’s outcome as it arrives, and survives a server restart as INTERRUPTED with what finished kept.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'The job’s id (bulkJob, bulkJobProgress, cancelBulkJob).',
    }),
    status: t.field({
      type: BulkJobStatusEnum,
      description: 'RUNNING, COMPLETED, CANCELLED or INTERRUPTED.',
      resolve: (job) => job.status,
    }),
    command: t.exposeString('command', {
      description: 'The command line, with secrets (passwords, tokens) redacted.',
    }),
    cwd: t.exposeString('cwd', { nullable: true, description: 'The working directory asked.' }),
    timeoutSeconds: t.exposeInt('timeoutS', {
      description: 'Seconds before the command is killed on each client.',
    }),
    envNames: t.stringList({
      description: 'Names of the environment variables set (their values are not kept).',
      resolve: (job) => job.envNames ?? [],
    }),
    filter: t.field({
      type: 'JSON',
      description: 'The client filter the job was started with.',
      resolve: (job) => job.filter,
    }),
    parallelism: t.exposeInt('parallelism', { description: 'Clients worked on at once.' }),
    total: t.exposeInt('total', { description: 'Clients the filter selected.' }),
    succeeded: t.exposeInt('succeeded', { description: 'Clients where it ran and exited 0.' }),
    failed: t.exposeInt('failed', {
      description: 'Clients where it exited non-zero, or did not run or finish.',
    }),
    notStarted: t.exposeInt('notStarted', {
      description: 'Clients never started on (the job was cancelled or interrupted first).',
    }),
    pending: t.int({
      description:
        'Clients without an outcome yet (running or waiting); after INTERRUPTED, those whose outcome is unknown.',
      resolve: (job) => job.total - job.succeeded - job.failed - job.notStarted,
    }),
    finished: t.boolean({
      description: 'True once the job is no longer RUNNING.',
      resolve: (job) => job.status !== BulkJobStatus.running,
    }),
    actor: t.exposeString('actor', {
      nullable: true,
      description: 'Who started it (door and address).',
    }),
    idempotencyKey: t.exposeString('idempotencyKey', {
      nullable: true,
      description: 'The idempotency key it was started with, if any.',
    }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When it started.',
      resolve: (job) => job.startedAt,
    }),
    finishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it stopped; null while RUNNING.',
      resolve: (job) => job.finishedAt,
    }),
    results: t.field({
      type: BulkJobResultsConnectionRef,
      description:
        'Its results so far, in the order they arrived, a page at a time: pass pageInfo.endCursor as `after` for the next page.',
      args: {
        first: t.arg.int({
          required: false,
          defaultValue: DEFAULT_JOB_RESULTS_PAGE,
          description: `Page size (0 to ${MAX_JOB_RESULTS_PAGE}).`,
        }),
        after: t.arg.string({
          required: false,
          description: 'Start after this cursor (pageInfo.endCursor, or a result’s cursor).',
        }),
      },
      resolve: (job, args, ctx) =>
        ctx.fleet.jobs.results(job.id, args.first ?? DEFAULT_JOB_RESULTS_PAGE, args.after ?? null),
    }),
  }),
});

const BulkJobProgressRef = builder.objectRef<BulkJobUpdate>('BulkJobProgress');
BulkJobProgressRef.implement({
  description:
    'One message of bulkJobProgress: a client’s result as it arrived, with the job as it is now; the last message has no result and carries the job’s final state.',
  fields: (t) => ({
    cursor: t.id({
      nullable: true,
      description:
        'The result’s cursor: resubscribe with after: this to miss nothing. Null on the final message.',
      resolve: (u) => (u.cursor === null ? null : String(u.cursor)),
    }),
    job: t.field({
      type: BulkJobRef,
      description: 'The job: its status and counts.',
      resolve: (u) => u.job,
    }),
    result: t.field({
      type: BulkJobResultRef,
      nullable: true,
      description: 'The client’s result; null on the final message.',
      resolve: (u) => u.result,
    }),
  }),
});

const jobIdArg = 'The job’s id (from startBulkCommand).';

builder.queryFields((t) => ({
  bulkJob: t.field({
    type: BulkJobRef,
    nullable: true,
    description: 'A bulk job, with its counts and results; null when there is no such job.',
    args: { id: t.arg.id({ required: true, description: jobIdArg }) },
    resolve: async (_root, args, ctx) => {
      try {
        return await ctx.fleet.jobs.get(String(args.id));
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.notFound) return null;
        throw error;
      }
    },
  }),
}));

builder.mutationFields((t) => ({
  startBulkCommand: t.field({
    type: BulkJobRef,
    description: `Starts one command on every client matching the filter (at least one condition; at most ${MAX_BULK_TARGETS} clients), parallelism at a time, and returns the job at once (RUNNING). Follow it with bulkJobProgress(id), read it with bulkJob(id), stop it with cancelBulkJob(id). Each client’s call goes through the same checks as runCommand (rate limits, key mismatch, allowedPaths) and is recorded as command_executed. With idempotencyKey, a repeat returns the same job. MCP: run_bulk_command.`,
    args: {
      filter: t.arg({
        type: ClientFilterInput,
        required: true,
        description:
          'Which clients (at least one condition); add onlineOnly: true to skip offline clients rather than report them.',
      }),
      ...bulkCommandArgs,
      idempotencyKey: t.arg.string({ required: false, description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.jobs.startBulkCommand(
        args.filter,
        {
          cmd: args.cmd,
          cwd: args.cwd,
          timeout: args.timeout,
          env: toEnvRecord(args.env),
          parallelism: args.parallelism,
          idempotencyKey: args.idempotencyKey,
        },
        ctx.caller,
      ),
  }),
  cancelBulkJob: t.field({
    type: BulkJobRef,
    description:
      'Stops a running job: the commands still running are killed on their clients, the clients not started yet are marked NOT_STARTED; returns the job once it has stopped (CANCELLED). A job that already stopped is returned unchanged.',
    args: { id: t.arg.id({ required: true, description: jobIdArg }) },
    resolve: (_root, args, ctx) => ctx.fleet.jobs.cancel(String(args.id), ctx.caller),
  }),
}));

builder.subscriptionFields((t) => ({
  bulkJobProgress: t.field({
    type: BulkJobProgressRef,
    description:
      'A job’s results as they arrive, one message each, then a last message with its final state; the stream ends there. With after (a result’s cursor), the results recorded after it come first, so a reconnecting monitor misses nothing and sees nothing twice. A job that has stopped sends its results after the cursor, then its final state.',
    args: {
      id: t.arg.id({ required: true, description: jobIdArg }),
      after: t.arg.id({
        required: false,
        description: 'Resume after this result cursor; without it, from the job’s first result.',
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.fleet.jobs.subscribe(String(args.id), idOrNull(args.after)),
    resolve: withFreshLoaders,
  }),
}));
