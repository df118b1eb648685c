// What a CLI command is (STYLE.md example 3): a leaf is a small value — its name, a line for its
// group's help, its --help text and a `run` that returns the exit status (only main exits the
// process). A group (`clients`, `webhooks` …) is one createCommandGroup(…) call over its leaves;
// dispatch.ts walks both the same way, so help and unknown words behave alike at every level.

import type { CommandIO } from './output.js';

export interface Command {
  /** The word that selects it: `list` in `etphonehome clients list`. */
  name: string;
  /** Other words that select it (`--version` for `version`); not listed in help. */
  aliases?: readonly string[];
  /** How its group's help shows it when it takes arguments: `find <text>`. Default: the name. */
  synopsis?: string;
  /** One line in its group's help. */
  summary: string;
  /** Its --help text: usage, options, JSON shape, examples. */
  usage: string;
  /** The exit status; null when the command keeps running (the server). */
  run(argv: string[], io: CommandIO): Promise<number | null>;
}

export interface CommandGroup {
  name: string;
  summary: string;
  usage: string;
  subcommands: readonly CliEntry[];
}

export type CliEntry = Command | CommandGroup;

export function isGroup(entry: CliEntry): entry is CommandGroup {
  return 'subcommands' in entry;
}

/** The words that ask for help instead of running something. */
export const HELP_WORDS: readonly string[] = ['help', '--help', '-h'];

/** Width of the name column in a group's list of subcommands. */
const NAME_COLUMN = 14;

/**
 * A group of subcommands. Its --help lists them (synopsis and summary, from the leaves
 * themselves), then says how to get a subcommand's help, then the group's examples.
 */
export function createCommandGroup(group: {
  name: string;
  summary: string;
  subcommands: readonly CliEntry[];
  examples: readonly string[];
  /** A paragraph after the list, for what every subcommand shares. */
  notes?: string;
}): CommandGroup {
  const path = `etphonehome ${group.name}`;
  const rows = group.subcommands.map((sub) => {
    const synopsis = ('synopsis' in sub && sub.synopsis) || sub.name;
    return `  ${synopsis.padEnd(NAME_COLUMN - 1)} ${sub.summary}`;
  });
  const usage = [
    `Usage: ${path} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...rows,
    '',
    ...(group.notes ? [group.notes, ''] : []),
    `"${path} <subcommand> --help" shows its options and examples.`,
    '',
    'Examples:',
    ...group.examples.map((example) => `  ${path} ${example}`),
    '',
  ].join('\n');
  return { name: group.name, summary: group.summary, usage, subcommands: group.subcommands };
}
