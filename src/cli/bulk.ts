// Bulk commands (run, clients update, clients configure over --tags/--query …): the targets of a
// filter, --dry-run, one line per client, and the exit status (1 when any client failed); and a
// change to one named client or, with selectors instead, to many.

import {
  connect,
  GraphQLRequestError,
  type ConnectionFlags,
  type GraphQLClient,
} from '../client/index.js';
import { ErrorCode } from '../errors.js';
import { mapWithConcurrency } from '../lib/map-with-concurrency.js';
import { graphql } from '../generated/gql.js';
import type { ClientFieldsFragment, ClientFilter } from '../generated/graphql.js';
import { readParallel } from './args.js';
import { clientName, clientState } from './format.js';
import {
  CommandError,
  printFields,
  printJson,
  printTable,
  styleFor,
  UsageError,
  type CommandIO,
} from './output.js';

const TargetsDocument = graphql(`
  query CliBulkTargets($filter: ClientFilter) {
    clients(filter: $filter) {
      ...ClientFields
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
): Promise<ClientFieldsFragment[]> {
  return (await gql.request(TargetsDocument, { filter })).clients;
}

/** --dry-run: the clients the command would act on, and nothing else. */
export function printDryRun(
  io: CommandIO,
  json: boolean | undefined,
  action: string,
  targets: ClientFieldsFragment[],
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
  client: ClientFieldsFragment;
  ok: boolean;
  /** What happened, for the table (exit status, "updated", the error message …). */
  detail: string;
  /**
   * Whether the change altered the client, or it already matched (issue 17 item 21); absent
   * when the command cannot tell.
   */
  changed?: boolean | undefined;
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
        ...(o.changed !== undefined ? { changed: o.changed } : {}),
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
        o.changed === undefined
          ? o.detail
          : `${o.changed ? 'changed' : style.dim('already matched')}: ${o.detail}`,
      ]),
    );
    const known = outcomes.filter((o) => o.ok && o.changed !== undefined);
    const changed = known.filter((o) => o.changed).length;
    const split =
      known.length > 0 ? ` (${changed} changed, ${known.length - changed} already matched)` : '';
    io.err(
      `${outcomes.length - failed} of ${outcomes.length} client(s) succeeded${split}, ${failed} failed.`,
    );
  }
  return failed > 0 ? 1 : 0;
}

/** A per-client failure of a bulk command as an outcome (unexpected errors are rethrown). */
export function failedOutcome(client: ClientFieldsFragment, error: unknown): Outcome {
  if (!(error instanceof GraphQLRequestError)) throw error;
  const code = error.code ?? ErrorCode.internal;
  const message = error.messageFor('cli');
  return { client, ok: false, detail: message, error: { code, message } };
}

/** Applies `change` to each target, `parallel` at a time; a refusal is that client's outcome. */
export function runEach(
  targets: ClientFieldsFragment[],
  parallel: number,
  change: (
    target: ClientFieldsFragment,
  ) => Promise<{ client: ClientFieldsFragment; detail: string }>,
): Promise<Outcome[]> {
  return mapWithConcurrency(targets, parallel, async (target): Promise<Outcome> => {
    try {
      return { ...(await change(target)), ok: true, error: null };
    } catch (error) {
      return failedOutcome(target, error);
    }
  });
}

const TagNamesDocument = graphql(`
  query CliTagNames {
    tags {
      name
    }
  }
`);

/**
 * Tags match exactly, case included (docs/design/0003-api-conventions.md): when a selector tag
 * is carried by no client but a tag differing only in case is, the sentence that says so.
 */
export async function tagCaseHint(
  gql: GraphQLClient,
  tags: readonly string[] | null | undefined,
): Promise<string> {
  if (!tags || tags.length === 0) return '';
  const known = (await gql.request(TagNamesDocument, {})).tags.map((t) => t.name);
  const hints = tags.flatMap((tag) => {
    if (known.includes(tag)) return [];
    const other = known.filter((name) => name.toLowerCase() === tag.toLowerCase());
    return other.length > 0
      ? [`no client carries "${tag}", but ${other.map((o) => `"${o}"`).join(' and ')} exists`]
      : [];
  });
  return hints.length > 0
    ? ` Tags match exactly, case included: ${hints.join('; ')}. Select with the tag as spelled in "etphonehome clients list".`
    : '';
}

export function noTargets(action: string, hint = ''): CommandError {
  return new CommandError(
    ErrorCode.notFound,
    `No client matches the selectors, so nothing to ${action}.${hint || ' Check them with "etphonehome clients list" and the same --tags/--query.'}`,
  );
}

/** The flags of a bulk change, as parsed (bulkOptions and commonOptions). */
export interface BulkFlags extends ConnectionFlags {
  json?: boolean | undefined;
  'dry-run'?: boolean | undefined;
  parallel?: string | undefined;
}

type Change = { client: ClientFieldsFragment; detail: string; changed?: boolean | undefined };

/** How a bulk change is made: its words, and the change in one request or client by client. */
export interface BulkPlan {
  /** What --dry-run says it would do: "update metadata". */
  action: string;
  /** What no match leaves undone: "update". */
  verb: string;
  /** The change in one request; `targets` are the clients as they were before it. */
  all?: ((gql: GraphQLClient, targets: ClientFieldsFragment[]) => Promise<Change[]>) | undefined;
  each(gql: GraphQLClient, target: ClientFieldsFragment): Promise<Change>;
}

/**
 * A change over every client `filter` selects (clients update, clients configure): --dry-run
 * prints the targets and changes nothing; no match is NOT_FOUND; otherwise `all` makes the change
 * in one request when it can, else `each` runs per client, --parallel at a time. One outcome per
 * client; the exit status is 1 when any failed.
 */
export async function runBulkChange(
  io: CommandIO,
  values: BulkFlags,
  filter: ClientFilter,
  plan: BulkPlan,
): Promise<number> {
  const parallel = readParallel(values.parallel, BULK_PARALLEL);
  const gql = await connect(values, io.env);
  const targets = await findTargets(gql, filter);
  if (values['dry-run']) return printDryRun(io, values.json, plan.action, targets);
  if (targets.length === 0) throw noTargets(plan.verb, await tagCaseHint(gql, filter.tags));
  const outcomes = plan.all
    ? (await plan.all(gql, targets)).map((change): Outcome => ({
        ...change,
        ok: true,
        error: null,
      }))
    : await runEach(targets, parallel, (target) => plan.each(gql, target));
  return finishOutcomes(io, outcomes, values.json);
}

/** What a change to clients works on: the one client named, or the clients selectors match. */
export type ChangeTarget = { id: string } | { filter: ClientFilter };

/**
 * The client a change names, or its selectors for many: a usage error when both are given
 * (--dry-run counts as a selector), or neither.
 */
export function clientOrSelectors(
  command: string,
  id: string | undefined,
  filter: ClientFilter | null,
  dryRun: boolean | undefined,
): ChangeTarget {
  if (id !== undefined) {
    if (filter || dryRun)
      throw new UsageError('give either a client or selectors (--tags, --query …), not both');
    return { id };
  }
  if (!filter)
    throw new UsageError(`${command} needs a client, or selectors (--tags, --query …) for many`);
  return { filter };
}

/**
 * A change to one client or many (clients update, clients configure): the one client `one`
 * changes, printed as `fields` (or --json), or a runBulkChange over the selected clients.
 */
export async function runClientChange<Client>(
  io: CommandIO,
  values: BulkFlags,
  target: ChangeTarget,
  plan: BulkPlan & {
    one(gql: GraphQLClient, id: string): Promise<Client>;
    fields(client: Client): [string, string][];
  },
): Promise<number> {
  if ('filter' in target) return runBulkChange(io, values, target.filter, plan);
  const gql = await connect(values, io.env);
  const client = await plan.one(gql, target.id);
  if (values.json) printJson(io, client);
  else printFields(io, plan.fields(client));
  return 0;
}
