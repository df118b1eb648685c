// SSRF: with private targets not allowed, none of the corpus's targets (loopback in every
// spelling, private, link-local, metadata, unique-local, mapped IPv6, this machine's own
// addresses …) is contacted — neither when an operator sets it as a client's webhookUrl, nor by
// sendTestWebhook, nor when the global URL points there (checked again at delivery), nor
// through a redirect from an allowed receiver. A catch-all listener on every local address
// counts connections: it must see none.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ssrfCorpus } from '../support/ssrf-corpus.js';
import { waitFor } from '../support/wait.js';
import {
  ClientWebhookDocument,
  ConfigureWebhookDocument,
  SendTestWebhookDocument,
  WebhookDeliveriesDocument,
} from '../support/webhook-operations.js';

after(killAll);

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

describe('webhook SSRF guard', () => {
  let server: TestServer;
  let agent: TestAgent;
  const catchAll = createServer((_req, res) => res.end('contacted'));
  const redirector = createServer((_req, res) => {
    res.writeHead(302, { location: `http://127.0.0.1:${catchAllPort}/hook` });
    res.end();
  });
  let catchAllPort = 0;
  let redirectorPort = 0;
  let contacts = 0;

  before(async () => {
    catchAll.on('connection', () => (contacts += 1));
    // '::' is dual-stack: one listener for every local IPv4 and IPv6 address on this port.
    catchAllPort = await listen(catchAll, '::');
    redirectorPort = await listen(redirector, '127.0.0.5');
    server = await startServer({
      openEnrollment: true,
      env: {
        // Checked again at delivery: the global URL is only parsed at start.
        ETPHONEHOME_WEBHOOK_URL: `http://localhost:${catchAllPort}/global`,
        ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: '127.0.0.5',
        ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '50',
        ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS: '2',
      },
    });
    agent = await createAgent(server);
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
    catchAll.close();
    redirector.close();
  });

  test('at least 50 disallowed targets are refused by configureClient and sendTestWebhook, none contacted', async () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.address.startsWith('fe80'))
      .map((i) => i!.address);
    const corpus = ssrfCorpus(catchAllPort, own);
    assert.ok(corpus.length >= 50, `${corpus.length} targets`);
    for (const url of corpus) {
      await expectError(
        server.gql.request(ConfigureWebhookDocument, {
          id: agent.uuid,
          input: { webhookUrl: url },
        }),
        'BAD_USER_INPUT',
        /is refused: .*(private targets need|not a URL)/,
      );
      await expectError(
        server.gql.request(SendTestWebhookDocument, { url }),
        'BAD_USER_INPUT',
        /is refused/,
      );
    }
    const unchanged = await server.gql.request(ClientWebhookDocument, { id: agent.uuid });
    assert.equal(unchanged.client?.webhookUrl, null, 'nothing was set');
    assert.equal(contacts, 0, 'no target was contacted');
  });

  test('the global URL is checked again at delivery: refused, never contacted', async () => {
    const refused = await waitFor(
      async () => {
        const rows = (
          await server.gql.request(WebhookDeliveriesDocument, {
            filter: { event: 'client.connected' },
          })
        ).webhookDeliveries;
        return rows.find((d) => d.attempts > 0) ?? null;
      },
      { what: 'an attempted delivery to the global URL' },
    );
    assert.match(refused.lastError ?? '', /^refused: host "localhost" is a loopback name/);
    assert.equal(refused.lastStatusCode, null);
    const test = await server.gql.request(SendTestWebhookDocument, {});
    assert.equal(test.sendTestWebhook.status, 'FAILED');
    assert.match(test.sendTestWebhook.lastError ?? '', /^refused: /);
    assert.equal(contacts, 0);
  });

  test('a redirect from an allowed receiver to an internal address is not followed', async () => {
    const sent = await server.gql.request(SendTestWebhookDocument, {
      url: `http://127.0.0.5:${redirectorPort}/hook`,
    });
    assert.equal(sent.sendTestWebhook.status, 'FAILED');
    assert.equal(sent.sendTestWebhook.lastStatusCode, 302);
    assert.match(
      sent.sendTestWebhook.lastError ?? '',
      /redirect to http:\/\/127\.0\.0\.1:\d+\/hook not followed/,
    );
    // And as a client's own URL, through the outbox worker.
    await server.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: `http://127.0.0.5:${redirectorPort}/client` },
    });
    await agent.stop();
    const row = await waitFor(
      async () =>
        (
          await server.gql.request(WebhookDeliveriesDocument, {
            filter: { event: 'client.disconnected', status: 'FAILED' },
          })
        ).webhookDeliveries[0] ?? null,
      { what: 'the dead-lettered redirect' },
    );
    assert.match(row.lastError ?? '', /not followed/);
    assert.equal(contacts, 0, 'the internal address behind the redirect was never contacted');
  });
});
