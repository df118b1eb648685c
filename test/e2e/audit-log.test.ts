// ETPHONEHOME_AUDIT_LOG across a SIGKILL: every event recorded in the database is in the file
// after a restart (caught up from its last line); `audit export --follow` sees new events as
// they are recorded; `audit verify` finds the chain intact.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createAgent, type TestAgent } from '../support/agent.js';
import { SERVER_BIN, startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

let server: TestServer;
let dir: string;
let logFile: string;
let agent: TestAgent;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'etph-audit-e2e-'));
  logFile = join(dir, 'audit.jsonl');
  server = await startServer({ openEnrollment: true, env: { ETPHONEHOME_AUDIT_LOG: logFile } });
  agent = await createAgent(server, { displayName: 'audited' });
  await agent.start();
  await agent.waitOnline(server);
});
after(async () => {
  await agent.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** `n` client.updated events on the agent's client. */
async function makeEvents(n: number, label: string): Promise<void> {
  for (let i = 0; i < n; i++) {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        query: `mutation { updateClient(id: "${agent.uuid}", input: {purpose: "${label}-${i}"}) { uuid } }`,
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body));
  }
}

function ids(text: string): number[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { id: number }).id);
}

test('the audit file holds every recorded event after a SIGKILL and a restart; export --follow sees new ones', async () => {
  const follow = spawn(
    process.execPath,
    [SERVER_BIN, 'audit', 'export', '--follow', '--data-dir', server.dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let followed = '';
  follow.stdout.on('data', (chunk: Buffer) => (followed += chunk.toString('utf8')));
  try {
    await makeEvents(3, 'before');
    await server.stop('SIGKILL');
    await server.restart();
    await makeEvents(2, 'after');
    const exported = await new Promise<string>((resolve, reject) => {
      const out: Buffer[] = [];
      const child = spawn(process.execPath, [
        SERVER_BIN,
        'audit',
        'export',
        '--data-dir',
        server.dataDir,
      ]);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
    });
    const inDatabase = ids(exported);
    // The five updates at least (and the connections): an empty export would prove nothing.
    assert.ok(inDatabase.length >= 5, `export holds the events (${inDatabase.length})`);
    await waitFor(async () => {
      const inFile = ids(await readFile(logFile, 'utf8').catch(() => ''));
      return inDatabase.every((id) => inFile.includes(id)) ? true : null;
    });
    const inFile = ids(await readFile(logFile, 'utf8'));
    assert.deepEqual(
      [...new Set(inFile)].sort((a, b) => a - b),
      inFile,
      'ids in order, once each',
    );
    await waitFor(async () => (inDatabase.every((id) => ids(followed).includes(id)) ? true : null));
    const verified = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
      const out: Buffer[] = [];
      const child = spawn(process.execPath, [
        SERVER_BIN,
        'audit',
        'verify',
        '--data-dir',
        server.dataDir,
      ]);
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => out.push(c));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, out: Buffer.concat(out).toString('utf8') }));
    });
    assert.equal(verified.code, 0, `audit verify finds the chain intact: ${verified.out}`);
  } finally {
    follow.kill('SIGTERM');
  }
});
