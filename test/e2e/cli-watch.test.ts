// `etphonehome watch`, the live monitor: the real binary prints a line for an agent connecting
// and disconnecting, reconnects by itself when the server restarts, ends with exit 0 on Ctrl-C
// (SIGINT), and exits 9 when the server refuses its key.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { runCli, spawnCli } from '../support/cli.js';
import { RunCommandDocument } from '../support/operations.js';
import { killAll, type Spawned } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

describe('etphonehome watch', () => {
  let server: TestServer;
  let steady: TestAgent;
  let visitor: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    steady = await createAgent(server, { displayName: 'watch-steady' });
    visitor = await createAgent(server, { displayName: 'watch-visitor' });
    await steady.start();
    await steady.waitOnline(server);
  });

  after(async () => {
    await steady?.close();
    await visitor?.close();
    await server?.close();
  });

  /** Runs commands until the watcher prints one: its subscription is live from then on. */
  async function waitUntilLive(watch: Spawned, marker: string): Promise<void> {
    await waitFor(
      async () => {
        await server.gql.request(RunCommandDocument, {
          clientId: steady.uuid,
          cmd: `echo ${marker}`,
        });
        return watch.stdout.some((line) => line.includes(`echo ${marker}`));
      },
      { timeoutMs: 30_000, intervalMs: 300, what: `watch printing the "${marker}" command` },
    );
  }

  test('prints a connect and a disconnect, survives a server restart, ends on Ctrl-C', async () => {
    const watch = spawnCli(server, ['watch']);
    const json = spawnCli(server, ['watch', '--json', '--events', 'connected,disconnected']);
    await watch.waitForLine((l) => l.includes('Watching fleet events'));
    await json.waitForLine((l) => l.includes('Watching fleet events'));
    await waitUntilLive(watch, 'first-marker');

    await visitor.start();
    const connected = await watch.waitForLine(
      (l) => l.includes('client.connected') && l.includes('watch-visitor'),
    );
    assert.match(connected, /^\d{4}-\d\d-\d\dT\S+Z\s+client\.connected\s+\S+ \(watch-visitor\)/);
    await visitor.stop();
    await watch.waitForLine(
      (l) => l.includes('client.disconnected') && l.includes('watch-visitor'),
    );

    // The filtered JSON watcher saw the visitor's two events (and no command), one object per
    // line.
    await waitFor(() => json.stdout.filter((l) => l.trim()).length >= 2, {
      what: 'two JSON events',
    });
    const events = json.stdout
      .filter((l) => l.trim())
      .map(
        (l) =>
          JSON.parse(l) as {
            event: string;
            id: string;
            timestamp: string;
            client: { uuid: string; displayName: string };
          },
      );
    assert.deepEqual(
      events.map((e) => e.event),
      ['client.connected', 'client.disconnected'],
    );
    assert.ok(events.every((e) => e.client.uuid === visitor.uuid && e.id && e.timestamp));
    assert.ok(!watch.stdout.some((l) => l.includes('\u001b[')), 'no colours through a pipe');

    // The server goes away and comes back: the watcher says so and carries on by itself.
    await server.stop();
    await watch.waitForLine((l) => l.includes('Lost the connection'), 30_000);
    await server.restart();
    await watch.waitForLine((l) => l.includes('Reconnected'), 60_000);
    await steady.waitOnline(server, 60_000);
    await waitUntilLive(watch, 'after-restart');
    // The steady agent reconnected to the new server whether or not the watcher was back yet:
    // live or from the gap, its client.connected is printed, once.
    const restarted = watch.stdout.slice(
      watch.stdout.findIndex((l) => l.includes('echo first-marker')),
    );
    assert.equal(
      restarted.filter((l) => l.includes('client.connected') && l.includes('watch-steady')).length,
      1,
      restarted.join('\n'),
    );

    watch.child.kill('SIGINT');
    json.child.kill('SIGINT');
    assert.deepEqual(await watch.exited, { code: 0, signal: null });
    assert.deepEqual(await json.exited, { code: 0, signal: null });
  });

  test('a server that stops answering (SIGSTOP) is noticed by its missing pong; watch carries on', async () => {
    const watch = spawnCli(server, ['watch']);
    await watch.waitForLine((l) => l.includes('Watching fleet events'));
    await waitUntilLive(watch, 'before-freeze');
    server.process.child.kill('SIGSTOP');
    try {
      // keepalive 15 s + pong timeout 5 s; generous for a loaded machine.
      await watch.waitForLine((l) => l.includes('Lost the connection'), 90_000);
    } finally {
      server.process.child.kill('SIGCONT');
    }
    await watch.waitForLine((l) => l.includes('Reconnected'), 90_000);
    await steady.waitOnline(server, 60_000);
    await waitUntilLive(watch, 'after-thaw');
    watch.child.kill('SIGINT');
    assert.deepEqual(await watch.exited, { code: 0, signal: null });
  });

  test('a refused key ends watch with exit 9 (UNAUTHENTICATED); an unknown --client with 3', async () => {
    const refused = await runCli(server, ['watch'], {
      ETPHONEHOME_API_KEY: 'wrong-key-0123456789abcdef',
    });
    assert.equal(refused.code, 9);
    assert.match(refused.stderr, /UNAUTHENTICATED/);
    const unknown = await runCli(server, ['watch', '--client', 'no-such-client']);
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /NOT_FOUND/);
  });
});
