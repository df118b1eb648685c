// Bulk commands (run, clients update, clients configure over --tags/--query …): the targets of a
// filter, --dry-run, one line per client, and the exit status (1 when any client failed).

import { GraphQLRequestError, type GraphQLClient } from '../client/index.js';
import { ErrorCode } from '../errors.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import { graphql } from '../generated/gql.js';
import type { CliClientFieldsFragment, ClientFilter } from '../generated/graphql.js';
import { clientName, clientState } from './format.js';
import { CommandError, printJson, printTable, styleFor, type CommandIO } from './output.js';

const TargetsDocument = graphql(`
  query CliBulkTargets($filter: ClientFilter) {
    clients(filter: $filter) {
      ...CliClientFields
    }
  }
`);

/**
 * Clients `clients update` and `clients configure` work on at once when they go client by client
 * (the CLI's own pace of requests; `run` hands its parallelism to the server instead).
 */
export const BULK_PARALLEL = 8;

export async function findTargets(
  gql: GraphQLClient,
  filter: ClientFilter,
): Promise<CliClientFieldsFragment[]> {
  return (await gql.request(TargetsDocument, { filter })).clients;
}

/** --dry-run: the clients the command would act on, and nothing else. */
export function printDryRun(
  io: CommandIO,
  json: boolean | undefined,
  action: string,
  targets: CliClientFieldsFragment[],
): number {
  if (json) {
    printJson(io, { dryRun: true, action, count: targets.length, targets });
    return 0;
  }
  const style = styleFor(io);
  io.err(`Dry run: would ${action} on ${targets.length} client(s); nothing changed.`);
  printTable(
    io,
    ['CLIENT', 'STATE', 'UUID'],
    targets.map((c) => [clientName(c), clientState(c, style), c.uuid]),
  );
  return 0;
}

export interface Outcome {
  client: CliClientFieldsFragment;
  ok: boolean;
  /** What happened, for the table (exit status, "updated", the error message …). */
  detail: string;
  error: { code: string; message: string } | null;
}

/** One row per client, a summary on stderr; exit 1 when any failed. */
export function finishOutcomes(
  io: CommandIO,
  outcomes: Outcome[],
  json: boolean | undefined,
  extra?: (o: Outcome) => unknown,
): number {
  const failed = outcomes.filter((o) => !o.ok).length;
  if (json) {
    printJson(io, {
      total: outcomes.length,
      succeeded: outcomes.length - failed,
      failed,
      results: outcomes.map((o) => ({
        client: o.client,
        ok: o.ok,
        error: o.error,
        ...(extra ? { result: extra(o) } : {}),
      })),
    });
  } else {
    const style = styleFor(io);
    printTable(
      io,
      ['CLIENT', 'RESULT', 'DETAIL'],
      outcomes.map((o) => [
        clientName(o.client),
        o.ok ? style.green('ok') : style.red(o.error?.code ?? 'failed'),
        o.detail,
      ]),
    );
    io.err(
      `${outcomes.length - failed} of ${outcomes.length} client(s) succeeded, ${failed} failed.`,
    );
  }
  return failed > 0 ? 1 : 0;
}

/** A per-client failure of a bulk command as an outcome (unexpected errors are rethrown). */
export function failedOutcome(client: CliClientFieldsFragment, error: unknown): Outcome {
  if (!(error instanceof GraphQLRequestError)) throw error;
  const code = error.code ?? ErrorCode.internal;
  return { client, ok: false, detail: error.message, error: { code, message: error.message } };
}

/** Applies `change` to each target, `parallel` at a time; a refusal is that client's outcome. */
export function runEach(
  targets: CliClientFieldsFragment[],
  parallel: number,
  change: (
    target: CliClientFieldsFragment,
  ) => Promise<{ client: CliClientFieldsFragment; detail: string }>,
): Promise<Outcome[]> {
  return mapWithConcurrency(targets, parallel, async (target): Promise<Outcome> => {
    try {
      return { ...(await change(target)), ok: true, error: null };
    } catch (error) {
      return failedOutcome(target, error);
    }
  });
}

export function noTargets(action: string): CommandError {
  return new CommandError(
    ErrorCode.notFound,
    `No client matches the selectors, so nothing to ${action}. Check them with "etphonehome clients list" and the same --tags/--query.`,
  );
}
