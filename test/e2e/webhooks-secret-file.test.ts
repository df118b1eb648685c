// Deliveries are always signed: without ETPHONEHOME_WEBHOOK_SECRET the server generates a
// whsec_ secret into <data-dir>/webhook_secret (mode 0600) on its first start, says so in the
// first-start banner, keeps it across restarts, and signs with it.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';
import { startReceiver } from '../support/webhook-receiver.js';
import { SendTestWebhookDocument } from '../support/webhook-operations.js';

after(killAll);

test('a generated secret in the data directory signs every delivery', async () => {
  const server = await startServer({
    env: { ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1' },
  });
  try {
    const path = join(server.dataDir, 'webhook_secret');
    const secret = (await readFile(path, 'utf8')).trim();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal((await stat(path)).mode & 0o777, 0o600);
    await server.process.waitForLine((line) => line.includes(`Webhook secret       in ${path}`));

    const receiver = await startReceiver(secret);
    const sent = await server.gql.request(SendTestWebhookDocument, { url: receiver.url('/t') });
    assert.equal(sent.sendTestWebhook.status, 'DELIVERED');
    assert.ok(receiver.all[0]?.verified && receiver.all[0].plainVerified);

    await server.stop();
    await server.restart();
    assert.equal((await readFile(path, 'utf8')).trim(), secret, 'kept across restarts');
    const again = await server.gql.request(SendTestWebhookDocument, { url: receiver.url('/t') });
    assert.equal(again.sendTestWebhook.status, 'DELIVERED');
    assert.ok(receiver.all[1]?.verified);
    await receiver.close();
  } finally {
    await server.close();
  }
});
