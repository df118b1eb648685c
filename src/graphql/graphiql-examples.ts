// The example tabs GraphiQL opens with, read from the `examples/` directory beside this module:
// one tab per workflow of the infrastructure guide, in the guide's order.
//
//   examples/NN-name.graphql   the tab's operations, in file-name order (NN sorts them). GraphiQL
//                              names a tab after its first operation, so each file leads with the
//                              step a user runs first, under a comment saying what the tab is for;
//                              later steps share the tab's variables (unused ones are ignored).
//   examples/NN-name.json      its variables (a JSON object), shown in the Variables pane; optional.
//   examples/fragments.graphql the fragments the tabs share. A tab that spreads one gets its
//                              definition (and those it spreads in turn) appended below its
//                              operations, so each tab is a whole document GraphiQL can run.
//
// Both are plain files so that prettier formats them and editors highlight them. `npm run build`
// copies the directory into dist/graphql/examples (scripts/copy-assets.mjs), which the package
// ships; test/graphql/graphiql-examples.test.ts validates every operation against schema.graphql,
// coerces each tab's variables, and loads the tabs from dist/ and from a packed package the way
// the server does. A missing or broken directory fails at start, not in a user's browser.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, visit, type ASTNode, type DocumentNode } from 'graphql';

export interface GraphiQLExample {
  /** The file it came from, e.g. "01-fleet-status.graphql". */
  file: string;
  /** The tab's operations, with their leading comment. */
  query: string;
  /** The tab's variables, or null when it has none. */
  variables: Record<string, unknown> | null;
}

/** Where the server finds the tabs: examples/ beside this module, in src/ or in dist/. */
export const EXAMPLES_DIR = fileURLToPath(new URL('./examples/', import.meta.url));

/** The file of fragments the tabs share; not a tab itself. */
export const FRAGMENTS_FILE = 'fragments.graphql';

export class ExamplesError extends Error {
  override name = 'ExamplesError';
}

export function loadGraphiQLExamples(dir: string = EXAMPLES_DIR): GraphiQLExample[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    throw new ExamplesError(
      `GraphiQL's example tabs are missing (${(error as Error).message}): the build copies src/graphql/examples to dist/graphql/examples (npm run build).`,
    );
  }
  const operations = names.filter((name) => name.endsWith('.graphql') && name !== FRAGMENTS_FILE);
  if (operations.length === 0) throw new ExamplesError(`No .graphql example tabs in ${dir}.`);
  const stray = names.filter(
    (name) => name.endsWith('.json') && !operations.includes(`${basename(name, '.json')}.graphql`),
  );
  if (stray.length > 0)
    throw new ExamplesError(`Variables without a tab in ${dir}: ${stray.join(', ')}.`);
  const fragments = names.includes(FRAGMENTS_FILE)
    ? readFragments(join(dir, FRAGMENTS_FILE))
    : new Map<string, Fragment>();
  return operations.map((file) => {
    const variablesFile = `${basename(file, '.graphql')}.json`;
    return {
      file,
      query: withFragments(join(dir, file), readFileSync(join(dir, file), 'utf8'), fragments),
      variables: names.includes(variablesFile) ? readVariables(join(dir, variablesFile)) : null,
    };
  });
}

function readVariables(path: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ExamplesError(`${path} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ExamplesError(`${path} must hold a JSON object of variables.`);
  return value as Record<string, unknown>;
}

/** A shared fragment: its text as written (with the comment above it), and the fragments it spreads. */
interface Fragment {
  text: string;
  spreads: string[];
}

function parseExample(path: string, text: string): DocumentNode {
  try {
    return parse(text);
  } catch (error) {
    throw new ExamplesError(`${path} is not GraphQL: ${(error as Error).message}`);
  }
}

function spreadsOf(node: ASTNode): string[] {
  const names = new Set<string>();
  visit(node, {
    FragmentSpread(spread) {
      names.add(spread.name.value);
    },
  });
  return [...names];
}

function readFragments(path: string): Map<string, Fragment> {
  const source = readFileSync(path, 'utf8');
  const fragments = new Map<string, Fragment>();
  let from = 0;
  for (const definition of parseExample(path, source).definitions) {
    if (definition.kind !== Kind.FRAGMENT_DEFINITION || !definition.loc)
      throw new ExamplesError(`${path} may hold fragments only.`);
    // The comment lines just above a fragment travel with it.
    const lines = source.slice(from, definition.loc.start).trimEnd().split('\n');
    const comment = lines.slice(lines.findLastIndex((line) => !line.startsWith('#')) + 1);
    fragments.set(definition.name.value, {
      text: [...comment, source.slice(definition.loc.start, definition.loc.end)].join('\n'),
      spreads: spreadsOf(definition),
    });
    from = definition.loc.end + 1;
  }
  return fragments;
}

/** The tab's text, with the definitions of the shared fragments it spreads appended. */
function withFragments(path: string, text: string, fragments: Map<string, Fragment>): string {
  const document = parseExample(path, text);
  const defined = new Set(
    document.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [],
    ),
  );
  const needed: string[] = [];
  const queue = spreadsOf(document).filter((name) => !defined.has(name));
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (needed.includes(name)) continue;
    const fragment = fragments.get(name);
    if (!fragment)
      throw new ExamplesError(
        `${path} spreads ...${name}, which neither it nor ${FRAGMENTS_FILE} defines.`,
      );
    needed.push(name);
    queue.push(...fragment.spreads);
  }
  if (needed.length === 0) return text;
  return [text.trimEnd(), ...needed.map((name) => fragments.get(name)?.text)].join('\n\n') + '\n';
}
