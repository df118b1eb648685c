// Doors many servers open rarely are loaded by their first use, not at every start: GraphiQL's
// renderer (one 9 MB module: a third of a second and 45 MiB resident) and the MCP door (the MCP
// SDK, the tools and their JSON schemas: a fifth of a second). In a fresh Node process whose
// module hook reports every URL of theirs it resolves. The MCP door's first request loading it is
// what every MCP-over-HTTP end-to-end test does.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const source = (path: string): string => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** Reports (on stderr) each resolved URL of the renderer and of the MCP SDK. */
const HOOK = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/@graphql-yoga/render-graphiql/')) writeSync(2, 'LOADED renderer\\n');
  if (resolved.url.includes('/@modelcontextprotocol/sdk/')) writeSync(2, 'LOADED mcp-sdk\\n');
  return resolved;
}`;

/** What loaded in a fresh process running `steps`, each step's lines after its marker. */
function loads(steps: string): string[] {
  const probe = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}));
    const mark = (name) => process.stderr.write('STEP ' + name + '\\n');
    ${steps}`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', probe],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  // Each module once: the hook sees a URL per importer.
  return [...new Set(run.stderr.split('\n').filter((line) => /^(LOADED|STEP) /.test(line)))];
}

test('the server loads without the GraphiQL renderer and the MCP SDK; their first use loads them', () => {
  const seen = loads(`
    await import(${JSON.stringify(source('serve.ts'))});
    mark('server');
    const { graphiqlOptions, renderGraphiQLPage } = await import(${JSON.stringify(source('graphql/graphiql.ts'))});
    const page = await renderGraphiQLPage(graphiqlOptions);
    mark('page ' + (page.length > 100_000));
    await import(${JSON.stringify(source('mcp/http.ts'))});
    mark('mcp');`);
  assert.deepEqual(seen, [
    'STEP server',
    'LOADED renderer',
    'STEP page true',
    'LOADED mcp-sdk',
    'STEP mcp',
  ]);
});
