// Flags shared by the commands: the connection and output flags every command takes, the bulk
// selectors (--tags/--query …) and small value parsers that turn bad input into UsageError.
// (-h/--help never reaches a command: the dispatcher answers it.)

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_PARALLELISM } from '../fleet/limits.js';
import type { ClientFilter, EnvironmentVariableInput } from '../generated/graphql.js';
import { UsageError } from './output.js';

export const commonOptions = {
  json: { type: 'boolean' },
  url: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

export const commonHelp = `Common: --json (machine-readable output), --url URL, --data-dir DIR, -h/--help (see "etphonehome help")`;

/** Client selectors of the filter flags (list, find, health, bulk commands). */
export const filterOptions = {
  tags: { type: 'string' },
  query: { type: 'string' },
  purpose: { type: 'string' },
  capabilities: { type: 'string' },
  online: { type: 'boolean' },
} as const;

/** Options of a bulk command on top of the filter: preview and pace. */
export const bulkOptions = {
  ...filterOptions,
  'dry-run': { type: 'boolean' },
  parallel: { type: 'string' },
} as const;

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
): {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: true }>
  >['values'];
  positionals: string[];
} {
  const { values, positionals } = parseArgs({
    args,
    options,
    strict: true,
    allowPositionals: true,
  });
  return { values, positionals };
}

/** "a,b, c" → ["a","b","c"]; empty parts dropped. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export function parseIntFlag(
  name: string,
  text: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < range.min || Number(text) > range.max)
    throw new UsageError(
      `--${name} takes a whole number from ${range.min} to ${range.max} (got "${text}")`,
    );
  return Number(text);
}

/** --parallel N: clients worked on at once, up to the fleet's most. */
export function readParallel(text: string | undefined, fallback: number): number {
  return parseIntFlag('parallel', text, { min: 1, max: MAX_PARALLELISM }) ?? fallback;
}

/** A command that takes flags only: a stray word is refused, with a hint of the flag meant. */
export function noPositionals(command: string, positionals: string[], hint: string): void {
  const [first] = positionals;
  if (first !== undefined)
    throw new UsageError(`${command} takes no arguments (got "${first}"); ${hint}`);
}

/** A command on exactly one client: its uuid, clientId or display name. */
export function oneClient(command: string, positionals: string[]): string {
  const [id] = positionals;
  if (id === undefined || positionals.length > 1)
    throw new UsageError(`${command} takes one client: uuid, clientId or display name`);
  return id;
}

/** A command on one client or, without one, on the clients its selectors match. */
export function atMostOneClient(command: string, positionals: string[]): string | undefined {
  if (positionals.length > 1)
    throw new UsageError(
      `${command} takes one client (got ${positionals.length}); quote names with spaces`,
    );
  return positionals[0];
}

/** The filter flags as a ClientFilter; null when none was given. */
export function readFilter(values: {
  tags?: string | undefined;
  query?: string | undefined;
  purpose?: string | undefined;
  capabilities?: string | undefined;
  online?: boolean | undefined;
}): ClientFilter | null {
  const filter: ClientFilter = {};
  if (values.tags !== undefined) {
    const tags = splitList(values.tags);
    if (tags.length === 0)
      throw new UsageError('--tags needs at least one tag, e.g. --tags production,web');
    filter.tags = tags;
  }
  if (values.query !== undefined) {
    if (values.query.trim() === '') throw new UsageError('--query needs some text to look for');
    filter.query = values.query;
  }
  // An empty selector selects nothing on the server: it would turn a bulk command into one on
  // every client, so it is refused like an empty --tags or --query.
  if (values.purpose !== undefined) {
    if (values.purpose.trim() === '') throw new UsageError('--purpose needs some text to match');
    filter.purpose = values.purpose;
  }
  if (values.capabilities !== undefined) {
    const capabilities = splitList(values.capabilities);
    if (capabilities.length === 0)
      throw new UsageError('--capabilities needs at least one, e.g. --capabilities docker,git');
    filter.capabilities = capabilities;
  }
  if (values.online) filter.onlineOnly = true;
  return Object.keys(filter).length > 0 ? filter : null;
}

/** --env K=V (repeatable) → the GraphQL input. */
export function parseEnvFlags(
  entries: string[] | undefined,
): EnvironmentVariableInput[] | undefined {
  if (!entries || entries.length === 0) return undefined;
  return entries.map((entry) => {
    const eq = entry.indexOf('=');
    const name = eq === -1 ? '' : entry.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new UsageError(
        `--env takes NAME=value with NAME of letters, digits and _ (got "${entry}")`,
      );
    return { name, value: entry.slice(eq + 1) };
  });
}

/** Splits argv at the first "--": options before, the remote command after. */
export function splitAtDoubleDash(argv: string[]): { before: string[]; after: string[] | null } {
  const index = argv.indexOf('--');
  if (index === -1) return { before: argv, after: null };
  return { before: argv.slice(0, index), after: argv.slice(index + 1) };
}
