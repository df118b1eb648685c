// The operator CLI as people and scripts use it: the real `etphonehome` binary against a real
// server with real agents. --json shapes, exit statuses (the remote command's, NOT_FOUND,
// CLIENT_OFFLINE, usage errors, a bad key), bulk commands by --tags with per-client results,
// --dry-run changing nothing, colours only when asked for. (--help: cli-help.test.ts.)

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createAgent, type TestAgent } from '../support/agent.js';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliJson, runCli, spawnCli } from '../support/cli.js';
import { ClientDocument, EventsDocument } from '../support/operations.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

interface JsonClient {
  uuid: string;
  clientId: string;
  displayName: string | null;
  purpose: string | null;
  tags: { name: string }[];
  online: boolean;
  health: string;
  keyMismatch: boolean;
  decommissioned: boolean;
}

interface BulkJson {
  total: number;
  succeeded: number;
  failed: number;
  results: {
    client: JsonClient;
    ok: boolean;
    result?: { returncode: number; stdout: string } | null;
    error: { code: string; message: string } | null;
  }[];
}

const ESC = '\u001b[';

describe('etphonehome CLI against a real server and agents', () => {
  let server: TestServer;
  let alpha: TestAgent;
  let beta: TestAgent;
  let gamma: TestAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    alpha = await createAgent(server, { displayName: 'cli-alpha', tags: ['web', 'prod'] });
    beta = await createAgent(server, {
      displayName: 'cli-beta',
      tags: ['web', 'staging'],
      env: { CLI_TEST_ROLE: 'beta' },
    });
    gamma = await createAgent(server, { displayName: 'cli-gamma', tags: ['web', 'old'] });
    for (const agent of [alpha, beta, gamma]) await agent.start();
    for (const agent of [alpha, beta, gamma]) await agent.waitOnline(server);
    await gamma.stop();
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: gamma.uuid })).client?.online === false,
      { what: 'gamma offline' },
    );
  });

  after(async () => {
    for (const agent of [alpha, beta, gamma]) await agent?.close();
    await server?.close();
  });

  test('clients list/find/describe --json: stable shapes, filters', async () => {
    const all = await cliJson<JsonClient[]>(server, ['clients', 'list']);
    assert.deepEqual(all.map((c) => c.displayName).sort(), ['cli-alpha', 'cli-beta', 'cli-gamma']);
    for (const c of all) {
      for (const key of ['uuid', 'clientId', 'tags', 'online', 'health', 'keyMismatch', 'lastSeen'])
        assert.ok(key in c, `client JSON has ${key}`);
    }
    const online = await cliJson<JsonClient[]>(server, [
      'clients',
      'list',
      '--tags',
      'web',
      '--online',
    ]);
    assert.deepEqual(online.map((c) => c.displayName).sort(), ['cli-alpha', 'cli-beta']);
    const staging = await cliJson<JsonClient[]>(server, [
      'clients',
      'list',
      '--tags',
      'web,staging',
    ]);
    assert.deepEqual(
      staging.map((c) => c.uuid),
      [beta.uuid],
    );
    const found = await cliJson<JsonClient[]>(server, ['clients', 'find', 'cli-gam']);
    assert.deepEqual(
      found.map((c) => c.uuid),
      [gamma.uuid],
    );

    const described = await cliJson<
      JsonClient & { recentEvents: { event: string }[]; rateLimitRpm: number }
    >(server, ['clients', 'describe', 'cli-alpha']);
    assert.equal(described.uuid, alpha.uuid);
    assert.equal(typeof described.rateLimitRpm, 'number');
    assert.ok(described.recentEvents.some((e) => e.event === 'client.connected'));

    const table = await runCli(server, ['clients', 'list']);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^CLIENT\s+STATE/);
    assert.match(table.stdout, /cli-gamma\)\s+offline/);
  });

  test('run: output passes through and the exit status is the remote command’s', async () => {
    const ok = await runCli(server, ['run', 'cli-alpha', '--', 'echo out; echo err >&2']);
    assert.equal(ok.code, 0);
    assert.equal(ok.stdout, 'out\n');
    assert.equal(ok.stderr, 'err\n');

    const three = await runCli(server, ['run', 'cli-alpha', '--', 'exit 3']);
    assert.equal(three.code, 3);

    const env = await runCli(server, [
      'run',
      'cli-alpha',
      '--cwd',
      '/tmp',
      '--env',
      'GREETING=hello world',
      '--json',
      '--',
      'echo "$GREETING in $(pwd)"; exit 7',
    ]);
    assert.equal(env.code, 7, 'with --json too');
    const result = JSON.parse(env.stdout) as {
      returncode: number;
      stdout: string;
      timedOut: boolean;
    };
    assert.equal(result.returncode, 7);
    assert.equal(result.stdout, 'hello world in /tmp\n');
    assert.equal(result.timedOut, false);

    const timedOut = await runCli(server, [
      'run',
      'cli-alpha',
      '--timeout',
      '1s',
      '--',
      'sleep 30',
    ]);
    assert.equal(timedOut.code, 124);
    assert.match(timedOut.stderr, /timed out/);
  });

  test('Ctrl-C on run abandons the request, and the remote command is killed', async () => {
    const pidFile = join(tmpdir(), `etph-cli-run-${process.pid}-${Date.now()}`);
    const run = spawnCli(server, [
      'run',
      'cli-alpha',
      '--',
      `echo $$ > ${pidFile}; exec sleep 300`,
    ]);
    const pid = await waitFor(
      async () => Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || null,
      { what: 'the remote command to start' },
    );
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    assert.ok(alive());
    run.child.kill('SIGINT');
    assert.equal((await run.exited).signal, 'SIGINT');
    await waitFor(() => !alive(), { what: 'the abandoned command to be killed' });
  });

  test('exit statuses: NOT_FOUND 3, CLIENT_OFFLINE 4, usage 2, bad key 9; the message names the code', async () => {
    const missing = await runCli(server, ['run', 'no-such-client', '--', 'true']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /no-such-client.*\(NOT_FOUND\)/);

    const describeMissing = await runCli(server, ['clients', 'describe', 'no-such-client']);
    assert.equal(describeMissing.code, 3);
    assert.match(describeMissing.stderr, /NOT_FOUND/);

    const offline = await runCli(server, ['run', 'cli-gamma', '--', 'true']);
    assert.equal(offline.code, 4);
    assert.match(offline.stderr, /CLIENT_OFFLINE/);

    for (const args of [
      ['run', 'cli-alpha'],
      ['run', '--', 'true'],
      ['run', 'cli-alpha', '--bogus', '--', 'true'],
      ['run', 'cli-alpha', '--timeout', 'forever', '--', 'true'],
      ['run', 'cli-alpha', '--env', 'NOPE', '--', 'true'],
      ['clients', 'update', 'cli-alpha'],
      ['clients', 'configure', 'cli-alpha', '--rate-limit-mode', 'loud'],
      ['clients', 'frobnicate'],
      ['events', '--limit', '0'],
      ['metrics'],
      ['frobnicate'],
    ]) {
      const usage = await runCli(server, args);
      assert.equal(usage.code, 2, `${args.join(' ')}: ${usage.stderr}`);
      assert.match(usage.stderr, /etphonehome: /, args.join(' '));
      assert.equal(usage.stdout, '', args.join(' '));
    }

    const badInput = await runCli(server, [
      'clients',
      'configure',
      'cli-alpha',
      '--cpu-threshold',
      '500',
    ]);
    assert.equal(badInput.code, 2);
    assert.match(badInput.stderr, /BAD_USER_INPUT/);

    const badKey = await runCli(server, ['clients', 'list'], {
      ETPHONEHOME_API_KEY: 'wrong-key-0123456789abcdef',
    });
    assert.equal(badKey.code, 9);
    assert.match(badKey.stderr, /UNAUTHENTICATED/);

    const unreachable = await runCli(server, ['clients', 'list'], {
      ETPHONEHOME_URL: 'http://127.0.0.1:1',
    });
    assert.equal(unreachable.code, 4);
    assert.match(unreachable.stderr, /cannot reach the server/);
  });

  test('bulk run --tags: one result per client, exit 1 when one fails, 0 when all pass', async () => {
    const cmd = 'echo "role=${CLI_TEST_ROLE:-none}"; [ "${CLI_TEST_ROLE:-}" != beta ]';
    const mixed = await runCli(server, ['run', '--tags', 'web', '--online', '--json', '--', cmd]);
    assert.equal(mixed.code, 1, mixed.stderr);
    const bulk = JSON.parse(mixed.stdout) as BulkJson;
    assert.equal(bulk.total, 2);
    assert.equal(bulk.succeeded, 1);
    assert.equal(bulk.failed, 1);
    const byName = new Map(bulk.results.map((r) => [r.client.displayName, r]));
    assert.equal(byName.get('cli-alpha')?.ok, true);
    assert.equal(byName.get('cli-alpha')?.result?.stdout, 'role=none\n');
    assert.equal(byName.get('cli-beta')?.ok, false);
    assert.equal(byName.get('cli-beta')?.result?.returncode, 1);

    // Without --online the offline client is reported, not skipped.
    const withOffline = await runCli(server, ['run', '--tags', 'web', '--', 'true']);
    assert.equal(withOffline.code, 1);
    assert.match(withOffline.stdout, /cli-gamma\)\s+CLIENT_OFFLINE/);
    assert.match(withOffline.stdout, /cli-alpha\)\s+exit 0/);
    assert.match(withOffline.stderr, /2 of 3 client\(s\) exited 0, 1 failed/);

    const allPass = await runCli(server, ['run', '--tags', 'web', '--online', '--', 'true']);
    assert.equal(allPass.code, 0, allPass.stderr);

    const none = await runCli(server, ['run', '--tags', 'no-such-tag', '--', 'true']);
    assert.equal(none.code, 3);
  });

  test('--dry-run lists the targets and changes nothing', async () => {
    const before = await server.gql.request(EventsDocument, { limit: 1 });
    const lastId = before.events[0]?.id;

    const run = await cliJson<{ dryRun: boolean; count: number; targets: JsonClient[] }>(server, [
      'run',
      '--tags',
      'web',
      '--dry-run',
      '--',
      'touch /tmp/should-not-exist',
    ]);
    assert.equal(run.dryRun, true);
    assert.equal(run.count, 3);
    const update = await runCli(server, [
      'clients',
      'update',
      '--tags',
      'prod',
      '--add-tags',
      'dry',
      '--dry-run',
    ]);
    assert.equal(update.code, 0);
    assert.match(update.stderr, /Dry run: would update metadata on 1 client/);
    assert.match(update.stdout, /cli-alpha/);
    const configure = await runCli(server, [
      'clients',
      'configure',
      '--tags',
      'web',
      '--rate-limit-rpm',
      '7',
      '--dry-run',
    ]);
    assert.equal(configure.code, 0);

    const after = await server.gql.request(EventsDocument, { limit: 1 });
    assert.equal(after.events[0]?.id, lastId, 'no event recorded: nothing ran, nothing changed');
    const alphaNow = (await server.gql.request(ClientDocument, { id: alpha.uuid })).client;
    assert.ok(!alphaNow?.tags.some((t) => t.name === 'dry'));
    assert.notEqual(alphaNow?.rateLimitRpm, 7);
  });

  test('clients update and configure: one client and bulk, with per-client results', async () => {
    const updated = await cliJson<JsonClient>(server, [
      'clients',
      'update',
      'cli-alpha',
      '--purpose',
      'API Server',
      '--add-tags',
      'cli-added',
    ]);
    assert.equal(updated.purpose, 'API Server');
    assert.deepEqual(
      updated.tags.map((t) => t.name),
      ['cli-added', 'prod', 'web'],
    );

    const bulkTags = await cliJson<BulkJson>(server, [
      'clients',
      'update',
      '--tags',
      'web',
      '--add-tags',
      'fleet',
      '--remove-tags',
      'cli-added',
    ]);
    assert.equal(bulkTags.total, 3);
    assert.equal(bulkTags.failed, 0);
    for (const r of bulkTags.results) {
      assert.ok(r.client.tags.some((t) => t.name === 'fleet'));
      assert.ok(!r.client.tags.some((t) => t.name === 'cli-added'));
    }

    const configured = await cliJson<{ rateLimitRpm: number; rateLimitMode: string }>(server, [
      'clients',
      'configure',
      'cli-beta',
      '--rate-limit-rpm',
      '120',
      '--rate-limit-mode',
      'enforce',
    ]);
    assert.equal(configured.rateLimitRpm, 120);
    assert.equal(configured.rateLimitMode, 'ENFORCE');

    const bulkConfigure = await runCli(server, [
      'clients',
      'configure',
      '--tags',
      'web',
      '--cpu-threshold',
      '95',
    ]);
    assert.equal(bulkConfigure.code, 0, bulkConfigure.stderr);
    assert.match(bulkConfigure.stderr, /3 of 3 client\(s\) succeeded/);
    const back = await cliJson<BulkJson>(server, [
      'clients',
      'configure',
      '--tags',
      'web',
      '--rate-limit-rpm',
      'default',
      '--rate-limit-mode',
      'default',
    ]);
    assert.equal(back.succeeded, 3);
  });

  test('events (filters, paging), metrics --summary, health --json', async () => {
    const page = await cliJson<{ id: string; event: string; client: { uuid: string } }[]>(server, [
      'events',
      '--client',
      'cli-alpha',
      '--events',
      'command_executed',
      '--limit',
      '2',
    ]);
    assert.equal(page.length, 2);
    assert.ok(page.every((e) => e.event === 'command_executed' && e.client.uuid === alpha.uuid));
    const next = await cliJson<{ id: string }[]>(server, [
      'events',
      '--client',
      'cli-alpha',
      '--events',
      'command_executed',
      '--limit',
      '2',
      '--before',
      page[1]!.id,
    ]);
    assert.ok(next.length > 0);
    assert.ok(next.every((e) => Number(e.id) < Number(page[1]!.id)));
    const table = await runCli(server, ['events', '--events', 'connected', '--limit', '1']);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /client\.connected/);
    assert.match(table.stderr, /--before \d+/);

    const summary = await cliJson<{ hostname: string; cpuPercent: number; memoryPercent: number }>(
      server,
      ['metrics', 'cli-alpha', '--summary'],
    );
    assert.equal(typeof summary.cpuPercent, 'number');
    assert.equal(typeof summary.memoryPercent, 'number');
    const offlineMetrics = await runCli(server, ['metrics', 'cli-gamma']);
    assert.equal(offlineMetrics.code, 4);

    const health = await cliJson<{
      total: number;
      online: number;
      offline: number;
      samples: unknown[];
    }>(server, ['health', '--tags', 'web']);
    assert.equal(health.total, 3);
    assert.equal(health.online, 2);
    assert.equal(health.offline, 1);
    assert.equal(health.samples.length, 2);
    const text = await runCli(server, ['health']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /3 client\(s\): 2 online, 1 offline/);
  });

  test('decommission needs --yes off a terminal; restore brings the client back', async () => {
    const unconfirmed = await runCli(server, ['clients', 'decommission', 'cli-gamma']);
    assert.equal(unconfirmed.code, 2);
    assert.match(unconfirmed.stderr, /--yes/);
    const done = await cliJson<{ client: JsonClient; serviceStop: unknown }>(server, [
      'clients',
      'decommission',
      'cli-gamma',
      '--reason',
      'cli test',
      '--yes',
    ]);
    assert.equal(done.client.decommissioned, true);
    assert.equal(done.serviceStop, null, 'offline: nothing to stop');
    const listed = await cliJson<JsonClient[]>(server, ['clients', 'list']);
    assert.ok(!listed.some((c) => c.uuid === gamma.uuid));
    const restored = await cliJson<JsonClient>(server, ['clients', 'restore', 'cli-gamma']);
    assert.equal(restored.decommissioned, false);
    const acceptWithoutMismatch = await runCli(server, ['clients', 'accept-key', 'cli-alpha']);
    assert.notEqual(acceptWithoutMismatch.code, 0);
  });

  test('colours only when asked for: none through a pipe or with NO_COLOR', async () => {
    for (const args of [
      ['clients', 'list'],
      ['run', '--tags', 'web', '--', 'true'],
      ['events', '--limit', '5'],
    ]) {
      const piped = await runCli(server, args);
      assert.ok(!piped.stdout.includes(ESC) && !piped.stderr.includes(ESC), args.join(' '));
    }
    const forced = await runCli(server, ['clients', 'list'], { FORCE_COLOR: '1' });
    assert.ok(forced.stdout.includes(ESC), 'FORCE_COLOR shows the colours are real');
    const vetoed = await runCli(server, ['clients', 'list'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    assert.ok(!vetoed.stdout.includes(ESC));
  });

  test('metrics --watch prints a sample a line until Ctrl-C; health flags a client over its threshold', async () => {
    const watch = spawnCli(server, ['metrics', 'cli-alpha', '--summary', '--watch', '1', '--json']);
    await waitFor(() => watch.stdout.filter((l) => l.trim()).length >= 2, {
      timeoutMs: 30_000,
      what: 'two metrics samples',
    });
    for (const line of watch.stdout.filter((l) => l.trim()).slice(0, 2)) {
      const sample = JSON.parse(line) as {
        timestamp: string;
        metrics: { memoryPercent: number } | null;
        error: unknown;
      };
      assert.equal(sample.error, null);
      assert.equal(typeof sample.metrics?.memoryPercent, 'number');
    }
    watch.child.kill('SIGINT');
    assert.deepEqual(await watch.exited, { code: 0, signal: null });

    // Thresholds at 100 % cannot be crossed (a busy test machine crosses the default 80 % CPU).
    const thresholds = ['--cpu-threshold', '--memory-threshold', '--disk-threshold'];
    await cliJson(server, [
      'clients',
      'configure',
      'cli-alpha',
      ...thresholds.flatMap((t) => [t, '100']),
    ]);
    try {
      const calm = await runCli(server, ['health', '--tags', 'prod', '--check']);
      assert.equal(calm.code, 0, calm.stdout);
      await cliJson(server, ['clients', 'configure', 'cli-alpha', '--memory-threshold', '0']);
      const flagged = await runCli(server, ['health', '--tags', 'prod', '--check']);
      assert.equal(flagged.code, 1, '--check: a client needs attention');
      assert.match(flagged.stdout, /Over a threshold/);
      assert.match(flagged.stdout, /cli-alpha\)\s.*memory \d+\.\d% > 0%/);
    } finally {
      await cliJson(server, [
        'clients',
        'configure',
        'cli-alpha',
        ...thresholds.flatMap((t) => [t, 'default']),
      ]);
    }
  });

  test('a changed key: run exits 5 (KEY_MISMATCH) until clients accept-key', async () => {
    await gamma.exec(['--generate-key']);
    await gamma.start();
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: gamma.uuid })).client?.keyMismatch === true,
      { what: 'gamma key mismatch' },
    );
    const refused = await runCli(server, ['run', 'cli-gamma', '--', 'true']);
    assert.equal(refused.code, 5);
    assert.match(refused.stderr, /KEY_MISMATCH/);
    const waiting = await cliJson<JsonClient[]>(server, ['clients', 'list', '--key-mismatch']);
    assert.deepEqual(
      waiting.map((c) => c.uuid),
      [gamma.uuid],
    );
    const accepted = await cliJson<JsonClient>(server, ['clients', 'accept-key', 'cli-gamma']);
    assert.equal(accepted.keyMismatch, false);
    const ran = await runCli(server, ['run', 'cli-gamma', '--', 'echo accepted']);
    assert.equal(ran.code, 0, ran.stderr);
    assert.equal(ran.stdout, 'accepted\n');
  });
});
