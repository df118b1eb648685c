// `etphonehome webhooks deliveries|replay|test|watch`: the real binary against a real server, a
// real agent and a real loopback receiver that verifies every delivery. Deliveries listed (the
// --json shape, filters, the table); a receiver that fails turns deliveries into dead letters,
// `replay --failed --dry-run` changes nothing, `replay <id>` and `replay --failed` deliver them
// with the same webhook-id; `test` exits 0 on a 2xx and 1 otherwise; `watch` prints failures
// live; usage errors exit 2, an unknown delivery 3; every subcommand has --help with examples.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAgent, type TestAgent } from '../support/agent.js';
import { cliJson, runBinary, runCli, spawnCli } from '../support/cli.js';
import { RunCommandDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';

after(killAll);

const SECRET = 'whsec_' + Buffer.alloc(32, 9).toString('base64');

interface JsonDelivery {
  id: string;
  event: string;
  client: { uuid: string; clientId: string; displayName: string | null } | null;
  url: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A loopback port nothing listens on (connections refused). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('etphonehome webhooks', () => {
  let server: TestServer;
  let agent: TestAgent;
  let receiver: Receiver;
  let failing = false;

  async function deliveries(args: string[]): Promise<JsonDelivery[]> {
    return cliJson<JsonDelivery[]>(server, ['webhooks', 'deliveries', ...args]);
  }

  async function runRemote(cmd: string): Promise<void> {
    await server.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd });
  }

  before(async () => {
    receiver = await startReceiver(SECRET);
    receiver.answer = () => (failing ? { status: 500 } : { status: 200 });
    server = await startServer({
      openEnrollment: true,
      env: {
        ETPHONEHOME_WEBHOOK_URL: receiver.url('/hook'),
        ETPHONEHOME_WEBHOOK_SECRET: SECRET,
        ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        ETPHONEHOME_WEBHOOK_RETRY_BASE_MS: '50',
        ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS: '2',
        ETPHONEHOME_RATE_LIMIT_MODE: 'off',
      },
    });
    agent = await createAgent(server, { displayName: 'hooks-cli' });
    await agent.start();
    await agent.waitOnline(server);
  });
  after(async () => {
    await agent.close();
    await server.close();
    await receiver.close();
  });

  test('deliveries: --json shape, filters, and the table', async () => {
    const [connected] = await waitFor(
      async () => {
        const rows = await deliveries([
          '--status',
          'delivered',
          '--client',
          agent.uuid,
          '--event',
          'client.connected',
        ]);
        return rows.length > 0 ? rows : null;
      },
      { timeoutMs: 30_000, what: 'client.connected delivered' },
    );
    assert.ok(connected);
    assert.deepEqual(Object.keys(connected).sort(), [
      'attempts',
      'client',
      'createdAt',
      'deliveredAt',
      'event',
      'id',
      'lastError',
      'lastStatusCode',
      'nextAttemptAt',
      'status',
      'url',
    ]);
    assert.match(connected.id, /^msg_/);
    assert.equal(connected.event, 'client.connected');
    assert.equal(connected.status, 'DELIVERED');
    assert.equal(connected.url, receiver.url('/hook'));
    assert.equal(connected.attempts, 1);
    assert.equal(connected.lastStatusCode, 200);
    assert.equal(connected.lastError, null);
    assert.equal(connected.nextAttemptAt, null);
    assert.ok(connected.deliveredAt);
    assert.deepEqual(connected.client, {
      uuid: agent.uuid,
      clientId: connected.client?.clientId,
      displayName: 'hooks-cli',
    });
    // The receiver really got it, under that webhook-id, signed.
    assert.ok(receiver.unique().has(connected.id));

    // Filters hold; the lower/upper case of --status does not matter.
    const upper = await deliveries(['--status', 'DELIVERED', '--limit', '1']);
    assert.equal(upper.length, 1);
    assert.equal(upper[0]?.status, 'DELIVERED');
    assert.deepEqual(await deliveries(['--event', 'file_accessed']), []);
    // An event name that is never delivered is bad input: exit 2, the known names in the message.
    const unknown = await runCli(server, ['webhooks', 'deliveries', '--event', 'no.such.event']);
    assert.equal(unknown.code, 2, unknown.stderr);
    assert.match(unknown.stderr, /client\.connected.*\(BAD_USER_INPUT\)/);

    const table = await runCli(server, ['webhooks', 'deliveries', '--client', agent.uuid]);
    assert.equal(table.code, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ID\s+EVENT\s+CLIENT\s+STATUS\s+TRIES\s+CREATED\s+OUTCOME$/);
    const row = lines.find((l) => l.startsWith(connected.id));
    assert.ok(row, table.stdout);
    assert.match(row, /client\.connected\s+\S+\s+delivered\s+1\s/);
    assert.ok(!table.stdout.includes('\u001b['), 'no colours when stdout is not a terminal');

    const none = await runCli(server, ['webhooks', 'deliveries', '--event', 'file_accessed']);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /No webhook deliveries match/);
  });

  test('a failing receiver leaves dead letters; --dry-run changes nothing; replay delivers them', async () => {
    failing = true;
    let ids: string[] = [];
    try {
      await runRemote('echo cli-webhooks-one');
      await runRemote('echo cli-webhooks-two');
      const failed = await waitFor(
        async () => {
          const rows = await deliveries([
            '--status',
            'failed',
            '--client',
            agent.uuid,
            '--event',
            'command_executed',
          ]);
          return rows.length >= 2 ? rows : null;
        },
        { timeoutMs: 30_000, what: 'two command_executed deliveries FAILED' },
      );
      ids = failed.map((d) => d.id);
      for (const d of failed) {
        assert.equal(d.status, 'FAILED');
        assert.equal(d.attempts, 2, 'ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS=2');
        assert.equal(d.lastStatusCode, 500);
        assert.match(d.lastError ?? '', /500/);
        assert.equal(d.nextAttemptAt, null);
      }
      const table = await runCli(server, ['webhooks', 'deliveries', '--status', 'failed']);
      assert.match(
        table.stdout,
        new RegExp(`${ids[0]}\\s+command_executed\\s+\\S+\\s+failed\\s+2`),
      );
    } finally {
      failing = false;
    }
    const [one, two] = ids as [string, string];
    const arrivedBefore = receiver.all.length;

    // Dry run: lists both, replays neither.
    const preview = await cliJson<JsonDelivery[]>(server, [
      'webhooks',
      'replay',
      '--failed',
      '--client',
      agent.uuid,
      '--event',
      'command_executed',
      '--dry-run',
    ]);
    assert.deepEqual(preview.map((d) => d.id).sort(), [...ids].sort());
    const human = await runCli(server, ['webhooks', 'replay', '--failed', '--dry-run']);
    assert.equal(human.code, 0, human.stderr);
    assert.ok(human.stdout.includes(one) && human.stdout.includes(two), human.stdout);
    assert.match(
      human.stderr,
      /Dry run: would replay \d+ failed deliver(y|ies); nothing was changed/,
    );
    const single = await runCli(server, ['webhooks', 'replay', one, '--dry-run']);
    assert.equal(single.code, 0, single.stderr);
    assert.match(single.stderr, new RegExp(`would replay ${one}`));
    // Give a replay that wrongly happened the time to show, then check nothing moved.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const still = await deliveries(['--status', 'failed', '--client', agent.uuid]);
    for (const id of ids) {
      const d = still.find((row) => row.id === id);
      assert.equal(d?.status, 'FAILED', `${id} untouched by the dry runs`);
      assert.equal(d?.attempts, 2);
    }
    assert.equal(receiver.all.length, arrivedBefore, 'nothing was sent by the dry runs');

    // One by id: pending again, then delivered under the same webhook-id.
    const replayed = await cliJson<JsonDelivery>(server, ['webhooks', 'replay', one]);
    assert.equal(replayed.id, one);
    assert.equal(replayed.status, 'PENDING');
    assert.equal(replayed.attempts, 0);
    const delivered = await waitFor(
      async () => {
        const rows = await deliveries(['--status', 'delivered', '--event', 'command_executed']);
        return rows.find((d) => d.id === one);
      },
      { timeoutMs: 30_000, what: 'the replayed delivery DELIVERED' },
    );
    assert.equal(delivered.attempts, 1);
    assert.ok(receiver.all.some((d) => d.id === one && d.verified));
    // The other is still a dead letter until --failed picks it up.
    const left = await deliveries(['--status', 'failed', '--client', agent.uuid]);
    assert.deepEqual(
      left.map((d) => d.id),
      [two],
    );

    // A delivered one cannot be replayed: bad input, exit 2, nothing changed.
    const again = await runCli(server, ['webhooks', 'replay', one]);
    assert.equal(again.code, 2, again.stderr);
    assert.match(again.stderr, /DELIVERED, not FAILED/);

    const bulk = await cliJson<{ count: number }>(server, [
      'webhooks',
      'replay',
      '--failed',
      '--client',
      agent.uuid,
    ]);
    assert.deepEqual(bulk, { count: 1 });
    await waitFor(() => receiver.all.some((d) => d.id === two && d.verified), {
      timeoutMs: 30_000,
      what: 'the bulk-replayed delivery at the receiver',
    });
    const nothing = await runCli(server, ['webhooks', 'replay', '--failed']);
    assert.equal(nothing.code, 0, nothing.stderr);
    assert.match(nothing.stdout, /No failed deliveries match; nothing to replay/);
  });

  test('test: exit 0 when the receiver answers 2xx, 1 when it does not', async () => {
    const ok = await runCli(server, ['webhooks', 'test']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^delivered\s+http:\/\/127\.0\.0\.1:\d+\/hook answered 200 \(msg_/);
    const id = /\((msg_[^)]+)\)/.exec(ok.stdout)?.[1];
    assert.ok(id);
    const arrived = receiver.all.find((d) => d.id === id);
    assert.ok(arrived?.verified, 'signed with the global secret');
    assert.equal(arrived.payload?.event, 'webhook.test');

    const asJson = await cliJson<JsonDelivery>(server, [
      'webhooks',
      'test',
      '--client',
      agent.uuid,
    ]);
    assert.equal(asJson.status, 'DELIVERED');
    assert.equal(asJson.event, 'webhook.test');
    assert.equal(asJson.attempts, 1);
    assert.equal(asJson.client?.uuid, agent.uuid);

    failing = true;
    try {
      const refused = await runCli(server, ['webhooks', 'test', '--json']);
      assert.equal(refused.code, 1, refused.stderr);
      const d = JSON.parse(refused.stdout) as JsonDelivery;
      assert.equal(d.status, 'FAILED');
      assert.equal(d.lastStatusCode, 500);
      assert.match(refused.stderr, /did not answer 2xx \(HTTP 500\)/);
    } finally {
      failing = false;
    }

    const down = `http://127.0.0.1:${await closedPort()}/gone`;
    const unreachable = await runCli(server, ['webhooks', 'test', '--to', down]);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.stdout, /^failed\s+http:\/\/127\.0\.0\.1:\d+\/gone: .*ECONNREFUSED/);
    assert.match(unreachable.stderr, /did not answer 2xx/);

    // A URL the server refuses to call is bad input: exit 2.
    const refusedTarget = await runCli(server, ['webhooks', 'test', '--to', 'ftp://127.0.0.1/x']);
    assert.equal(refusedTarget.code, 2, refusedTarget.stderr);
    assert.match(refusedTarget.stderr, /BAD_USER_INPUT/);
  });

  test('watch prints failed attempts live', async () => {
    const watch = spawnCli(server, ['webhooks', 'watch', '--dead-letters', '--json']);
    await watch.waitForLine((l) => l.includes('Watching failed webhook deliveries'));
    const down = `http://127.0.0.1:${await closedPort()}/watched`;
    // The subscription starts a moment after the line above: send until one is seen.
    const line = await waitFor(
      async () => {
        await runCli(server, ['webhooks', 'test', '--to', down]);
        return watch.stdout.find((l) => l.includes('/watched'));
      },
      { timeoutMs: 30_000, intervalMs: 500, what: 'a failure line from webhooks watch' },
    );
    const failure = JSON.parse(line) as { deadLettered: boolean; delivery: JsonDelivery };
    assert.equal(failure.deadLettered, true);
    assert.equal(failure.delivery.status, 'FAILED');
    assert.equal(failure.delivery.event, 'webhook.test');
    assert.match(failure.delivery.lastError ?? '', /ECONNREFUSED/);
    await watch.kill('SIGINT');
    const { code } = await watch.exited;
    assert.equal(code, 0);
  });

  test('usage errors exit 2, an unknown delivery 3 (NOT_FOUND)', async () => {
    for (const args of [
      ['webhooks'],
      ['webhooks', 'bogus'],
      ['webhooks', 'deliveries', '--status', 'lost'],
      ['webhooks', 'deliveries', '--limit', '0'],
      ['webhooks', 'deliveries', '--limit', '1001'],
      ['webhooks', 'deliveries', 'extra'],
      ['webhooks', 'deliveries', '--nope'],
      ['webhooks', 'replay'],
      ['webhooks', 'replay', 'msg_a', 'msg_b'],
      ['webhooks', 'replay', 'msg_a', '--failed'],
      ['webhooks', 'replay', 'msg_a', '--client', 'x'],
      ['webhooks', 'replay', '--failed', '--event', ''],
      ['webhooks', 'test', 'extra'],
      ['webhooks', 'watch', 'extra'],
    ]) {
      const result = await runCli(server, args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr + result.stdout, /etphonehome|Usage:/, args.join(' '));
    }

    const missing = await runCli(server, ['webhooks', 'replay', 'msg_nope']);
    assert.equal(missing.code, 3, missing.stderr);
    assert.match(missing.stderr, /NOT_FOUND/);
    const missingDry = await runCli(server, ['webhooks', 'replay', 'msg_nope', '--dry-run']);
    assert.equal(missingDry.code, 3, missingDry.stderr);

    // The server is still there and nothing moved.
    const all = await deliveries(['--status', 'failed', '--client', agent.uuid]);
    assert.deepEqual(all, []);
  });

  test('--help with examples for webhooks and each subcommand, without a server', async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env['PATH'] ?? '',
      ETPHONEHOME_URL: 'http://127.0.0.1:1',
      ETPHONEHOME_DATA_DIR: '/nonexistent',
    };
    const top = await runBinary(['help'], env);
    assert.match(top.stdout, /^ {2}webhooks /m);
    for (const command of [
      ['webhooks'],
      ['webhooks', 'deliveries'],
      ['webhooks', 'replay'],
      ['webhooks', 'test'],
      ['webhooks', 'watch'],
    ]) {
      const help = await runBinary([...command, '--help'], env);
      assert.equal(help.code, 0, command.join(' '));
      assert.match(help.stdout, /^Usage: etphonehome webhooks/, command.join(' '));
      assert.match(help.stdout, /\nExamples:\n {2}etphonehome webhooks /, command.join(' '));
    }
  });
});
