// Keeps docs/API.md (and the README's examples) true to the API:
//
//   - every ```graphql block, and every operation shown inside ```sh and ```js blocks (curl's
//     `query=…` and `"query":"…"`, template literals starting with query/mutation/subscription),
//     parses and validates against schema.graphql: rename a field and this fails, naming the
//     document line;
//   - every ```json variables block coerces against the operations of the ```graphql block
//     above it (names, types, enum values, required fields);
//   - every Query, Mutation and Subscription field is shown in an operation of docs/API.md, so
//     new API gets documented.
//
// SDL (type definitions) goes in ```graphql-sdl blocks, which are not validated as operations.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getVariableValues,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const API_DOC = 'docs/API.md';
const DOCS = [API_DOC, 'README.md'];
const SDL = readFileSync('schema.graphql', 'utf8');

interface Block {
  file: string;
  /** Line of the opening fence (1-based). */
  line: number;
  lang: string;
  info: string;
  body: string;
}

/** An operation document found in the docs, with the file line of its first line. */
interface Snippet {
  file: string;
  line: number;
  source: string;
}

/** Fenced code blocks (``` or ~~~, possibly indented in lists) with their info strings. */
function readBlocks(file: string): Block[] {
  const blocks: Block[] = [];
  let open: { line: number; fence: string; lang: string; info: string; body: string[] } | null =
    null;
  for (const [index, text] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (open) {
      const fence = /^\s*(`{3,}|~{3,})\s*$/.exec(text)?.[1] ?? '';
      if (fence[0] === open.fence[0] && fence.length >= open.fence.length) {
        const { line, lang, info, body } = open;
        blocks.push({ file, line, lang, info, body: body.join('\n') });
        open = null;
      } else open.body.push(text);
      continue;
    }
    const start = /^\s*(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(text);
    if (start) {
      const [, fence = '```', lang = '', info = ''] = start;
      open = { line: index + 1, fence, lang, info, body: [] };
    }
  }
  assert.equal(open, null, `${file}: a code block is never closed`);
  return blocks;
}

const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The operations a block shows: the whole of a graphql block, or those embedded in scripts. */
function snippetsOf(block: Block): Snippet[] {
  const at = (offset: number, source: string): Snippet => ({
    file: block.file,
    line: block.line + lineOf(block.body, offset),
    source,
  });
  if (block.lang === 'graphql') return [at(0, block.body)];
  const found: Snippet[] = [];
  if (['sh', 'bash', 'shell', 'console'].includes(block.lang)) {
    for (const m of block.body.matchAll(/query=([^'"]+)['"]/g)) {
      const raw = m[1] ?? '';
      found.push(at(m.index, /%[0-9A-Fa-f]{2}/.test(raw) ? decodeURIComponent(raw) : raw));
    }
    for (const m of block.body.matchAll(/"query"\s*:\s*"((?:[^"\\]|\\.)*)"/g))
      found.push(at(m.index, JSON.parse(`"${m[1] ?? ''}"`) as string));
  }
  if (['js', 'mjs', 'javascript', 'ts', 'typescript'].includes(block.lang)) {
    for (const m of block.body.matchAll(/`(\s*(?:query|mutation|subscription)\b[^`]*)`/g))
      found.push(at(m.index, m[1] ?? ''));
  }
  return found;
}

function describeError(snippet: Snippet, error: GraphQLError): string {
  const where = error.locations?.[0];
  const line = where ? snippet.line + where.line - 1 : snippet.line;
  return `${snippet.file}:${line}: ${error.message}`;
}

/** Parses and validates a snippet: its document (when it parses) and the problems found. */
function check(
  schema: GraphQLSchema,
  snippet: Snippet,
): { document: DocumentNode | null; problems: string[] } {
  let document: DocumentNode;
  try {
    document = parse(snippet.source);
  } catch (error) {
    if (error instanceof GraphQLError)
      return { document: null, problems: [describeError(snippet, error)] };
    throw error;
  }
  const problems = validate(schema, document).map((e) => describeError(snippet, e));
  return { document, problems };
}

interface Findings {
  problems: string[];
  /** Root fields shown in docs/API.md, as "Query.clients". */
  rootFields: Set<string>;
  graphqlBlocks: number;
  variablesBlocks: number;
}

function rootFieldsOf(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const type = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[
    operation.operation
  ];
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const names: string[] = [];
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(`${type}.${selection.name.value}`);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else {
        const spread = fragments.get(selection.name.value);
        if (spread) walk(spread);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/** Variables must fit every operation of the block that declares some, and nothing else. */
function checkVariables(schema: GraphQLSchema, block: Block, above: DocumentNode | null): string[] {
  const where = `${block.file}:${block.line}`;
  if (!above) return [`${where}: a json variables block needs a valid graphql block above it`];
  let inputs: unknown;
  try {
    inputs = JSON.parse(block.body);
  } catch (error) {
    return [`${where}: not JSON: ${(error as Error).message}`];
  }
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs))
    return [`${where}: variables must be a JSON object`];
  const operations = above.definitions.filter(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (d.variableDefinitions?.length ?? 0) > 0,
  );
  if (operations.length === 0) return [`${where}: no operation above declares variables`];
  const declared = new Set(
    operations.flatMap((op) => (op.variableDefinitions ?? []).map((v) => v.variable.name.value)),
  );
  const problems = Object.keys(inputs)
    .filter((name) => !declared.has(name))
    .map((name) => `${where}: variable "${name}" is not declared by the operations above`);
  for (const op of operations) {
    const { errors } = getVariableValues(
      schema,
      op.variableDefinitions ?? [],
      inputs as Record<string, unknown>,
    );
    for (const error of errors ?? [])
      problems.push(`${where}: ${op.name?.value ?? 'anonymous operation'}: ${error.message}`);
  }
  return problems;
}

function examine(schema: GraphQLSchema): Findings {
  const findings: Findings = {
    problems: [],
    rootFields: new Set(),
    graphqlBlocks: 0,
    variablesBlocks: 0,
  };
  for (const file of DOCS) {
    let lastGraphql: DocumentNode | null = null;
    for (const block of readBlocks(file)) {
      if (block.lang === 'json' && block.info.split(/\s+/).includes('variables')) {
        findings.variablesBlocks += file === API_DOC ? 1 : 0;
        findings.problems.push(...checkVariables(schema, block, lastGraphql));
        continue;
      }
      if (block.lang === 'graphql') {
        findings.graphqlBlocks += file === API_DOC ? 1 : 0;
        lastGraphql = null;
      }
      for (const snippet of snippetsOf(block)) {
        const { document, problems } = check(schema, snippet);
        findings.problems.push(...problems);
        if (block.lang === 'graphql' && problems.length === 0) lastGraphql = document;
        if (!document || file !== API_DOC) continue;
        for (const definition of document.definitions) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          for (const name of rootFieldsOf(document, definition)) findings.rootFields.add(name);
        }
      }
    }
  }
  return findings;
}

function rootFieldsOfSchema(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
    (type) => (type ? Object.keys(type.getFields()).map((name) => `${type.name}.${name}`) : []),
  );
}

const findings = examine(buildSchema(SDL));

test('every operation in docs/API.md and README.md is valid against schema.graphql', () => {
  assert.ok(findings.graphqlBlocks >= 10, `only ${findings.graphqlBlocks} graphql blocks found`);
  assert.ok(findings.variablesBlocks >= 5, `only ${findings.variablesBlocks} variables blocks`);
  if (findings.problems.length > 0)
    assert.fail(
      `Documented operations that do not fit schema.graphql:\n${findings.problems.join('\n')}`,
    );
});

test('docs/API.md shows every Query, Mutation and Subscription field', () => {
  const missing = rootFieldsOfSchema(buildSchema(SDL)).filter(
    (name) => !findings.rootFields.has(name),
  );
  if (missing.length > 0)
    assert.fail(`Not shown in any operation of docs/API.md: ${missing.join(', ')}`);
});

test('the check notices a renamed field', () => {
  const renamed = SDL.replace(/^ {2}online: Boolean!$/m, '  isOnline: Boolean!');
  assert.notEqual(renamed, SDL, 'Client.online is in schema.graphql');
  const problems = examine(buildSchema(renamed)).problems;
  assert.ok(
    problems.some((p) => /Cannot query field "online" on type "Client"/.test(p)),
    problems.join('\n'),
  );
});
