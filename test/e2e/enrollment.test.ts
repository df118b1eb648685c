// Admission end to end: open enrollment, authorized_keys (re-read when it changes), enrollment
// tokens (presets, single use, revocation), and refusal of unknown keys.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAgent } from '../support/agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import {
  ClientDocument,
  ClientsDocument,
  CreateTokenDocument,
  RevokeTokenDocument,
  TokensDocument,
} from '../support/operations.js';
import { sleep, waitFor } from '../support/wait.js';

after(killAll);

describe('open enrollment', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ openEnrollment: true });
  });
  after(() => server.close());

  test('two agents enroll, come online, and report their facts', async () => {
    const a = await createAgent(server, {
      displayName: 'Agent A',
      purpose: 'API Server',
      tags: ['production', 'us-east'],
    });
    const b = await createAgent(server);
    await a.start();
    await b.start();
    await a.waitOnline(server);
    await b.waitOnline(server);
    const { clients } = await server.gql.request(ClientsDocument, {});
    assert.equal(clients.length, 2);
    const first = clients.find((c) => c.uuid === a.uuid);
    assert.ok(first);
    assert.equal(first.displayName, 'Agent A', 'suggested metadata becomes the initial metadata');
    assert.equal(first.purpose, 'API Server');
    assert.deepEqual(
      first.tags.map((t) => t.name),
      ['production', 'us-east'],
    );
    assert.equal(first.enrolledVia, 'open_enrollment');
    assert.equal(first.platform.length > 0, true);
    assert.equal(first.connectionCount, 1);
    assert.match(first.publicKeyFingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
    const second = clients.find((c) => c.uuid === b.uuid);
    assert.ok(second);
    assert.notEqual(
      first.clientId,
      second.clientId,
      'clientIds are unique even for the same hostname',
    );
    await a.close();
    await b.close();
  });
});

describe('closed enrollment', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  test('an unknown key is refused and the attempt is logged with its fingerprint', async () => {
    const agent = await createAgent(server);
    const proc = await agent.start();
    const { stdout } = await agent.exec(['--show-key']);
    await proc.waitForLine((line) => line.includes('the server refused this agent'));
    await waitFor(
      () =>
        server.process.stderr.some((l) => l.includes('"login refused"') && l.includes(agent.uuid)),
      {
        what: 'refusal logged',
      },
    );
    const refusal =
      server.process.stderr.find((l) => l.includes('"login refused"') && l.includes(agent.uuid)) ??
      '';
    const fingerprint = JSON.parse(refusal).fingerprint as string;
    assert.match(fingerprint, /^SHA256:/);
    assert.ok(stdout.startsWith('ssh-ed25519 '));
    assert.equal(
      (await server.gql.request(ClientDocument, { id: agent.uuid })).client,
      null,
      'no record for a refused key',
    );

    // authorized_keys is re-read when it changes: adding the key lets the same agent in
    // (it keeps retrying) without restarting the server.
    await appendFile(join(server.dataDir, 'authorized_keys'), `# added by the test\n${stdout}`);
    await agent.waitOnline(server);
    const { client } = await server.gql.request(ClientDocument, { id: agent.uuid });
    assert.equal(client?.enrolledVia, 'authorized_keys');
    assert.equal(
      client?.publicKeyFingerprint,
      fingerprint,
      'the fingerprint is that of the key that authenticated',
    );
    await agent.close();
  });

  test('an enrollment token admits one client, applies its presets, and is then used up', async () => {
    const created = await server.gql.request(CreateTokenDocument, {
      input: {
        name: 'e2e',
        displayName: 'Token Name',
        purpose: 'CI Runner',
        tags: ['ci'],
        maxUses: 1,
      },
    });
    const token = created.createEnrollmentToken.token;
    assert.match(token, /^etph_/);
    // WAL mode: a fresh row sits in the -wal file until a checkpoint, so read all three.
    const files = ['etphonehome.db', 'etphonehome.db-wal', 'etphonehome.db-shm'];
    const stored = await Promise.all(
      files.map((f) => readFile(join(server.dataDir, f)).catch(() => Buffer.alloc(0))),
    );
    const prefix = Buffer.from(created.createEnrollmentToken.enrollmentToken.prefix);
    assert.ok(
      stored.some((bytes) => bytes.includes(prefix)),
      'the token row is in these files',
    );
    for (const [i, bytes] of stored.entries()) {
      assert.equal(
        bytes.includes(Buffer.from(token)),
        false,
        `the token itself is not in ${files[i]}`,
      );
    }

    const first = await createAgent(server, {
      enroll: token,
      displayName: 'Agent Suggestion',
      tags: ['linux'],
    });
    await first.start();
    await first.waitOnline(server);
    const { client } = await server.gql.request(ClientDocument, { id: first.uuid });
    assert.equal(
      client?.displayName,
      'Token Name',
      'token presets win over what the agent suggests',
    );
    assert.equal(client?.purpose, 'CI Runner');
    assert.deepEqual(
      client?.tags.map((t) => t.name),
      ['ci', 'linux'],
    );
    assert.match(client?.enrolledVia ?? '', /^enrollment_token:etph_/);
    // The agent forgets a token once registered.
    await waitFor(async () => (await first.readConfig())['enrollment_token'] === null, {
      what: 'token cleared',
    });

    const { enrollmentTokens } = await server.gql.request(TokensDocument, {
      includeInactive: true,
    });
    const row = enrollmentTokens.find(
      (t) => t.id === created.createEnrollmentToken.enrollmentToken.id,
    );
    assert.equal(row?.uses, 1);
    assert.equal(row?.active, false);

    const second = await createAgent(server, { enroll: token });
    const proc = await second.start();
    await proc.waitForLine((line) => line.includes('the server refused this agent'));
    assert.equal((await server.gql.request(ClientDocument, { id: second.uuid })).client, null);
    await first.close();
    await second.close();
  });

  test('a revoked token admits nobody', async () => {
    const created = await server.gql.request(CreateTokenDocument, { input: { maxUses: null } });
    await server.gql.request(RevokeTokenDocument, {
      id: created.createEnrollmentToken.enrollmentToken.id,
    });
    const agent = await createAgent(server, { enroll: created.createEnrollmentToken.token });
    const proc = await agent.start();
    await proc.waitForLine((line) => line.includes('the server refused this agent'));
    await sleep(300);
    assert.equal((await server.gql.request(ClientDocument, { id: agent.uuid })).client, null);
    await agent.close();
  });
});
