// `--help` with examples on every command and subcommand of the real binary, and the top-level
// help listing every client command. No server: help never connects.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBinary } from '../support/cli.js';

// Help must not need a key or a reachable server.
const env: NodeJS.ProcessEnv = {
  PATH: process.env['PATH'] ?? '',
  ETPHONEHOME_URL: 'http://127.0.0.1:1',
  ETPHONEHOME_DATA_DIR: '/nonexistent',
};

test('--help with examples for every command and subcommand', async () => {
  const top = await runBinary(['help'], env);
  assert.equal(top.code, 0);
  for (const name of [
    'clients',
    'run',
    'files',
    'metrics',
    'health',
    'events',
    'watch',
    'webhooks',
    'token',
    'documents',
    'mcp',
  ])
    assert.match(top.stdout, new RegExp(`^  ${name} `, 'm'));
  const commands = [
    ['clients'],
    ...[
      'list',
      'find',
      'describe',
      'stats',
      'update',
      'configure',
      'accept-key',
      'decommission',
      'restore',
    ].map((sub) => ['clients', sub]),
    ['run'],
    ['metrics'],
    ['health'],
    ['events'],
    ['watch'],
    ['files'],
    ...['deliveries', 'replay', 'test', 'watch'].map((sub) => ['webhooks', sub]),
    ['token'],
    ...['register', 'list', 'remove'].map((sub) => ['documents', sub]),
  ];
  for (const command of commands) {
    const help = await runBinary([...command, '--help'], env);
    assert.equal(help.code, 0, command.join(' '));
    assert.match(help.stdout, /^Usage: etphonehome /, command.join(' '));
    assert.match(help.stdout, /\nExamples:\n {2}etphonehome /, command.join(' '));
  }

  const topic = await runBinary(['help', 'run'], env);
  assert.equal(topic.code, 0);
  assert.match(topic.stdout, /^Usage: etphonehome run /);
  const bare = await runBinary([], env);
  assert.equal(bare.code, 2, 'no command is a usage error');
  assert.match(bare.stdout, /^Usage: etphonehome <command>/);
});
