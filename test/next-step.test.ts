// The next steps an error names, worded per door: every operation has a wording for every door,
// a message written in GraphQL's words is reworded for MCP and the CLI, and steps that arrive
// malformed over the wire are dropped rather than trusted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AppError,
  ErrorCode,
  localise,
  named,
  nextStep,
  Operation,
  readSteps,
  wordStep,
} from '../src/errors.js';

const client = { uuid: '2b1c0c5e-8d1e-4a59-9a4e-0d1c2b3a4f50', clientId: 'web-01' };

test('every operation is worded for every door, each door in its own names', () => {
  for (const operation of Object.values(Operation)) {
    const step = nextStep(operation, client);
    const graphql = wordStep(step, 'graphql');
    const mcp = wordStep(step, 'mcp');
    const cli = wordStep(step, 'cli');
    for (const text of [graphql, mcp, cli]) assert.ok(text.length > 0, operation);
    assert.notEqual(graphql, mcp, operation);
    assert.match(cli, /"etphonehome |--/, `${operation}: the CLI names a command or its flags`);
  }
  const paths = nextStep(Operation.updateAllowedPaths, client);
  assert.equal(wordStep(paths, 'graphql'), 'updateClient(input: {allowedPaths})');
  assert.equal(wordStep(paths, 'mcp'), 'update_client (allowed_paths)');
  assert.equal(wordStep(paths, 'cli'), '"etphonehome clients update web-01 --allowed-paths /a,/b"');
});

test('a message in GraphQL words is reworded for MCP and the CLI; GraphQL keeps it', () => {
  const step = nextStep(Operation.acceptKey, client);
  const message = `Client "web-01" connected with a different SSH key. Accept it: ${named(step)}.`;
  assert.equal(localise(message, [step], 'graphql'), message);
  assert.equal(
    localise(message, [step], 'mcp'),
    `Client "web-01" connected with a different SSH key. Accept it: accept_key (uuid: "${client.uuid}").`,
  );
  assert.equal(
    localise(message, [step], 'cli'),
    'Client "web-01" connected with a different SSH key. Accept it: "etphonehome clients accept-key web-01".',
  );
  // A message without the wording (another server version) is left as it is.
  assert.equal(localise('Something else.', [step], 'cli'), 'Something else.');
});

test('only the last occurrence is reworded: a client name that spells the step stays as it is', () => {
  const step = nextStep(Operation.listClients);
  const message = `No client matches "clients" (tried …). Call ${named(step)} to see the fleet.`;
  assert.equal(
    localise(message, [step], 'mcp'),
    'No client matches "clients" (tried …). Call list_clients to see the fleet.',
  );
});

test('a clientId that is not a plain word is quoted for the shell', () => {
  const step = nextStep(Operation.restoreClient, { uuid: client.uuid, clientId: "it's; rm -rf" });
  assert.equal(wordStep(step, 'cli'), `"etphonehome clients restore 'it'\\''s; rm -rf'"`);
});

test('steps from the wire: unknown operations and malformed clients are dropped', () => {
  assert.deepEqual(readSteps(undefined), []);
  assert.deepEqual(readSteps('acceptKey'), []);
  assert.deepEqual(
    readSteps([
      { operation: 'acceptKey', client },
      { operation: 'dropDatabase' },
      { operation: 'clients', client: { uuid: 1 } },
      null,
    ]),
    [{ operation: 'acceptKey', client }, { operation: 'clients' }],
  );
});

test('an AppError carries its steps (none by default)', () => {
  const step = nextStep(Operation.rateLimitStats, client);
  assert.deepEqual(new AppError(ErrorCode.badUserInput, 'x', undefined, [step]).steps, [step]);
  assert.deepEqual(new AppError(ErrorCode.badUserInput, 'x').steps, []);
});
