// The example tabs GraphiQL opens with, read from the `examples/` directory beside this module:
// one tab per workflow of the infrastructure guide, in the guide's order.
//
//   examples/NN-name.graphql   the tab's operations, in file-name order (NN sorts them). GraphiQL
//                              names a tab after its first operation, so each file leads with the
//                              step a user runs first, under a comment saying what the tab is for;
//                              later steps share the tab's variables (unused ones are ignored).
//   examples/NN-name.json      its variables (a JSON object), shown in the Variables pane; optional.
//
// Both are plain files so that prettier formats them and editors highlight them. `npm run build`
// copies the directory into dist/graphql/examples (scripts/copy-assets.mjs), which the package
// ships; test/graphql/graphiql-examples.test.ts validates every operation against schema.graphql,
// coerces each tab's variables, and loads the tabs from dist/ and from a packed package the way
// the server does. A missing or broken directory fails at start, not in a user's browser.

import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  const operations = names.filter((name) => name.endsWith('.graphql'));
  if (operations.length === 0) throw new ExamplesError(`No .graphql example tabs in ${dir}.`);
  const stray = names.filter(
    (name) => name.endsWith('.json') && !operations.includes(`${basename(name, '.json')}.graphql`),
  );
  if (stray.length > 0)
    throw new ExamplesError(`Variables without a tab in ${dir}: ${stray.join(', ')}.`);
  return operations.map((file) => {
    const variablesFile = `${basename(file, '.graphql')}.json`;
    return {
      file,
      query: readFileSync(join(dir, file), 'utf8'),
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
