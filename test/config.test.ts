import { test } from 'node:test';
import assert from 'node:assert/strict';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readServerConfig } from '../src/config.js';
import { AGENT_KEEPALIVE } from '../src/agent/tunnel.js';
import { slotFor } from '../src/fleet/beat-wheel.js';
import { beatsAskedFor } from '../src/fleet/health.js';
import { MIN_ANSWER_WAIT_MS } from '../src/agent/beats.js';
import { defaultHubLimits } from '../src/hub/limits.js';
import { serverUsage } from '../src/server-usage.js';

test('defaults follow the interface contract', () => {
  const config = readServerConfig([], {});
  assert.ok(config !== 'help');
  assert.equal(config.dataDir, join(homedir(), '.etphonehome-server'));
  assert.equal(config.sshHost, '0.0.0.0');
  assert.equal(config.sshPort, 2222);
  assert.equal(config.httpHost, '127.0.0.1');
  assert.equal(config.httpPort, 8765);
  assert.equal(config.openEnrollment, false);
  assert.equal(config.apiKey, null);
  assert.deepEqual(config.rateLimit, { rpm: 60, concurrent: 10, mode: 'WARN' });
});

test('flags win over environment variables', () => {
  const env = {
    ETPHONEHOME_DATA_DIR: '/from/env',
    ETPHONEHOME_SSH_PORT: '2300',
    ETPHONEHOME_HTTP_PORT: '9000',
    ETPHONEHOME_OPEN_ENROLLMENT: '1',
    ETPHONEHOME_API_KEY: 'k'.repeat(20),
    ETPHONEHOME_RATE_LIMIT_MODE: 'enforce',
  };
  const fromEnv = readServerConfig([], env);
  assert.ok(fromEnv !== 'help');
  assert.equal(fromEnv.dataDir, '/from/env');
  assert.equal(fromEnv.sshPort, 2300);
  assert.equal(fromEnv.openEnrollment, true);
  assert.equal(fromEnv.rateLimit.mode, 'ENFORCE');
  const fromFlags = readServerConfig(
    ['--data-dir', '/from/flag', '--ssh-port', '2400', '--http-port', '0'],
    env,
  );
  assert.ok(fromFlags !== 'help');
  assert.equal(fromFlags.dataDir, '/from/flag');
  assert.equal(fromFlags.sshPort, 2400);
  assert.equal(fromFlags.httpPort, 0);
});

test('bad values are refused with a message naming the setting', () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--ssh-port', '99999'], {}, /--ssh-port/],
    [['--http-port', 'abc'], {}, /--http-port/],
    [['--bogus'], {}, /bogus/],
    [[], { ETPHONEHOME_RATE_LIMIT_MODE: 'loud' }, /ETPHONEHOME_RATE_LIMIT_MODE/],
    [[], { ETPHONEHOME_RATE_LIMIT_RPM: '0' }, /ETPHONEHOME_RATE_LIMIT_RPM/],
    [[], { ETPHONEHOME_API_KEY: 'short' }, /ETPHONEHOME_API_KEY/],
    [[], { ETPHONEHOME_TRANSFER_ROOTS: '/srv/a:relative/b' }, /ETPHONEHOME_TRANSFER_ROOTS/],
  ];
  for (const [argv, env, message] of cases) {
    assert.throws(
      () => readServerConfig(argv, env),
      (error: Error) => error instanceof ConfigError && message.test(error.message),
    );
  }
});

test('by default neither end sends SSH keepalives while heartbeats flow', () => {
  const defaults = readServerConfig([], {});
  assert.ok(defaults !== 'help');
  // The longest silence between two heartbeats: the interval plus its jitter (10 %), rounded up to
  // the beat wheel's slot. Each end's keepalive waits for longer silence than that, so an idle
  // fleet's only packets are the heartbeats (10,000 agents: 670 packets a second fewer).
  const intervalMs = defaults.health.heartbeatIntervalS * 1000;
  const longestGapMs = intervalMs * 1.1 + slotFor(intervalMs);
  assert.ok(AGENT_KEEPALIVE.intervalMs > longestGapMs, 'the agent waits longer than a beat');
  assert.ok(defaults.sshKeepalive.intervalS * 1000 > longestGapMs, 'so does the server');
  assert.equal(defaultHubLimits.keepaliveIntervalMs, defaults.sshKeepalive.intervalS * 1000);
  assert.equal(defaultHubLimits.keepaliveCountMax, defaults.sshKeepalive.countMax);
  // A silent path is still cut within two minutes on both ends (ssh2 cuts at count + 1 intervals).
  assert.ok(AGENT_KEEPALIVE.intervalMs * (AGENT_KEEPALIVE.countMax + 1) <= 120_000);
  assert.ok(defaults.sshKeepalive.intervalS * defaults.sshKeepalive.countMax <= 120);
  // `etphonehome server --help` states the same defaults.
  const stated = (name: string) =>
    Number(new RegExp(`^\\s*${name}\\s.*\\((\\d+)\\)$`, 'm').exec(serverUsage)?.[1]);
  assert.equal(stated('ETPHONEHOME_SSH_KEEPALIVE_S'), defaults.sshKeepalive.intervalS);
  assert.equal(stated('ETPHONEHOME_SSH_KEEPALIVE_COUNT'), defaults.sshKeepalive.countMax);
});

