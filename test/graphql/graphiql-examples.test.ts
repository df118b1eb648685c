// The tabs GraphiQL opens with are where users start: every operation in them must validate
// against the committed schema.graphql, every tab's variables must coerce for each operation in
// it, and together they must cover the guide's workflows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import { graphiqlExamples } from '../../src/graphql/graphiql-examples.js';
import { graphiqlOptions, renderGraphiQLPage } from '../../src/graphql/graphiql.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

function operationsOf(query: string): OperationDefinitionNode[] {
  return parse(query).definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
}

/** The tab title GraphiQL shows: the first operation's name. */
function titleOf(query: string): string {
  return /^(?!#).*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1] ?? '<untitled>';
}

for (const [index, example] of graphiqlExamples.entries()) {
  test(`tab ${index + 1} (${titleOf(example.query)}) is valid against schema.graphql`, () => {
    const document = parse(example.query);
    assert.deepEqual(
      validate(schema, document).map((error) => error.message),
      [],
    );
    for (const operation of operationsOf(example.query)) {
      const coerced = getVariableValues(
        schema,
        operation.variableDefinitions ?? [],
        example.variables ?? {},
      );
      assert.deepEqual(
        coerced.errors?.map((error) => `${operation.name?.value}: ${error.message}`) ?? [],
        [],
      );
    }
  });
}

test('every example operation is named, once across all tabs', () => {
  const names = graphiqlExamples.flatMap((example) =>
    operationsOf(example.query).map((operation) => operation.name?.value ?? '<anonymous>'),
  );
  assert.ok(!names.includes('<anonymous>'));
  assert.deepEqual(
    names.filter((name, i) => names.indexOf(name) !== i),
    [],
  );
});

test("the examples cover the guide's workflows", () => {
  const used = new Set<string>();
  for (const example of graphiqlExamples) {
    for (const operation of operationsOf(example.query)) {
      for (const selection of operation.selectionSet.selections) {
        if (selection.kind === Kind.FIELD) used.add(selection.name.value);
      }
    }
  }
  const expected = [
    'clients',
    'clientsConnection',
    'client',
    'tags',
    'rateLimitStats',
    'events',
    'enrollmentTokens',
    'updateClient',
    'configureClient',
    'acceptKey',
    'runCommand',
    'decommissionClient',
    'updateClients',
    'runCommandOnClients',
    'createEnrollmentToken',
    'revokeEnrollmentToken',
    'clientEvents',
    'clientStatus',
    'webhookDeliveries',
    'replayWebhookDelivery',
    'replayFailedWebhookDeliveries',
    'sendTestWebhook',
    'webhookDeliveryFailed',
    'fleetHealth',
    'clientMetrics',
    'listFiles',
    'readFile',
    'writeFile',
    'downloadFile',
  ];
  assert.deepEqual(
    expected.filter((field) => !used.has(field)),
    [],
  );
});

test('the first tab explains logging in and names every tab', () => {
  const [first, ...rest] = graphiqlExamples;
  assert.ok(first);
  assert.match(first.query, /API key/);
  assert.match(first.query, /Authorization: Bearer <key>/);
  assert.match(first.query, /Log out/);
  for (const example of [first, ...rest]) {
    assert.match(first.query, new RegExp(`^#\\s+${titleOf(example.query)}\\s`, 'm'));
  }
});

test('the page GraphiQL serves opens with these tabs and the login form', () => {
  assert.equal(graphiqlOptions.defaultTabs?.length, graphiqlExamples.length);
  const page = renderGraphiQLPage(graphiqlOptions);
  assert.match(page, /id="etph-login"/);
  // The renderer inlines the options into a <script> as plain JSON: nothing in them may close
  // that element early.
  const inlined = JSON.stringify(graphiqlOptions);
  assert.ok(page.includes(inlined));
  assert.doesNotMatch(inlined, /<\/script|<!--/i);
  for (const example of graphiqlExamples) {
    assert.ok(page.includes(JSON.stringify(example.query)), titleOf(example.query));
  }
});
