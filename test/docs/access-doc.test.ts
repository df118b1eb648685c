// Keeps docs/access.md's role matrix true to the code: the table between the markers is what
// scripts/access-doc.ts prints from fleet/access.ts, graphql/access.ts and mcp/access.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { accessMatrixMarkdown, MATRIX_BEGIN, MATRIX_END } from './access-matrix.js';

test('docs/access.md prints the role matrix the code enforces', () => {
  const doc = readFileSync('docs/access.md', 'utf8');
  const start = doc.indexOf(MATRIX_BEGIN);
  const end = doc.indexOf(MATRIX_END);
  assert.ok(start >= 0 && end > start, 'docs/access.md lacks the matrix markers');
  // Prettier aligns the table's columns: compare cells, not spaces.
  const cells = (text: string): string[] =>
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/\s*\|\s*/g, '|')
          .replace(/-{3,}/g, '---')
          .trim(),
      )
      .filter((line) => line !== '');
  assert.deepEqual(
    cells(doc.slice(start, end + MATRIX_END.length)),
    cells(accessMatrixMarkdown()),
    'docs/access.md is stale: run npx tsx scripts/access-doc.ts and paste the table',
  );
});
