// Issue 17 item 25: a webhook URL whose host does not resolve is set (DNS may be down) but said,
// as data — in configureClient's answer (webhookUrlWarning) and in the client.updated event —
// and deliveries still queued for a URL that was replaced can be discarded
// (webhooks.discard, GraphQL discardWebhookDeliveries). Real fleet, store, webhook worker, hub
// and agent tunnel, in process.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readWebhookSettings } from '../../src/fleet/webhooks/settings.js';
import { startInProcessFleet, type InProcessFleet } from '../support/in-process-fleet.js';
import { expectAppError } from '../support/app-error.js';
import { waitFor } from '../support/wait.js';

let f: InProcessFleet;
const caller = { actor: 'test' };
const OLD_URL = 'http://old-receiver.invalid/hook';
const NEW_URL = 'http://new-receiver.invalid/hook';

before(async () => {
  f = await startInProcessFleet({
    webhooks: {
      // A long retry base: a failed attempt leaves its delivery PENDING (and unclaimed) for hours.
      settings: readWebhookSettings({ ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '3600000' }),
      globalSecret: 'whsec_' + Buffer.alloc(24, 3).toString('base64'),
    },
  });
});
after(() => f.close());

test('an unresolvable webhookUrl is set with a warning; queued deliveries to it can be discarded', async () => {
  const first = await f.agent({ facts: { hostname: 'hooked-01' } });
  const view = await f.fleet.clients.configure('hooked-01', { webhookUrl: OLD_URL }, caller);
  assert.equal(view.webhookUrl, OLD_URL, 'set anyway');
  assert.match(view.webhookUrlWarning ?? '', /old-receiver\.invalid.* does not resolve now/);
  const [updated] = await f.fleet.events.list(
    { events: ['client.updated'], clientId: 'hooked-01' },
    1,
  );
  assert.match(String(updated?.data['webhook_url_warning']), /does not resolve/);
  const later = await f.fleet.clients.get('hooked-01');
  assert.equal(later.webhookUrlWarning, undefined, 'only in the answer of the change');

  // Events queue deliveries to the old URL (they fail to resolve and wait for their retry).
  await first.stop();
  await f.agent({ uuid: first.uuid, privateKey: first.privateKey });
  await waitFor(
    async () => {
      const pending = await f.fleet.webhooks.list({ status: 'PENDING', clientId: 'hooked-01' }, 50);
      return pending.filter((d) => d.url === OLD_URL && d.attempts >= 1).length >= 2 || undefined;
    },
    { what: 'two deliveries to the old URL tried and waiting' },
  );
  await f.fleet.clients.configure('hooked-01', { webhookUrl: NEW_URL }, caller);

  await expectAppError(
    f.fleet.webhooks.discard({}),
    'BAD_USER_INPUT',
    /Give clientId, url or event/,
  );
  const discarded = await f.fleet.webhooks.discard({ clientId: 'hooked-01', url: OLD_URL });
  assert.ok(discarded >= 2, `discarded ${discarded}`);
  const left = await f.fleet.webhooks.list({ status: 'PENDING', clientId: 'hooked-01' }, 50);
  assert.deepEqual(
    left.filter((d) => d.url === OLD_URL),
    [],
  );
});
