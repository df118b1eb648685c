// The tabs GraphiQL opens with are where users start: every operation in them must validate
// against the committed schema.graphql, every tab's variables must coerce for each operation in
// it, and together they must cover the guide's workflows. They are files (src/graphql/examples),
// so they must also be found where the server looks for them: in dist/ after a build, and in the
// package npm installs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  buildSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
  type OperationDefinitionNode,
} from 'graphql';
import {
  EXAMPLES_DIR,
  ExamplesError,
  loadGraphiQLExamples,
} from '../../src/graphql/graphiql-examples.js';
import { graphiqlOptions, renderGraphiQLPage } from '../../src/graphql/graphiql.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const graphiqlExamples = loadGraphiQLExamples();

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

test('the page GraphiQL serves opens with these tabs and the login form', async () => {
  assert.equal(graphiqlOptions.defaultTabs?.length, graphiqlExamples.length);
  const page = await renderGraphiQLPage(graphiqlOptions);
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

test('the tabs come from src/graphql/examples, one .graphql file each, in file-name order', () => {
  assert.equal(resolve(EXAMPLES_DIR), resolve('src/graphql/examples'));
  const files = graphiqlExamples.map((example) => example.file);
  assert.deepEqual(files, [...files].sort());
  assert.ok(
    files.every((file) => /^\d{2}-[a-z0-9-]+\.graphql$/.test(file)),
    files.join(', '),
  );
  assert.equal(titleOf(graphiqlExamples[0]?.query ?? ''), 'FleetStatus');
});

/** Loads the tabs with the loader module found under `root` (a build, or an installed package). */
async function loadFrom(root: string): Promise<unknown> {
  const loader = join(root, 'dist/graphql/graphiql-examples.js');
  assert.ok(existsSync(loader), `${loader} is missing: run npm run build first`);
  const module = (await import(pathToFileURL(loader).href)) as {
    loadGraphiQLExamples: typeof loadGraphiQLExamples;
  };
  return module.loadGraphiQLExamples();
}

test('the server built in dist/ finds the same tabs', async () => {
  assert.deepEqual(await loadFrom(resolve('.')), graphiqlExamples);
});

test('the package npm installs ships the tabs where its server finds them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'etph-pack-'));
  try {
    // --ignore-scripts: pack the dist/ that was built, without building again.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    ) as { filename: string }[];
    const tarball = join(dir, packed[0]?.filename ?? '');
    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    // Installed, the package has its dependencies (the loader parses tabs with graphql-js).
    symlinkSync(resolve('node_modules'), join(dir, 'package', 'node_modules'), 'dir');
    assert.deepEqual(await loadFrom(join(dir, 'package')), graphiqlExamples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing or broken examples directory is refused, saying what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'etph-examples-'));
  try {
    assert.throws(
      () => loadGraphiQLExamples(join(dir, 'absent')),
      (error: unknown) => error instanceof ExamplesError && /npm run build/.test(error.message),
    );
    mkdirSync(join(dir, 'empty'));
    assert.throws(() => loadGraphiQLExamples(join(dir, 'empty')), /No \.graphql example tabs/);
    writeFileSync(join(dir, '01-a.graphql'), 'query A { tags { name } }\n');
    writeFileSync(join(dir, '02-b.json'), '{}');
    assert.throws(() => loadGraphiQLExamples(dir), /Variables without a tab in .*: 02-b\.json/);
    writeFileSync(join(dir, '01-a.json'), '[1]');
    rmSync(join(dir, '02-b.json'));
    assert.throws(() => loadGraphiQLExamples(dir), /must hold a JSON object/);
    writeFileSync(join(dir, '01-a.json'), '{"x": ');
    assert.throws(() => loadGraphiQLExamples(dir), /01-a\.json is not JSON/);
    writeFileSync(join(dir, '01-a.json'), '{"x": 1}');
    assert.deepEqual(loadGraphiQLExamples(dir), [
      { file: '01-a.graphql', query: 'query A { tags { name } }\n', variables: { x: 1 } },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a tab gets the shared fragments it spreads, with those they spread, and no others', () => {
  const dir = mkdtempSync(join(tmpdir(), 'etph-examples-'));
  try {
    writeFileSync(
      join(dir, 'fragments.graphql'),
      [
        '# Header.',
        '',
        '# Its name.',
        'fragment Name on Tag {',
        '  name',
        '}',
        '',
        'fragment Unused on Tag {',
        '  name',
        '}',
        '',
        '# Name, through another.',
        'fragment Outer on Tag {',
        '  ...Name',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, '01-a.graphql'), 'query A {\n  tags {\n    ...Outer\n  }\n}\n');
    writeFileSync(join(dir, '02-b.graphql'), 'query B {\n  tags {\n    name\n  }\n}\n');
    const [a, b] = loadGraphiQLExamples(dir);
    assert.equal(
      a?.query,
      'query A {\n  tags {\n    ...Outer\n  }\n}\n\n# Name, through another.\nfragment Outer on Tag {\n  ...Name\n}\n\n# Its name.\nfragment Name on Tag {\n  name\n}\n',
    );
    assert.deepEqual(validate(schema, parse(a?.query ?? '')), []);
    assert.equal(b?.query, 'query B {\n  tags {\n    name\n  }\n}\n');
    writeFileSync(join(dir, '02-b.graphql'), 'query B {\n  tags {\n    ...Missing\n  }\n}\n');
    assert.throws(
      () => loadGraphiQLExamples(dir),
      /02-b\.graphql spreads \.\.\.Missing, which neither it nor fragments\.graphql defines/,
    );
    writeFileSync(join(dir, '02-b.graphql'), 'query B {\n');
    assert.throws(() => loadGraphiQLExamples(dir), /02-b\.graphql is not GraphQL/);
    rmSync(join(dir, '02-b.graphql'));
    writeFileSync(join(dir, 'fragments.graphql'), 'query C { tags { name } }\n');
    assert.throws(() => loadGraphiQLExamples(dir), /fragments\.graphql may hold fragments only/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