test('with the agent’s own beats, no keepalives either, and a silent path is still cut', () => {
  const defaults = readServerConfig([], {});
  assert.ok(defaults !== 'help');
  const intervalMs = defaults.health.heartbeatIntervalS * 1000;
  // The agent holds its keepalives off at each beat and the hub hears each one: both wait for
  // longer silence than the longest gap between beats (slot-rounded, as the agent sends them).
  const longestGapMs = intervalMs * 1.1 + slotFor(intervalMs);
  assert.ok(AGENT_KEEPALIVE.intervalMs > longestGapMs);
  assert.ok(defaults.sshKeepalive.intervalS * 1000 > longestGapMs);
  // The agent asks for an answer once the hub was silent for answerAfterMs (at the next beat),
  // and ends the link when none came within the wait: no later than the hub cuts a silent agent
  // (ssh2 cuts after count + 1 intervals).
  const { answerAfterMs } = beatsAskedFor(intervalMs);
  const agentCutsWithinMs = answerAfterMs + longestGapMs + Math.max(intervalMs, MIN_ANSWER_WAIT_MS);
  const hubCutsWithinMs =
    defaults.sshKeepalive.intervalS * 1000 * (defaults.sshKeepalive.countMax + 1);
  assert.ok(agentCutsWithinMs <= hubCutsWithinMs, `${agentCutsWithinMs} > ${hubCutsWithinMs}`);
  // And asks at most every third beat: the hub's answer is a write, most of a beat's cost.
  assert.ok(answerAfterMs >= 3 * intervalMs * 0.9);
});

test('health settings: defaults, environment, flags, and refusals', () => {
  const defaults = readServerConfig([], {});
  assert.ok(defaults !== 'help');
  assert.deepEqual(defaults.health, {
    heartbeatIntervalS: 30,
    heartbeatFailures: 3,
    graceS: 60,
    heartbeatTimeoutS: 10,
    resourceChecks: false,
    thresholds: { cpu: 80, memory: 85, disk: 85 },
  });
  assert.deepEqual(defaults.sshKeepalive, { intervalS: 40, countMax: 3 });
  const env = {
    ETPHONEHOME_HEARTBEAT_INTERVAL_S: '5',
    ETPHONEHOME_HEARTBEAT_FAILURES: '2',
    ETPHONEHOME_HEALTH_GRACE_S: '0',
    ETPHONEHOME_HEARTBEAT_TIMEOUT_S: '3',
    ETPHONEHOME_RESOURCE_CHECKS: '1',
    ETPHONEHOME_CPU_THRESHOLD: '90.5',
    ETPHONEHOME_MEMORY_THRESHOLD: '70',
    ETPHONEHOME_DISK_THRESHOLD: '95',
    ETPHONEHOME_SSH_KEEPALIVE_S: '10',
    ETPHONEHOME_SSH_KEEPALIVE_COUNT: '6',
  };
  const fromEnv = readServerConfig([], env);
  assert.ok(fromEnv !== 'help');
  assert.deepEqual(fromEnv.health, {
    heartbeatIntervalS: 5,
    heartbeatFailures: 2,
    graceS: 0,
    heartbeatTimeoutS: 3,
    resourceChecks: true,
    thresholds: { cpu: 90.5, memory: 70, disk: 95 },
  });
  assert.deepEqual(fromEnv.sshKeepalive, { intervalS: 10, countMax: 6 });
  const fromFlags = readServerConfig(
    ['--heartbeat-interval', '7', '--heartbeat-failures', '4', '--health-grace', '9'],
    env,
  );
  assert.ok(fromFlags !== 'help');
  assert.equal(fromFlags.health.heartbeatIntervalS, 7);
  assert.equal(fromFlags.health.heartbeatFailures, 4);
  assert.equal(fromFlags.health.graceS, 9);
  const refused: Array<[string[], Record<string, string>, RegExp]> = [
    [['--heartbeat-interval', '0'], {}, /--heartbeat-interval .* from 1 to 86400/],
    [[], { ETPHONEHOME_HEARTBEAT_FAILURES: 'three' }, /ETPHONEHOME_HEARTBEAT_FAILURES/],
    [[], { ETPHONEHOME_HEALTH_GRACE_S: '-1' }, /ETPHONEHOME_HEALTH_GRACE_S/],
    [[], { ETPHONEHOME_CPU_THRESHOLD: '101' }, /ETPHONEHOME_CPU_THRESHOLD must be a percentage/],
    [[], { ETPHONEHOME_DISK_THRESHOLD: '' }, /ETPHONEHOME_DISK_THRESHOLD/],
    [[], { ETPHONEHOME_SSH_KEEPALIVE_COUNT: '0' }, /ETPHONEHOME_SSH_KEEPALIVE_COUNT/],
  ];
  for (const [argv, envCase, message] of refused) {
    assert.throws(
      () => readServerConfig(argv, envCase),
      (error: Error) => error instanceof ConfigError && message.test(error.message),
      message.source,
    );
  }
});

