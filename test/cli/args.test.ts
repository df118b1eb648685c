// The CLI's flag parsers: selectors, --env, "--" splitting, configure settings, event filters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseEnvFlags,
  parseIntFlag,
  readFilter,
  splitAtDoubleDash,
  splitList,
} from '../../src/cli/args.js';
import { readSettings } from '../../src/cli/commands/clients/configure.js';
import { readEventFilter } from '../../src/cli/event-line.js';
import { UsageError } from '../../src/cli/output.js';

test('splitList trims and drops empty parts', () => {
  assert.deepEqual(splitList(' a, b,,c '), ['a', 'b', 'c']);
  assert.deepEqual(splitList(''), []);
});

test('readFilter builds a ClientFilter only from the flags given', () => {
  assert.equal(readFilter({}), null);
  assert.deepEqual(readFilter({ tags: 'prod,web', query: 'api', online: true }), {
    tags: ['prod', 'web'],
    query: 'api',
    onlineOnly: true,
  });
  assert.throws(() => readFilter({ tags: ' , ' }), UsageError);
  assert.throws(() => readFilter({ query: '  ' }), UsageError);
  // An empty selector would select every client for a bulk command: refused, not ignored.
  assert.throws(() => readFilter({ capabilities: ' , ' }), UsageError);
  assert.throws(() => readFilter({ purpose: '' }), UsageError);
});

test('parseEnvFlags takes NAME=value and keeps = in the value', () => {
  assert.equal(parseEnvFlags(undefined), undefined);
  assert.deepEqual(parseEnvFlags(['A=1', 'B_2=x=y', 'C=']), [
    { name: 'A', value: '1' },
    { name: 'B_2', value: 'x=y' },
    { name: 'C', value: '' },
  ]);
  for (const bad of ['NOEQ', '=v', '1A=v', 'A-B=v'])
    assert.throws(() => parseEnvFlags([bad]), UsageError, bad);
});

test('splitAtDoubleDash keeps the remote command intact', () => {
  assert.deepEqual(splitAtDoubleDash(['web', '--cwd', '/tmp', '--', 'ls', '--', '-la']), {
    before: ['web', '--cwd', '/tmp'],
    after: ['ls', '--', '-la'],
  });
  assert.deepEqual(splitAtDoubleDash(['web', 'uptime']), {
    before: ['web', 'uptime'],
    after: null,
  });
});

test('parseIntFlag checks the range', () => {
  assert.equal(parseIntFlag('n', undefined, { min: 1, max: 5 }), undefined);
  assert.equal(parseIntFlag('n', '5', { min: 1, max: 5 }), 5);
  for (const bad of ['0', '6', '-1', '1.5', 'x', ''])
    assert.throws(() => parseIntFlag('n', bad, { min: 1, max: 5 }), UsageError, bad);
});

test('readSettings: "default" restores the server default; bad values are usage errors', () => {
  assert.deepEqual(
    readSettings({
      'rate-limit-rpm': '120',
      'rate-limit-mode': 'Enforce',
      'cpu-threshold': '90.5',
      'webhook-url': 'default',
      'resource-checks': 'on',
    }),
    {
      rateLimitRpm: 120,
      rateLimitMode: 'ENFORCE',
      cpuThreshold: 90.5,
      webhookUrl: null,
      resourceChecks: true,
    },
  );
  assert.deepEqual(readSettings({ 'rate-limit-concurrent': 'default' }), {
    rateLimitConcurrent: null,
  });
  assert.throws(() => readSettings({}), UsageError);
  assert.throws(() => readSettings({ 'rate-limit-rpm': '1.5' }), UsageError);
  assert.throws(() => readSettings({ 'rate-limit-mode': 'loud' }), UsageError);
  assert.throws(() => readSettings({ 'resource-checks': 'yes' }), UsageError);
});

test('readEventFilter expands short event names', () => {
  assert.equal(readEventFilter({}), null);
  assert.deepEqual(readEventFilter({ events: 'connected,command_executed,bogus', tags: 'a' }), {
    events: ['client.connected', 'command_executed', 'bogus'],
    tags: ['a'],
  });
});
