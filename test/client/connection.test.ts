// Where a client finds the server and its key: --url, ETPHONEHOME_URL or the default; the key
// from ETPHONEHOME_API_KEY or the server's api_key file; clear errors otherwise.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectionError,
  DEFAULT_SERVER_URL,
  HTTP_URL_FILE,
  localHttpUrl,
  resolveConnection,
} from '../../src/client/index.js';

let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'etph-client-connection-'));
  await writeFile(join(dataDir, 'api_key'), 'from-file\n');
});
after(() => rm(dataDir, { recursive: true, force: true }));

test('the URL: --url, else ETPHONEHOME_URL, else the default', async () => {
  const env = { ETPHONEHOME_API_KEY: 'k', ETPHONEHOME_URL: 'http://env:1' };
  assert.equal((await resolveConnection({ url: 'http://flag:2' }, env)).url, 'http://flag:2');
  assert.equal((await resolveConnection({}, env)).url, 'http://env:1');
  assert.equal((await resolveConnection({}, { ETPHONEHOME_API_KEY: 'k' })).url, DEFAULT_SERVER_URL);
  await assert.rejects(resolveConnection({ url: 'not a url' }, env), (error: unknown) => {
    assert.ok(error instanceof ConnectionError);
    assert.match(error.message, /--url \/ ETPHONEHOME_URL must be a URL .*"not a url"/);
    return true;
  });
});

test('the key: ETPHONEHOME_API_KEY, else the api_key file of the data directory (trimmed)', async () => {
  const flags = { 'data-dir': dataDir };
  assert.equal((await resolveConnection(flags, { ETPHONEHOME_API_KEY: 'env' })).apiKey, 'env');
  assert.equal((await resolveConnection(flags, {})).apiKey, 'from-file');
  assert.equal(
    (await resolveConnection({}, { ETPHONEHOME_DATA_DIR: dataDir })).apiKey,
    'from-file',
  );
});

test('no key anywhere: a ConnectionError naming the file it looked for', async () => {
  const missing = join(dataDir, 'nowhere');
  await assert.rejects(resolveConnection({ 'data-dir': missing }, {}), (error: unknown) => {
    assert.ok(error instanceof ConnectionError);
    assert.ok(error.message.includes(join(missing, 'api_key')), error.message);
    assert.match(error.message, /ETPHONEHOME_API_KEY/);
    return true;
  });
});

test("the address on the server machine: the server's ETPHONEHOME_HTTP_PORT, then its http_url file", async () => {
  const served = await mkdtemp(join(tmpdir(), 'etph-client-address-'));
  try {
    await writeFile(join(served, 'api_key'), 'k\n');
    const flags = { 'data-dir': served };
    // No file yet: the default.
    assert.equal((await resolveConnection(flags, {})).url, DEFAULT_SERVER_URL);
    await writeFile(join(served, HTTP_URL_FILE), 'http://127.0.0.1:40123\n');
    assert.equal((await resolveConnection(flags, {})).url, 'http://127.0.0.1:40123');
    assert.equal(
      (await resolveConnection({}, { ETPHONEHOME_DATA_DIR: served })).url,
      'http://127.0.0.1:40123',
    );
    // The port variable the server itself reads wins over the file; a wildcard host is loopback.
    assert.equal(
      (await resolveConnection(flags, { ETPHONEHOME_HTTP_PORT: '9000' })).url,
      'http://127.0.0.1:9000',
    );
    assert.equal(
      (
        await resolveConnection(flags, {
          ETPHONEHOME_HTTP_PORT: '9000',
          ETPHONEHOME_HTTP_HOST: '0.0.0.0',
        })
      ).url,
      'http://127.0.0.1:9000',
    );
    assert.equal(localHttpUrl('::', 9000), 'http://[::1]:9000');
    // An explicit URL still wins over both.
    assert.equal(
      (
        await resolveConnection(flags, {
          ETPHONEHOME_URL: 'http://env:1',
          ETPHONEHOME_HTTP_PORT: '9000',
        })
      ).url,
      'http://env:1',
    );
    await assert.rejects(
      resolveConnection(flags, { ETPHONEHOME_HTTP_PORT: 'eighty' }),
      (error: unknown) => {
        assert.ok(error instanceof ConnectionError);
        assert.match(error.message, /ETPHONEHOME_HTTP_PORT .*"eighty"/);
        return true;
      },
    );
  } finally {
    await rm(served, { recursive: true, force: true });
  }
});
