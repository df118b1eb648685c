// graphql-js loaded through src/lib/graphql-production.ts: in production mode (a type object from
// "another realm" is simply not that type, where development mode throws to name the duplicate),
// with NODE_ENV as it was before; an operator's own NODE_ENV is left alone; and `etphonehome`
// itself (src/main.ts) runs graphql-js so. Each case in a fresh Node process: graphql-js decides
// once, when it loads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../../src/lib/graphql-production.ts', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../package.json', import.meta.url));

/** JavaScript that sets `mode` from how the graphql-js `isObjectType` in scope behaves. */
const MODE_OF = `
let mode = 'production';
try {
  isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' });
} catch {
  mode = 'development';
}`;

const PROBE = `
await import(${JSON.stringify(MODULE)});
const { isObjectType } = await import('graphql');
${MODE_OF}
console.log(JSON.stringify({ mode, nodeEnv: process.env.NODE_ENV ?? null }));
`;

function probe(nodeEnv: string | undefined): { mode: string; nodeEnv: string | null } {
  const env = { ...process.env };
  delete env['NODE_ENV'];
  if (nodeEnv !== undefined) env['NODE_ENV'] = nodeEnv;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '--eval', PROBE],
    { env, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    mode: string;
    nodeEnv: string | null;
  };
}

test('graphql-js loads in production mode and NODE_ENV is left unset', () => {
  assert.deepEqual(probe(undefined), { mode: 'production', nodeEnv: null });
});

test("an operator's NODE_ENV decides, and stays", () => {
  assert.deepEqual(probe('development'), { mode: 'development', nodeEnv: 'development' });
});

test('etphonehome loads graphql-js in production mode before anything else does', () => {
  // Preloaded into `etphonehome --version`: at exit, the mode of the graphql-js it loaded.
  const atExit = `
    import { createRequire } from 'node:module';
    process.on('exit', () => {
      const { isObjectType } = createRequire(${JSON.stringify(PACKAGE)})('graphql');
      ${MODE_OF}
      process.stderr.write('graphql-js mode: ' + mode + '\\n');
    });`;
  const env = { ...process.env };
  delete env['NODE_ENV'];
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      `data:text/javascript,${encodeURIComponent(atExit)}`,
      MAIN,
      '--version',
    ],
    { env, encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /graphql-js mode: production/);
});
