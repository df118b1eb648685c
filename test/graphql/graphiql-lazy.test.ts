// GraphiQL's renderer (one 9 MB module: a third of a second and 45 MiB resident at every start)
// is loaded when the page is first rendered, not when the API server's modules load. In a fresh
// Node process whose module hook reports every URL it resolves.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../src/graphql/server.ts', import.meta.url));
const GRAPHIQL = fileURLToPath(new URL('../../src/graphql/graphiql.ts', import.meta.url));

/** Reports (on stderr) each resolved URL of @graphql-yoga/render-graphiql. */
const HOOK = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.includes('/@graphql-yoga/render-graphiql/')) writeSync(2, 'RENDERER ' + resolved.url + '\\n');
  return resolved;
}`;

test('the API server loads without the GraphiQL renderer; the first page render loads it', () => {
  const probe = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(HOOK)}));
    await import(${JSON.stringify(SERVER)});
    process.stderr.write('SERVER LOADED\\n');
    const { graphiqlOptions, renderGraphiQLPage } = await import(${JSON.stringify(GRAPHIQL)});
    const page = await renderGraphiQLPage(graphiqlOptions);
    process.stderr.write('PAGE ' + page.length + '\\n');`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', probe],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stderr.split('\n').filter((line) => /^(RENDERER|SERVER|PAGE) /.test(line));
  const loaded = lines.indexOf('SERVER LOADED');
  assert.ok(loaded >= 0, run.stderr);
  assert.deepEqual(
    lines.slice(0, loaded).filter((line) => line.startsWith('RENDERER')),
    [],
    'the renderer was loaded with the server',
  );
  assert.ok(
    lines.slice(loaded).some((line) => line.startsWith('RENDERER')),
    `the page render did not load the renderer (or the hook saw nothing):\n${lines.join('\n')}`,
  );
  assert.match(lines.at(-1) ?? '', /^PAGE [1-9]\d{5,}$/);
});
