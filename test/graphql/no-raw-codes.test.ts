// No error-code string is written in the GraphQL door: every code position is typed from the
// catalogue (ErrorCode.x), so a code cannot be misspelt or invented there. A string literal equal
// to a catalogue code fails this test, naming the file and line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '../../src/errors.js';

/** Directories whose code must name codes through the catalogue. */
const CHECKED = ['src/graphql'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Lines holding a string literal that is exactly an error code ('NOT_FOUND', "…", `…`). */
function rawCodes(text: string, file: string): string[] {
  const literal = new RegExp(`(['"\`])(${errorCodes.join('|')})\\1`, 'g');
  return text
    .split('\n')
    .flatMap((line, index) =>
      [...line.matchAll(literal)].map((m) => `${file}:${index + 1}: ${m[2] ?? ''}`),
    );
}

test('no raw error-code string in the GraphQL door', () => {
  const found = CHECKED.flatMap(sources).flatMap((file) =>
    rawCodes(readFileSync(file, 'utf8'), file),
  );
  assert.deepEqual(found, []);
});

test('the check notices a raw code', () => {
  assert.deepEqual(rawCodes(`throw new AppError('NOT_FOUND', "x");\nconst ok = 'FOUND';`, 'f.ts'), [
    'f.ts:1: NOT_FOUND',
  ]);
  assert.deepEqual(rawCodes('extensions: { code: `BAD_REQUEST` }', 'g.ts'), [
    'g.ts:1: BAD_REQUEST',
  ]);
});
