// GraphiQL in a real browser against a server started with ETPHONEHOME_TRUSTED_DOCUMENTS=1: the
// login check and GraphiQL's introspection (schema-only operations) are admitted, the first tab
// runs (a shipped document), and an edited query is refused with UNTRUSTED_DOCUMENT shown in
// the result pane. (The full GraphiQL flow, without the variable: graphiql-browser.test.ts.)
// Skipped only when no chromium binary exists.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Locator } from 'playwright-core';
import { createAgent } from '../support/agent.js';
import { cliJson } from '../support/cli.js';
import { killAll } from '../support/processes.js';
import { startServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const CHROMIUM = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .filter((path): path is string => Boolean(path))
  .find((path) => existsSync(path));

async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no ${pattern} within ${timeoutMs} ms; text was:\n${text}`);
}

test(
  'GraphiQL with ETPHONEHOME_TRUSTED_DOCUMENTS=1: log in, run the first tab, an edit is refused',
  {
    skip: CHROMIUM ? false : 'no chromium binary (apt-get install chromium, or set CHROMIUM_PATH)',
  },
  async () => {
    assert.ok(CHROMIUM);
    const server = await startServer({
      openEnrollment: true,
      env: { ETPHONEHOME_TRUSTED_DOCUMENTS: '1' },
    });
    const agent = await createAgent(server, { displayName: 'Trusted Box' });
    await agent.start();
    await waitFor(
      async () =>
        (await cliJson<{ online: boolean }[]>(server, ['clients', 'list'])).some((c) => c.online),
      { what: 'Trusted Box online' },
    );
    const profile = await mkdtemp(join(tmpdir(), 'etph-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: ['--no-first-run', '--disable-background-networking', '--no-default-browser-check'],
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      // GraphiQL's introspection query (its text depends on GraphiQL's options): admitted.
      const introspected: unknown[] = [];
      page.on('response', (response) => {
        if (!response.request().postData()?.includes('__schema')) return;
        response.json().then(
          (body: { data?: { __schema?: unknown } }) => introspected.push(body.data?.__schema),
          () => introspected.push(undefined),
        );
      });
      await page.goto(`${server.url}/graphql`);
      await page.locator('.graphiql-container').first().waitFor();
      const login = page.locator('#etph-login');
      await login.waitFor({ state: 'visible' });
      await page.fill('#etph-key', server.apiKey);
      await page.click('#etph-login-submit');
      await login.waitFor({ state: 'hidden' });
      await waitForText(page.locator('.graphiql-tab-active'), /^FleetStatus$/);
      await page.click('.graphiql-execute-button');
      const result = page.locator('.result-window');
      await waitForText(result, /"displayName": "Trusted Box"[\s\S]*"online": true/);
      await waitFor(async () => introspected.length > 0, { what: 'the introspection answer' });
      assert.ok(introspected.every(Boolean), 'introspection answered with the schema');

      // An edited query is another document: refused, with the code and how to register it.
      await page.locator('.graphiql-query-editor .monaco-editor').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText('query Edited { tags { name } }');
      // GraphiQL reparses the editor after a pause; run before that and it asks for the old
      // operation by name ("Cannot infer operation FleetStatus"). The tab takes the new name then.
      await waitForText(page.locator('.graphiql-tab-active'), /^Edited$/);
      await page.click('.graphiql-execute-button');
      await waitForText(result, /UNTRUSTED_DOCUMENT/);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await agent.close();
      await server.close();
    }
  },
);
