// The one dispatcher: from argv to the command that runs, the same way at every level.
//
//   etphonehome                        the top-level help, exit 2 (a usage error)
//   etphonehome help [words…]          the help of that group or command, exit 0
//   etphonehome <group>                the group's help, exit 2
//   etphonehome <group> help|--help|-h the group's help, exit 0 ("help <sub>": the sub's)
//   etphonehome … <command> --help     the command's help, exit 0 (before any "--": what follows
//                                      "--" belongs to the remote command)
//   an unknown word                    a UsageError naming it, with the level's help (exit 2)

import { HELP_WORDS, isGroup, type CliEntry, type CommandGroup } from './command.js';
import { UsageError, type CommandIO } from './output.js';

/** Help flags before any "--". */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some(
    (word) => word === '--help' || word === '-h',
  );
}

function find(group: CommandGroup, word: string): CliEntry | undefined {
  return group.subcommands.find(
    (entry) => entry.name === word || ('aliases' in entry && entry.aliases?.includes(word)),
  );
}

/** What a level calls an unknown word: "command" at the top, "<group> subcommand" below. */
function unknown(group: CommandGroup, path: readonly string[], word: string): UsageError {
  const what = path.length === 0 ? 'command' : `${path.join(' ')} subcommand`;
  return new UsageError(`unknown ${what} "${word}"\n\n${group.usage}`);
}

/** The help of the entry the words name below `group` (the group's own for no words). */
function helpOf(group: CommandGroup, words: readonly string[], path: readonly string[]): string {
  const [word, ...rest] = words;
  if (word === undefined) return group.usage;
  const entry = find(group, word);
  if (!entry) throw unknown(group, path, word);
  if (!isGroup(entry) || rest.length === 0) return entry.usage;
  return helpOf(entry, rest, [...path, entry.name]);
}

/** Runs what argv names under `root`; resolves with the exit status (null: keep running). */
export async function dispatch(
  root: CommandGroup,
  argv: readonly string[],
  io: CommandIO,
): Promise<number | null> {
  let group = root;
  const path: string[] = [];
  let words = [...argv];
  for (;;) {
    const [word, ...rest] = words;
    if (word === undefined) {
      io.out(group.usage);
      return 2;
    }
    if (HELP_WORDS.includes(word)) {
      io.out(word === 'help' ? helpOf(group, rest, path) : group.usage);
      return 0;
    }
    const entry = find(group, word);
    if (!entry) throw unknown(group, path, word);
    if (!isGroup(entry)) {
      if (asksForHelp(rest)) {
        io.out(entry.usage);
        return 0;
      }
      return entry.run(rest, io);
    }
    group = entry;
    path.push(entry.name);
    words = rest;
  }
}
