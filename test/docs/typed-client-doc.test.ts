// docs/typed-client.md is true (issue 17 item 24): its runnable recipe (the ```js recipe block)
// runs as it is against a real server and prints what it says, and its typed operation validates
// against schema.graphql.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { createAgent } from '../support/agent.js';
import { killAll, spawnProcess } from '../support/processes.js';
import { startServer } from '../support/server.js';

after(killAll);

const doc = readFileSync('docs/typed-client.md', 'utf8');

function block(info: string): string {
  const match = new RegExp('```' + info + '\\n([\\s\\S]*?)\\n```').exec(doc);
  assert.ok(match?.[1], `docs/typed-client.md has a \`\`\`${info} block`);
  return match[1];
}

test('the typed operation of the recipe validates against the schema', () => {
  const operation = /graphql\(`([\s\S]*?)`\)/.exec(doc)?.[1];
  assert.ok(operation, 'a graphql(`…`) operation in the doc');
  const errors = validate(buildSchema(readFileSync('schema.graphql', 'utf8')), parse(operation));
  assert.deepEqual(
    errors.map((e) => e.message),
    [],
  );
});

test('the runnable recipe runs against a server as it is', async () => {
  const server = await startServer({ openEnrollment: true });
  const agent = await createAgent(server, { displayName: 'recipe-target' });
  const dir = await mkdtemp(join(tmpdir(), 'etph-recipe-'));
  try {
    await agent.start();
    await agent.waitOnline(server);
    const script = join(dir, 'recipe.mjs');
    await writeFile(script, block('js recipe'));
    const run = spawnProcess(process.execPath, [script], {
      env: { ...process.env, ETPHONEHOME_URL: server.url, ETPHONEHOME_API_KEY: server.apiKey },
    });
    const summary = await run.waitForLine((line) => line.includes('online'));
    assert.equal(summary, '1 of 1 online');
    const event = await run.waitForLine((line) => line.includes('client.connected'));
    assert.match(event, /^\d+ client\.connected \S+/);
  } finally {
    await agent.close();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
