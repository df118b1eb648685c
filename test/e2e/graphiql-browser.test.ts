// GraphiQL in a real browser (Debian's chromium driven by playwright-core): the page loads with
// no network beyond loopback, the login form refuses a wrong key with the server's message and
// accepts the right one, a query shows a client, a subscription shows an agent connecting, a
// stale saved key brings the form back, and log out forgets the key. Takes a screenshot; with
// UPDATE_SCREENSHOT=1 it replaces docs/graphiql.png (the README's), so a plain run leaves the
// checkout clean.
// Skipped only when no chromium binary exists (CI installs it: see .ci/run).

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type Locator, type Page } from 'playwright-core';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';

after(killAll);

const CHROMIUM = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));
const SCREENSHOT =
  process.env['UPDATE_SCREENSHOT'] === '1'
    ? resolve('docs/graphiql.png')
    : join(tmpdir(), `etph-graphiql-${process.pid}.png`);

// Flags that keep Chromium's own background traffic (updates, sync, safe browsing, metrics…) off
// the network; the host-resolver rule makes any name but localhost unresolvable, as a backstop
// for requests context.route cannot see.
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--no-first-run',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const isLoopback = (url: URL): boolean =>
  ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** Polls a locator's text (Monaco renders spaces as no-break spaces) until it matches. */
async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms; text was:\n${text}`);
}

/** Opens an example tab by its title. */
async function openTab(page: Page, title: string): Promise<void> {
  // The tab strip is a framer-motion reorder group that scrolls sideways; a synthesized mouse
  // click on a scrolled-in tab can be taken for the start of a drag, a click event cannot.
  await page
    .locator('.graphiql-tab-button', { hasText: new RegExp(`^${title}$`) })
    .dispatchEvent('click');
  await waitForText(page.locator('.graphiql-tab-active'), new RegExp(`^${title}$`), 5_000);
}

test(
  'GraphiQL: log in, query, subscribe, wrong and stale keys, log out',
  {
    skip: CHROMIUM ? false : 'no chromium binary (apt-get install chromium, or set CHROMIUM_PATH)',
  },
  async () => {
    assert.ok(CHROMIUM);
    const server = await startServer({ openEnrollment: true });
    const first = await createAgent(server, {
      displayName: 'Browser Box',
      purpose: 'GraphiQL demo',
      tags: ['e2e'],
    });
    await first.start();
    await first.waitOnline(server);

    const profile = await mkdtemp(join(tmpdir(), 'etph-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: CHROMIUM_ARGS,
    });
    const late = await createAgent(server, { displayName: 'Late Arrival' });
    try {
      const offLoopback: string[] = [];
      await context.route('**/*', (route) => {
        if (isLoopback(new URL(route.request().url()))) return route.continue();
        offLoopback.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      await context.routeWebSocket(
        (url) => !isLoopback(url),
        (ws) => {
          offLoopback.push(ws.url());
          return ws.close();
        },
      );
      const apiCalls: { url: string; authorization: string | undefined }[] = [];
      context.on('request', (request) => {
        if (request.isNavigationRequest()) return;
        if (new URL(request.url()).pathname !== '/graphql') return;
        apiCalls.push({ url: request.url(), authorization: request.headers()['authorization'] });
      });

      const page = context.pages()[0] ?? (await context.newPage());
      const pageUrl = `${server.url}/graphql`;
      await page.goto(pageUrl);
      await page.locator('.graphiql-container').first().waitFor();
      const login = page.locator('#etph-login');
      const error = page.locator('#etph-login-error');
      await login.waitFor({ state: 'visible' });

      // A wrong key: the form stays, with the server's own 401 message.
      await page.fill('#etph-key', 'not-the-key');
      await page.click('#etph-login-submit');
      await waitForText(error, /Login failed: The API key is not valid/);
      assert.ok(await login.isVisible());

      // The right key: the form goes, GraphiQL loads the schema and runs the first tab.
      await page.fill('#etph-key', server.apiKey);
      await page.click('#etph-login-submit');
      await login.waitFor({ state: 'hidden' });
      await page.locator('#etph-logout').waitFor({ state: 'visible' });
      await waitForText(page.locator('.graphiql-tab-active'), /^FleetStatus$/);
      await page.click('.graphiql-execute-button');
      const result = page.locator('.result-window');
      await waitForText(result, /"displayName": "Browser Box"[\s\S]*"online": true/);
      await mkdir(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      assert.ok((await stat(SCREENSHOT)).size > 10_000, 'a real screenshot was written');

      // A subscription over SSE: an agent that connects now shows up in the result pane.
      await openTab(page, 'WatchEvents');
      // The editor follows the tab a moment later; run only once it shows the subscription.
      await waitForText(page.locator('.graphiql-query-editor').first(), /subscription WatchEvents/);
      // The SSE response's headers only come with its first event, so wait for the request,
      // then give the server a moment to put the subscription on the event bus. Under load a
      // click can land before GraphiQL is ready for it: one more click then, not a failure.
      const isStream = (request: { headers(): Record<string, string> }): boolean =>
        request.headers()['accept']?.includes('text/event-stream') === true;
      let stream = page.waitForRequest(isStream, { timeout: 15_000 });
      await page.click('.graphiql-execute-button');
      const request = await stream.catch(async () => {
        stream = page.waitForRequest(isStream, { timeout: 30_000 });
        await page.click('.graphiql-execute-button');
        return stream;
      });
      assert.match(request.url(), /subscription/);
      await new Promise((r) => setTimeout(r, 500));
      await late.start();
      await waitForText(result, /"event": "client.connected"[\s\S]*"displayName": "Late Arrival"/);

      // GraphiQL mirrors the editor into ?query=; the page keeps it out so that a reload works.
      assert.equal(new URL(page.url()).search, '');
      // A saved key the server no longer takes brings the form back on the next load.
      await page.evaluate(`sessionStorage.setItem('etphonehome.apiKey', 'stale-key')`);
      await page.reload();
      await login.waitFor({ state: 'visible' });
      await waitForText(error, /The server refused the saved key: The API key is not valid/);

      // "Remember" keeps the key in localStorage; log out forgets it everywhere.
      await page.fill('#etph-key', server.apiKey);
      await page.check('#etph-remember');
      await page.click('#etph-login-submit');
      await login.waitFor({ state: 'hidden' });
      assert.equal(
        await page.evaluate(`localStorage.getItem('etphonehome.apiKey')`),
        server.apiKey,
      );
      await page.click('#etph-logout');
      await login.waitFor({ state: 'visible' });
      assert.deepEqual(
        await page.evaluate(
          `[sessionStorage.getItem('etphonehome.apiKey'), localStorage.getItem('etphonehome.apiKey')]`,
        ),
        [null, null],
      );

      assert.deepEqual(offLoopback, [], 'requests beyond loopback');
      assert.ok(apiCalls.length > 0);
      for (const call of apiCalls) {
        assert.ok(!call.url.includes(server.apiKey), `API key in a URL: ${call.url}`);
        assert.match(call.authorization ?? '', /^Bearer /, `no Authorization on ${call.url}`);
      }
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await late.close();
      await first.close();
      await server.close();
    }
  },
);
