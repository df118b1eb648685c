// The bulk side of `etphonehome run --tags … -- cmd`: the command runs as a bulk job on the
// server (startBulkCommand) and each client's result is printed as it arrives (bulkJobProgress,
// resumed from the last result's cursor when the link comes back), with a progress line on a
// terminal's stderr. The first Ctrl-C cancels the job (what runs is killed on the clients, the
// rest is not started) and prints what finished; a second one leaves without waiting.

import { randomUUID } from 'node:crypto';
import { createGraphQLClient, followSubscription, type Connection } from '../../client/index.js';
import { StartBulkCommandDocument } from '../../client/operations.js';
import { graphql } from '../../generated/gql.js';
import type {
  CliBulkJobProgressSubscription,
  EnvironmentVariableInput,
  ClientFilter,
} from '../../generated/graphql.js';
import { noTargets, tagCaseHint } from '../bulk.js';
import { clientName } from '../format.js';
import { printJson, printTable, styleFor, type CommandIO } from '../output.js';

/** Exit status after Ctrl-C cancelled the job (128 + SIGINT, as shells report it). */
const CANCELLED_EXIT = 130;

const ProgressDocument = graphql(`
  subscription CliBulkJobProgress($id: ID!, $after: ID) {
    bulkJobProgress(id: $id, after: $after) {
      cursor
      job {
        status
        total
        succeeded
        failed
        notStarted
      }
      result {
        client {
          ...ClientFields
        }
        ok
        result {
          ...CommandResultFields
        }
        error {
          code
          message
        }
      }
    }
  }
`);

const CancelDocument = graphql(`
  mutation CliCancelBulkJob($id: ID!) {
    cancelBulkJob(id: $id) {
      status
    }
  }
`);

type Progress = CliBulkJobProgressSubscription['bulkJobProgress'];
type JobResult = NonNullable<Progress['result']>;

export interface BulkRunInput {
  filter: ClientFilter;
  cmd: string;
  cwd: string | null;
  env?: EnvironmentVariableInput[];
  timeout?: number;
  parallelism: number;
}

/** Runs the command as a job, printing results as they arrive; the exit status. */
export async function runAsJob(
  io: CommandIO,
  connection: Connection,
  json: boolean,
  input: BulkRunInput,
): Promise<number> {
  const gql = createGraphQLClient(connection);
  // Listened for before the job starts: a Ctrl-C while it is being started cancels it once its
  // id is known (left to the default, it would end the CLI and leave the job running).
  const interrupted = io.interrupted?.();
  // A key per invocation: a request retried on a flaky link starts the job once.
  const { startBulkCommand: job } = await gql.request(StartBulkCommandDocument, {
    ...input,
    idempotencyKey: randomUUID(),
  });
  if (job.total === 0) throw noTargets('run', await tagCaseHint(gql, input.filter.tags));

  const style = styleFor(io);
  const tty = io.stderrIsTTY === true && !json;
  const results: JobResult[] = [];
  let lastCursor: string | null = null;
  let final: Progress['job'] | null = null;
  let cancelled = false;

  const stopped = new AbortController();
  const onInterrupt = (): void => {
    cancelled = true;
    if (tty) io.progress?.('\r\x1b[K');
    io.err(`Cancelling job ${job.id} (Ctrl-C again to leave without waiting)…`);
    gql.request(CancelDocument, { id: job.id }).catch((error: unknown) => {
      io.err(`Could not cancel job ${job.id}: ${(error as Error).message}`);
      stopped.abort();
    });
  };
  if (interrupted?.aborted) onInterrupt();
  else interrupted?.addEventListener('abort', onInterrupt, { once: true });

  const printResult = (r: JobResult): void => {
    if (json) return;
    const status = r.error
      ? style.red(`${r.error.code}: ${r.error.message}`)
      : r.result?.returncode === 0
        ? style.green(`exit 0, ${r.result.durationMs} ms`)
        : style.red(
            `exit ${r.result?.returncode}${r.result?.timedOut ? ' (timed out)' : ''}, ${r.result?.durationMs} ms`,
          );
    if (tty) io.progress?.('\r\x1b[K');
    io.out(style.bold(`── ${clientName(r.client)}: `) + status);
    // The command's own output, as it is (as ssh passes it).
    if (r.result?.stdout) (io.write ?? io.out)(withNewline(r.result.stdout));
    if (r.result?.stderr) (io.writeErr ?? io.err)(withNewline(r.result.stderr));
  };

  try {
    await followSubscription(connection, {
      document: ProgressDocument,
      variables: { id: job.id, after: null },
      resumeVariables: () => ({ id: job.id, after: lastCursor }),
      signal: stopped.signal,
      onData({ bulkJobProgress: p }) {
        if (p.result) {
          results.push(p.result);
          lastCursor = p.cursor ?? lastCursor;
          printResult(p.result);
        }
        if (tty && p.job.status === 'RUNNING')
          io.progress?.(
            `\r${results.length}/${p.job.total} done: ${p.job.succeeded} ok, ${p.job.failed} failed\x1b[K`,
          );
        if (!p.result) final = p.job;
      },
    });
  } finally {
    interrupted?.removeEventListener('abort', onInterrupt);
  }
  if (tty) io.progress?.('\r\x1b[K');
  const end = final as Progress['job'] | null;
  const succeeded = end?.succeeded ?? results.filter((r) => r.ok).length;
  const failed = end?.failed ?? results.length - succeeded;
  const notStarted = end?.notStarted ?? 0;
  if (json) {
    printJson(io, {
      total: job.total,
      succeeded,
      failed: failed + notStarted,
      results: results.map((r) => ({
        client: r.client,
        ok: r.ok,
        result: r.result,
        error: r.error,
      })),
    });
  } else {
    io.out('');
    printTable(
      io,
      ['CLIENT', 'RESULT'],
      results.map((r) => [
        clientName(r.client),
        r.error
          ? style.red(r.error.code)
          : r.result?.returncode === 0
            ? style.green('exit 0')
            : style.red(`exit ${r.result?.returncode}`),
      ]),
    );
    io.err(
      `${succeeded} of ${job.total} client(s) exited 0, ${failed + notStarted} failed.` +
        (end && end.status !== 'COMPLETED' ? ` Job ${job.id} ${end.status.toLowerCase()}.` : ''),
    );
  }
  if (cancelled) return CANCELLED_EXIT;
  return failed + notStarted > 0 || succeeded < job.total ? 1 : 0;
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