test('transfer roots: <data-dir>/transfers by default, else the colon-separated list', () => {
  const byDefault = readServerConfig(['--data-dir', '/data'], {});
  assert.ok(byDefault !== 'help');
  assert.deepEqual(byDefault.transferRoots, ['/data/transfers']);
  const configured = readServerConfig([], {
    ETPHONEHOME_TRANSFER_ROOTS: '/srv/in:/srv/out/::/srv/x/../y',
  });
  assert.ok(configured !== 'help');
  assert.deepEqual(configured.transferRoots, ['/srv/in', '/srv/out', '/srv/y']);
});
test('webhook settings: defaults, values, and bad values named', () => {
  const defaults = readServerConfig([], {});
  assert.ok(defaults !== 'help');
  assert.equal(defaults.webhooks.url, null);
  assert.equal(defaults.webhooks.secret, null, 'generated into the data directory');
  assert.equal(defaults.webhooks.policy.allowPrivate, false);
  assert.deepEqual(
    [defaults.webhooks.timeoutMs, defaults.webhooks.retryBaseMs, defaults.webhooks.maxAttempts],
    [10_000, 10_000, 19],
  );
  const set = readServerConfig([], {
    ETPHONEHOME_WEBHOOK_URL: 'https://hooks.example.com/etph',
    ETPHONEHOME_WEBHOOK_SECRET: 'whsec_' + Buffer.alloc(24, 1).toString('base64'),
    ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1',
    ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: 'hooks.internal, 10.0.0.0/8',
    ETPHONEHOME_WEBHOOK_TIMEOUT_MS: '5000',
  });
  assert.ok(set !== 'help');
  assert.equal(set.webhooks.url, 'https://hooks.example.com/etph');
  assert.equal(set.webhooks.policy.allowPrivate, true);
  assert.deepEqual(set.webhooks.policy.allowedHosts, ['hooks.internal']);
  assert.equal(set.webhooks.policy.allowedAddresses.check('10.1.2.3'), true);
  assert.equal(set.webhooks.timeoutMs, 5000);
  const cases: Array<[Record<string, string>, RegExp]> = [
    [{ ETPHONEHOME_WEBHOOK_URL: 'not a url' }, /ETPHONEHOME_WEBHOOK_URL must be an http\(s\) URL/],
    [{ ETPHONEHOME_WEBHOOK_URL: 'ftp://x.example/' }, /ETPHONEHOME_WEBHOOK_URL must use http/],
    [{ ETPHONEHOME_WEBHOOK_SECRET: 'short' }, /ETPHONEHOME_WEBHOOK_SECRET is shorter than 16/],
    [{ ETPHONEHOME_WEBHOOK_SECRET: 'whsec_!!' }, /ETPHONEHOME_WEBHOOK_SECRET starts with whsec_/],
    [{ ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: 'a b' }, /ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS/],
    [{ ETPHONEHOME_WEBHOOK_TIMEOUT_MS: '0' }, /ETPHONEHOME_WEBHOOK_TIMEOUT_MS/],
    [{ ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS: 'many' }, /ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS/],
  ];
  for (const [env, message] of cases) {
    assert.throws(
      () => readServerConfig([], env),
      (error: Error) => error instanceof ConfigError && message.test(error.message),
      String(message),
    );
  }
});

