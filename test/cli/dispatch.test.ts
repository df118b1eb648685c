// The one dispatcher: help at every level (words and flags), unknown words named with the
// level's help, what follows "--" left to the command, aliases, and the real command tree
// (every group and leaf answers --help with its own usage, without running).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCommandGroup, isGroup, type CliEntry, type Command } from '../../src/cli/command.js';
import { cliCommands } from '../../src/cli/commands/index.js';
import { dispatch } from '../../src/cli/dispatch.js';
import { UsageError, type CommandIO } from '../../src/cli/output.js';
import { createTopLevel } from '../../src/cli/top-level.js';

function io(): CommandIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (t) => void stdout.push(t),
    err: (t) => void stderr.push(t),
    env: {},
  };
}

/** A leaf that records the argv it ran with. */
function leaf(name: string, runs: string[][], extra: Partial<Command> = {}): Command {
  return {
    name,
    summary: `the ${name} summary`,
    usage: `Usage: etphonehome … ${name}\n\nExamples:\n  etphonehome ${name}\n`,
    async run(argv) {
      runs.push(argv);
      return 7;
    },
    ...extra,
  };
}

function tree(runs: string[][]) {
  const group = createCommandGroup({
    name: 'things',
    summary: 'things: list | show',
    subcommands: [leaf('list', runs), leaf('show', runs, { synopsis: 'show <thing>' })],
    examples: ['list', 'show one'],
  });
  const top = createTopLevel([
    group,
    leaf('run', runs),
    leaf('version', runs, { aliases: ['-v'] }),
  ]);
  return { group, top };
}

test('a group lists its subcommands with their synopsis and summary, then its examples', () => {
  const { group } = tree([]);
  assert.equal(
    group.usage,
    [
      'Usage: etphonehome things <subcommand> [options]',
      '',
      'Subcommands:',
      '  list          the list summary',
      '  show <thing>  the show summary',
      '',
      '"etphonehome things <subcommand> --help" shows its options and examples.',
      '',
      'Examples:',
      '  etphonehome things list',
      '  etphonehome things show one',
      '',
    ].join('\n'),
  );
});

test('no words: the level help on stdout and exit 2, at the top and in a group', async () => {
  const runs: string[][] = [];
  const { group, top } = tree(runs);
  for (const [argv, usage] of [
    [[], top.usage],
    [['things'], group.usage],
  ] as const) {
    const out = io();
    assert.equal(await dispatch(top, argv, out), 2);
    assert.deepEqual(out.stdout, [usage]);
  }
  assert.deepEqual(runs, []);
});

test('help, --help and -h at every level print that level and exit 0, running nothing', async () => {
  const runs: string[][] = [];
  const { group, top } = tree(runs);
  const list = group.subcommands[0] as Command;
  const cases: [string[], string][] = [
    [['help'], top.usage],
    [['--help'], top.usage],
    [['-h'], top.usage],
    [['help', 'things'], group.usage],
    [['help', 'things', 'list'], list.usage],
    [['things', 'help'], group.usage],
    [['things', '--help'], group.usage],
    [['things', 'help', 'list'], list.usage],
    [['things', 'list', '--help'], list.usage],
    [['things', 'list', '--json', '-h'], list.usage],
    [['run', 'web', '--help'], (top.subcommands[1] as Command).usage],
  ];
  for (const [argv, usage] of cases) {
    const out = io();
    assert.equal(await dispatch(top, argv, out), 0, argv.join(' '));
    assert.deepEqual(out.stdout, [usage], argv.join(' '));
  }
  assert.deepEqual(runs, []);
});

test('--help after "--" belongs to the remote command: the command runs', async () => {
  const runs: string[][] = [];
  const { top } = tree(runs);
  assert.equal(await dispatch(top, ['run', 'web', '--', 'ls', '--help'], io()), 7);
  assert.deepEqual(runs, [['web', '--', 'ls', '--help']]);
});

test('a leaf runs with the words after its name; aliases select it too', async () => {
  const runs: string[][] = [];
  const { top } = tree(runs);
  assert.equal(await dispatch(top, ['things', 'show', 'one', '--json'], io()), 7);
  assert.equal(await dispatch(top, ['-v'], io()), 7);
  assert.deepEqual(runs, [['one', '--json'], []]);
});

test('an unknown word is a UsageError naming it, with the help of its level', async () => {
  const { group, top } = tree([]);
  const cases: [string[], string][] = [
    [['nope'], `unknown command "nope"\n\n${top.usage}`],
    [['help', 'nope'], `unknown command "nope"\n\n${top.usage}`],
    [['things', 'nope'], `unknown things subcommand "nope"\n\n${group.usage}`],
    [['things', '--json'], `unknown things subcommand "--json"\n\n${group.usage}`],
    [['help', 'things', 'nope'], `unknown things subcommand "nope"\n\n${group.usage}`],
  ];
  for (const [argv, message] of cases)
    await assert.rejects(dispatch(top, argv, io()), (error: unknown) => {
      assert.ok(error instanceof UsageError, argv.join(' '));
      assert.equal(error.message, message);
      return true;
    });
});

test('every real command and subcommand answers --help with its usage and examples', async () => {
  const top = createTopLevel(cliCommands);
  const walk = async (entries: readonly CliEntry[], path: string[]): Promise<number> => {
    let leaves = 0;
    for (const entry of entries) {
      const words = [...path, entry.name];
      const out = io();
      assert.equal(await dispatch(top, [...words, '--help'], out), 0, words.join(' '));
      assert.deepEqual(out.stdout, [entry.usage], words.join(' '));
      // Its own synopsis (find shares list's usage, on its second line).
      assert.match(entry.usage, /^Usage: etphonehome /, words.join(' '));
      assert.match(entry.usage, new RegExp(`^(Usage:| {6}) etphonehome ${words.join(' ')}`, 'm'));
      assert.match(entry.usage, /\nExamples:\n {2}etphonehome /, words.join(' '));
      leaves += isGroup(entry) ? await walk(entry.subcommands, words) : 1;
    }
    return leaves;
  };
  const leaves = await walk(cliCommands, []);
  assert.ok(leaves >= 20, `${leaves} commands walked`);
});
