// A change names one client or selects many, never both nor neither (clients update/configure).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clientOrSelectors } from '../../src/cli/bulk.js';
import { UsageError } from '../../src/cli/output.js';

test('clientOrSelectors: the client, or the selectors; both or neither is a usage error', () => {
  assert.deepEqual(clientOrSelectors('clients update', 'web-01', null, undefined), {
    id: 'web-01',
  });
  assert.deepEqual(clientOrSelectors('clients update', undefined, { tags: ['a'] }, true), {
    filter: { tags: ['a'] },
  });
  const both = /give either a client or selectors \(--tags, --query …\), not both/;
  assert.throws(() => clientOrSelectors('x', 'web-01', { tags: ['a'] }, false), both);
  assert.throws(() => clientOrSelectors('x', 'web-01', null, true), both);
  assert.throws(
    () => clientOrSelectors('clients configure', undefined, null, true),
    (error: unknown) =>
      error instanceof UsageError &&
      error.message ===
        'clients configure needs a client, or selectors (--tags, --query …) for many',
  );
});
