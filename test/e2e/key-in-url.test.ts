// A key in the query string is refused with a message that says so (issue 17 item 22), not
// "Missing API key": the caller did send one, in a place the server does not read.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';

after(killAll);

test('a key in the URL: "Keys in URLs are not accepted", and nothing runs', async () => {
  const server = await startServer();
  try {
    const refused = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}&api_key=${server.apiKey}`,
    );
    assert.equal(refused.status, 401);
    const body = (await refused.json()) as { errors: { message: string }[] };
    assert.match(
      body.errors[0]?.message ?? '',
      /^Keys in URLs are not accepted .*"api_key".*Authorization: Bearer/,
    );

    const missing = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`,
    );
    assert.equal(missing.status, 401);
    const plain = (await missing.json()) as { errors: { message: string }[] };
    assert.match(plain.errors[0]?.message ?? '', /^Missing API key/);
  } finally {
    await server.close();
  }
});