test('database URL: unset is the SQLite file; the flag wins over the environment', () => {
  const none = readServerConfig([], {});
  assert.ok(none !== 'help');
  assert.equal(none.databaseUrl, null);
  const blankEnv = readServerConfig([], { ETPHONEHOME_DATABASE_URL: '  ' });
  assert.ok(blankEnv !== 'help');
  assert.equal(blankEnv.databaseUrl, null, 'an empty variable is unset');
  const env = { ETPHONEHOME_DATABASE_URL: 'postgres://etph:secret@db.example:5432/fleet' };
  const fromEnv = readServerConfig([], env);
  assert.ok(fromEnv !== 'help');
  assert.equal(fromEnv.databaseUrl, 'postgres://etph:secret@db.example:5432/fleet');
  const fromFlag = readServerConfig(
    ['--database-url', 'postgresql://etph@other.example/fleet2?sslmode=require'],
    env,
  );
  assert.ok(fromFlag !== 'help');
  assert.equal(fromFlag.databaseUrl, 'postgresql://etph@other.example/fleet2?sslmode=require');
  const socket = readServerConfig(['--database-url', 'postgres:///fleet?host=/run/postgresql'], {});
  assert.ok(socket !== 'help');
  assert.equal(socket.databaseUrl, 'postgres:///fleet?host=/run/postgresql');
});

test('database URL: bad values are refused naming the setting, never the password', () => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--database-url', ''], {}, /--database-url is empty/],
    [['--database-url', 'not a url'], {}, /--database-url is not a URL/],
    [
      [],
      { ETPHONEHOME_DATABASE_URL: 'mysql://u:hunter2@db/x' },
      /ETPHONEHOME_DATABASE_URL uses mysql:\/\//,
    ],
    [['--database-url', 'sqlite:///var/lib/x.db'], {}, /--database-url uses sqlite:\/\//],
    [['--database-url', 'postgres://u:hunter2@db.example'], {}, /--database-url names no database/],
    [['--database-url', 'postgres://u:hunter2@db.example/a/b'], {}, /names no database/],
    [
      [],
      { ETPHONEHOME_DATABASE_URL: 'postgres:///fleet' },
      /ETPHONEHOME_DATABASE_URL names no host/,
    ],
    [['--database-url', 'postgres://u:hunter2@:5432/x'], {}, /not a URL|names no host/],
  ];
  for (const [argv, env, message] of cases) {
    assert.throws(
      () => readServerConfig(argv, env),
      (error: Error) =>
        error instanceof ConfigError &&
        message.test(error.message) &&
        !error.message.includes('hunter2'),
      `${JSON.stringify([argv, env])} is refused with ${message}`,
    );
  }
});

test('server name and peer URL: defaults, values, refusals naming the setting', () => {
  const none = readServerConfig([], {});
  assert.ok(none !== 'help');
  assert.equal(none.serverName, hostname());
  assert.equal(none.peerUrl, null);
  const set = readServerConfig(['--server-name', 'etph-2'], {
    ETPHONEHOME_SERVER_NAME: 'etph-1',
    ETPHONEHOME_PEER_URL: 'http://10.0.0.2:8766',
  });
  assert.ok(set !== 'help');
  assert.equal(set.serverName, 'etph-2');
  assert.equal(set.peerUrl, 'http://10.0.0.2:8766');
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--server-name', 'has space'], {}, /--server-name \(ETPHONEHOME_SERVER_NAME\) "has space"/],
    [[], { ETPHONEHOME_SERVER_NAME: '-dash' }, /ETPHONEHOME_SERVER_NAME/],
    [
      ['--peer-url', 'not a url'],
      {},
      /--peer-url \(ETPHONEHOME_PEER_URL\) "not a url" is not a URL/,
    ],
    [[], { ETPHONEHOME_PEER_URL: 'ftp://x.example' }, /ETPHONEHOME_PEER_URL\) uses ftp:/],
  ];
  for (const [argv, env, message] of cases) {
    assert.throws(
      () => readServerConfig(argv, env),
      (error: Error) => error instanceof ConfigError && message.test(error.message),
    );
  }
});

test('ETPHONEHOME_TRUSTED_DOCUMENTS: off by default, on with 1', () => {
  const off = readServerConfig([], {});
  assert.ok(off !== 'help');
  assert.equal(off.trustedDocuments, false);
  const on = readServerConfig([], { ETPHONEHOME_TRUSTED_DOCUMENTS: '1' });
  assert.ok(on !== 'help');
  assert.equal(on.trustedDocuments, true);
});
