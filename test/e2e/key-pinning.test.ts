// Trust end to end: a client whose key changes is quarantined (online, keyMismatch, every
// operation refused with KEY_MISMATCH naming acceptKey) until an operator accepts the key; an
// agent refuses a server whose host key changed.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import {
  AcceptKeyDocument,
  ClientDocument,
  ClientEventsSubscription,
  EventsDocument,
  RunCommandDocument,
} from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('client key pinning', () => {
  let server: TestServer;
  let agent: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server);
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
  });

  test('a regenerated key gives keyMismatch and refused operations until acceptKey', async () => {
    const pinned = (await server.gql.request(ClientDocument, { id: agent.uuid })).client
      ?.publicKeyFingerprint;
    assert.ok(pinned);
    const subscription = await server.subscribe(ClientEventsSubscription, {
      filter: { events: ['client.key_mismatch'] },
    });

    await agent.stop();
    const { stdout } = await agent.exec(['--generate-key']);
    const fresh = /New key: (SHA256:\S+)/.exec(stdout)?.[1];
    assert.ok(fresh && fresh !== pinned);
    await agent.start();

    const event = await subscription.next();
    assert.equal(event.clientEvents.client.uuid, agent.uuid);
    assert.equal(event.clientEvents.client.keyMismatch, true);
    assert.deepEqual(
      {
        previous: (event.clientEvents.data as Record<string, unknown>)['previous_fingerprint'],
        next: (event.clientEvents.data as Record<string, unknown>)['new_fingerprint'],
      },
      { previous: pinned, next: fresh },
    );
    subscription.close();

    const quarantined = (await server.gql.request(ClientDocument, { id: agent.uuid })).client;
    assert.equal(quarantined?.online, true, 'the client shows online');
    assert.equal(quarantined?.keyMismatch, true);
    assert.equal(quarantined?.publicKeyFingerprint, fresh, 'both fingerprints are recorded');
    assert.equal(quarantined?.previousFingerprint, pinned);
    assert.equal(quarantined?.trustedFingerprint, pinned);

    await expectError(
      server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'echo should-not-run' }),
      'KEY_MISMATCH',
      /acceptKey/,
    );
    const refused = await server.gql.request(EventsDocument, {
      filter: { events: ['operation_refused'], clientId: agent.uuid },
      limit: 5,
    });
    assert.equal(refused.events.length, 1, 'the refusal is recorded');

    const accepted = (await server.gql.request(AcceptKeyDocument, { id: agent.uuid })).acceptKey;
    assert.equal(accepted.keyMismatch, false);
    assert.equal(accepted.publicKeyFingerprint, fresh);
    assert.equal(accepted.previousFingerprint, pinned);
    assert.match(accepted.keyAcceptedBy ?? '', /^graphql /, 'who accepted');
    assert.ok(
      accepted.keyAcceptedAt && Date.now() - Date.parse(accepted.keyAcceptedAt) < 60_000,
      'and when',
    );
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'echo runs-now',
    });
    assert.equal(runCommand.stdout, 'runs-now\n');

    // Accepting again is a clear error: nothing is pending.
    await expectError(server.gql.request(AcceptKeyDocument, { id: agent.uuid }), 'BAD_USER_INPUT');
    // Reconnecting with the accepted key is a normal connection.
    await agent.stop();
    await agent.start();
    await agent.waitOnline(server);
    assert.equal(
      (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.keyMismatch,
      false,
    );
  });

  test('another key for a client that is online with its pinned key is refused', async () => {
    // A second agent process presenting the same UUID with a different key cannot displace the
    // live, pinned one.
    const impostor = await createAgent(server);
    const config = await impostor.readConfig();
    // Reuse the victim's UUID in the impostor's config.
    const { writeFile } = await import('node:fs/promises');
    const YAML = (await import('yaml')).default;
    await writeFile(
      join(impostor.configDir, 'config.yaml'),
      YAML.stringify({ ...config, uuid: agent.uuid }),
    );
    const proc = await impostor.start();
    await waitFor(
      () =>
        server.process.stderr.some(
          (l) => l.includes('"login refused"') && l.includes('online with its pinned key'),
        ),
      {
        what: 'the impostor refused',
      },
    );
    assert.equal(
      (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.keyMismatch,
      false,
    );
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: agent.uuid,
      cmd: 'echo still-me',
    });
    assert.equal(runCommand.stdout, 'still-me\n');
    await proc.kill();
    await impostor.close();
  });
});

describe('server host key pinning', () => {
  test('an agent refuses a server whose host key changed', async () => {
    const server = await startServer({ openEnrollment: true });
    const agent = await createAgent(server);
    await agent.start();
    await agent.waitOnline(server);
    const pinned = ((await agent.readConfig())['known_servers'] as Record<string, string>)[
      `127.0.0.1:${server.sshPort}`
    ];
    assert.match(pinned ?? '', /^SHA256:/, 'trusted on first use and pinned');

    // The server is reinstalled: same address, new host key.
    await server.stop();
    await rm(join(server.dataDir, 'ssh_host_ed25519_key'));
    await rm(join(server.dataDir, 'ssh_host_ed25519_key.pub'));
    await server.restart();

    const exit = await agent.process?.exited;
    assert.equal(exit?.code, 3, 'the agent stops with a distinct exit status');
    const message = agent.process?.stderr.join('\n') ?? '';
    assert.match(message, /host key of 127\.0\.0\.1:\d+ changed/);
    assert.match(message, /--server-fingerprint/);
    assert.equal(
      (await server.gql.request(ClientDocument, { id: agent.uuid })).client?.online,
      false,
    );
    await agent.close();
    await server.close();
  });
});
