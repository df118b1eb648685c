// How commands talk to the terminal: stdout for results (tables for people, --json for
// scripts), stderr for messages. Passed in, so commands never touch process.* directly.
// Colours only when stdout is a terminal and NO_COLOR is unset (FORCE_COLOR=1 forces them).
//
// Nearly everything printed comes from the server, and much of it from agents, which may be
// hostile: a control character in it is shown as visible text (`^[`), never sent to the terminal
// as is (guardTerminal); table cells and fields stay on one line; JSON escapes what JSON.stringify
// leaves raw. Only the program's own colours pass, and a remote command's output (`run`, through
// io.write), which is the operator's to see as it is, as with ssh.

import type { ErrorCodeName } from '../errors.js';
import { escapeJsonControls, showControls } from '../lib/terminal-text.js';

export interface CommandIO {
  /** One line (or block) of results on stdout; a newline is added when missing. */
  out(text: string): void;
  /** One line (or block) of messages on stderr. */
  err(text: string): void;
  /** Raw bytes to stdout / stderr, as they are (a remote command's output). */
  write?(text: string): void;
  writeErr?(text: string): void;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (tables may colour; prompts may ask). */
  isTTY?: boolean;
  /** Whether stderr is a terminal (progress bars are drawn there). */
  stderrIsTTY?: boolean;
  /** Writes to stderr as is (no newline added): for redrawing a progress line. */
  progress?(text: string): void;
  /** Asks a yes/no question on the terminal; absent (or false) when stdin is not one. */
  confirm?(question: string): Promise<boolean>;
  /** Aborted on Ctrl-C or SIGTERM; long-running commands (watch) end cleanly on it. */
  interrupted?(): AbortSignal;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * A failure the CLI itself detected, with one of the catalogue's codes (a client that does not
 * exist, a refused key …) or none (a test webhook the receiver refused); main turns the code
 * into the exit status unless the command names its own.
 */
export class CommandError extends Error {
  readonly code: ErrorCodeName | null;
  readonly exitCode: number | undefined;

  constructor(code: ErrorCodeName | null, message: string, exitCode?: number) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

export function colorEnabled(io: CommandIO): boolean {
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined && force !== '' && force !== '0') return true;
  return io.isTTY === true && io.env['TERM'] !== 'dumb';
}

/** Exactly the SGR sequences Style below writes; nothing else passes guardTerminal. */
// eslint-disable-next-line no-control-regex
const OWN_STYLING = /\u001b\[(?:1|2|22|31|32|33|36|39)m/;

/** Text from elsewhere as one inert line: controls, tabs and newlines shown (`^[`, `^J`). */
export function oneLine(text: string): string {
  return showControls(text, { singleLine: true, keep: OWN_STYLING });
}

/**
 * The IO with stdout and stderr lines guarded: every control character but newline and tab is
 * shown as visible text, except the program's own colours when colours are on. `write` and
 * `writeErr` (a remote command's output) and `progress` (the program's own bar) pass as they are.
 */
export function guardTerminal(io: CommandIO): CommandIO {
  const keep = colorEnabled(io) ? OWN_STYLING : undefined;
  const guard = (text: string): string => showControls(text, keep ? { keep } : {});
  const { out, err } = io;
  return { ...io, out: (text) => out(guard(text)), err: (text) => err(guard(text)) };
}

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const plain: Style = {
  bold: (t) => t,
  dim: (t) => t,
  red: (t) => t,
  green: (t) => t,
  yellow: (t) => t,
  cyan: (t) => t,
};

const coloured: Style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39),
};

export function styleFor(io: CommandIO): Style {
  return colorEnabled(io) ? coloured : plain;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Width as the terminal shows it (escape sequences take none). */
function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}

/** Left-aligned columns; cells may carry colour codes. Headers are bold on a terminal. */
export function printTable(io: CommandIO, headers: string[], rows: string[][]): void {
  rows = rows.map((row) => row.map(oneLine));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => visibleLength(row[i] ?? ''))),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell + ' '.repeat(Math.max(0, (widths[i] ?? 0) - visibleLength(cell))))
      .join('  ')
      .trimEnd();
  const style = styleFor(io);
  io.out(style.bold(line(headers)));
  for (const row of rows) io.out(line(row));
}

/** A table after a blank line, under a bold title when given; nothing when there are no rows. */
export function printSection(
  io: CommandIO,
  title: string | null,
  headers: string[],
  rows: string[][],
): void {
  if (rows.length === 0) return;
  io.out('');
  if (title !== null) io.out(styleFor(io).bold(title));
  printTable(io, headers, rows);
}

/** How a list prints as a table: its headers, a row per item, and what an empty list says. */
export interface ListTable<Item> {
  headers: string[];
  row(item: Item): string[];
  /** The line printed instead of a table when there are no items; without it, the headers. */
  empty?: string;
}

/** A list of results: the items as JSON with --json, else a table of them. */
export function printList<Item>(
  io: CommandIO,
  json: boolean | undefined,
  items: readonly Item[],
  table: ListTable<Item>,
): void {
  if (json) printJson(io, items);
  else if (items.length === 0 && table.empty !== undefined) io.out(table.empty);
  else printTable(io, table.headers, items.map(table.row));
}

/** Two columns of label: value, for one record. */
export function printFields(io: CommandIO, fields: [string, string][]): void {
  const width = Math.max(...fields.map(([label]) => label.length));
  const style = styleFor(io);
  for (const [label, value] of fields)
    io.out(`${style.dim(`${label}:`.padEnd(width + 1))} ${oneLine(value)}`);
}

/** Indented JSON for --json; its strings are the data exactly, with nothing a terminal acts on. */
export function printJson(io: CommandIO, value: unknown): void {
  io.out(escapeJsonControls(JSON.stringify(value, null, 2)));
}

/** One JSON value on one line (watch --json), as printJson escapes it. */
export function jsonLine(value: unknown): string {
  return escapeJsonControls(JSON.stringify(value));
}
