// On the server machine the CLI finds the server without --url (issue 17 item 21): the server
// writes the URL it listens on (here a port chosen at start) into its data directory, and the
// CLI reads it there, as it reads the api_key file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

test('the server writes http_url; the CLI with only the data directory reaches it', async () => {
  assert.equal(
    (await readFile(join(server.dataDir, 'http_url'), 'utf8')).trim(),
    `http://127.0.0.1:${server.httpPort}`,
  );
  const listed = await runCli(server, ['clients', 'list', '--json'], {
    ETPHONEHOME_URL: '',
    ETPHONEHOME_DATA_DIR: server.dataDir,
  });
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(JSON.parse(listed.stdout), []);
});

test("the server's ETPHONEHOME_HTTP_PORT in the operator's shell is read too", async () => {
  const listed = await runCli(server, ['clients', 'list', '--json'], {
    ETPHONEHOME_URL: '',
    ETPHONEHOME_HTTP_PORT: String(server.httpPort),
  });
  assert.equal(listed.code, 0, listed.stderr);
});
