// An event's details on one line: every key, null and lists included (issue 17 item 21).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summariseData } from '../../src/cli/format.js';

test('null values and lists are shown, not dropped', () => {
  assert.equal(
    summariseData({ allowed_paths: null, tags: ['a', 'b'], purpose: 'web' }),
    'allowed_paths=null tags=[a,b] purpose=web',
  );
  assert.equal(summariseData({ tags: [] }), 'tags=[]');
  assert.equal(summariseData({ limits: { rpm: 5 } }), 'limits={"rpm":5}');
  assert.equal(summariseData({ command: 'ls', exit_code: 0 }), 'ls → exit 0');
});
