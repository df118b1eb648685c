// The MCP client filter, defined once: its bounds are the fleet's own (a door that allowed less
// or more would drift from what the fleet enforces), and it maps to GraphQL's ClientFilter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import {
  MAX_CAPABILITY_CHARS,
  MAX_PURPOSE_CHARS,
  MAX_QUERY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
} from '../../src/fleet/limits.js';
import { clientFilterInput, toClientFilter } from '../../src/mcp/client-filter.js';

const schema = z.strictObject(clientFilterInput);
const accepts = (value: unknown): boolean => schema.safeParse(value).success;

test("the bounds are the fleet's: at the limit accepted, one past it refused", () => {
  const cases: [string, (n: number) => unknown, number][] = [
    ['query', (n) => 'q'.repeat(n), MAX_QUERY_CHARS],
    ['purpose', (n) => 'p'.repeat(n), MAX_PURPOSE_CHARS],
    ['tags', (n) => ['t'.repeat(n)], MAX_TAG_CHARS],
    ['tags', (n) => Array.from({ length: n }, (_, i) => `t${i}`), MAX_TAGS],
    ['capabilities', (n) => ['c'.repeat(n)], MAX_CAPABILITY_CHARS],
    ['capabilities', (n) => Array.from({ length: n }, (_, i) => `c${i}`), MAX_TAGS],
  ];
  for (const [field, make, limit] of cases) {
    assert.ok(accepts({ [field]: make(limit) }), `${field} at ${limit}`);
    assert.ok(!accepts({ [field]: make(limit + 1) }), `${field} past ${limit}`);
  }
  for (const empty of [{ query: '' }, { purpose: '' }, { tags: [''] }, { capabilities: [''] }])
    assert.ok(!accepts(empty), JSON.stringify(empty));
});

test('toClientFilter maps the snake_case arguments given, and only those', () => {
  assert.equal(toClientFilter({}), null);
  assert.deepEqual(
    toClientFilter({
      query: 'api',
      purpose: 'API Server',
      tags: ['production'],
      capabilities: ['docker'],
      online_only: true,
    }),
    {
      query: 'api',
      purpose: 'API Server',
      tags: ['production'],
      capabilities: ['docker'],
      onlineOnly: true,
    },
  );
  assert.deepEqual(toClientFilter({ online_only: false }), { onlineOnly: false });
  assert.deepEqual(toClientFilter({ tags: [] }), { tags: [] });
});
