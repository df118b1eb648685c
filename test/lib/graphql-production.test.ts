// graphql-js loaded through src/lib/graphql-production.ts: in production mode (a type object from
// "another realm" is simply not that type, where development mode throws to name the duplicate),
// with NODE_ENV as it was before; an operator's own NODE_ENV is left alone. Each case in a fresh
// Node process: graphql-js decides once, when it loads.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MODULE = fileURLToPath(new URL('../../src/lib/graphql-production.ts', import.meta.url));

const PROBE = `
await import(${JSON.stringify(MODULE)});
const { isObjectType } = await import('graphql');
let mode;
try {
  isObjectType({ [Symbol.toStringTag]: 'GraphQLObjectType' });
  mode = 'production';
} catch {
  mode = 'development';
}
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
