// The server's configuration: flags, then environment, then defaults (DESIGN.md's interface
// contract). Read once, validated, returned frozen. A bad value is a ConfigError whose message
// names the flag or variable and what it accepts.

import { hostname } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPERATION_LIMITS, DEFAULT_SUBSCRIPTION_CAPS } from './graphql/defaults.js';
import { serverDataDir } from './lib/server-data-dir.js';
import { databaseUrlProblem } from './store/database-url.js';
import { DEFAULT_CONFIRMATION_TTL_S } from './fleet/limits.js';
import type { HealthConfig, RateLimitModeName } from './fleet/settings.js';
import { readWebhookSettings, type WebhookSettings } from './fleet/webhooks/settings.js';
import { serverUsage } from './server-usage.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ServerConfig {
  dataDir: string;
  /** postgres:// URL of a shared database; null = the SQLite file in the data directory. */
  databaseUrl: string | null;
  /** This server's name among the servers on one database (default the hostname). */
  serverName: string;
  /** Where the other servers reach this one (http:// or https://); null = not given. */
  peerUrl: string | null;
  /** `--drain`: ask the running server of this name to hand its agents to the others, then exit. */
  drain: boolean;
  sshHost: string;
  sshPort: number;
  httpHost: string;
  httpPort: number;
  openEnrollment: boolean;
  /** Start with an empty database even though the data directory already holds keys. */
  allowNewDatabase: boolean;
  /** From ETPHONEHOME_API_KEY; null = use (or create) <data-dir>/api_key. */
  apiKey: string | null;
  rateLimit: { rpm: number; concurrent: number; mode: RateLimitModeName };
  health: HealthConfig;
  /** SSH keepalives from the hub: a silently dead network path is cut after interval × count. */
  sshKeepalive: { intervalS: number; countMax: number };
  graphql: {
    introspection: boolean;
    maxDepth: number;
    maxCost: number;
    /** Fields one operation may resolve while it runs, and the largest answer sent (bytes). */
    maxFields: number;
    maxResponseBytes: number;
    /** Open subscriptions per connection and per server (graphql-ws and SSE). */
    maxSubscriptionsPerConnection: number;
    maxSubscriptions: number;
  };
  /** Where file transfers may read and write on the server; default [<data-dir>/transfers]. */
  transferRoots: readonly string[];
  webhooks: WebhookSettings;
  /** MCP over Streamable HTTP at /mcp. */
  mcp: { maxSessions: number; sessionIdleMs: number; allowedOrigins: readonly string[] };
  /** Shells (issue 16): recordings in <data-dir>/recordings; openShell shells' idle timeout. */
  recording: { recordInput: boolean; retentionDays: number };
  shellIdleMs: number;
  logLevel: string;
  /** ETPHONEHOME_AUDIT_LOG: a file every recorded event is appended to (JSON lines); null: none. */
  auditLog: string | null;
  /** ETPHONEHOME_TRUSTED_DOCUMENTS=1: every key runs only trusted GraphQL documents. */
  trustedDocuments: boolean;
  /** ETPHONEHOME_CONFIRMATION_TTL_S: how long an MCP confirmation token stays valid. */
  confirmationTtlS: number;
}

export { serverUsage };

function port(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new ConfigError(`${name} must be a port number from 0 to 65535 (got "${value}").`);
  return n;
}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

function percentage(value: string, name: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
    throw new ConfigError(`${name} must be a percentage from 0 to 100 (got "${value}").`);
  return n;
}

function webhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  try {
    return readWebhookSettings(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

function flag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

export function readServerConfig(argv: string[], env: NodeJS.ProcessEnv): ServerConfig | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'server-name': { type: 'string' },
        'peer-url': { type: 'string' },
        drain: { type: 'boolean' },
        'ssh-host': { type: 'string' },
        'ssh-port': { type: 'string' },
        'http-host': { type: 'string' },
        'http-port': { type: 'string' },
        'open-enrollment': { type: 'boolean' },
        'disable-introspection': { type: 'boolean' },
        'allow-new-database': { type: 'boolean' },
        'heartbeat-interval': { type: 'string' },
        'heartbeat-failures': { type: 'string' },
        'health-grace': { type: 'string' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${serverUsage}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  // A setting read from the environment only: its variable names it in the refusal.
  const envNumber = (name: string, fallback: string, min: number, max: number) =>
    wholeNumber(env[name] ?? fallback, name, min, max);
  const envPercentage = (name: string, fallback: string) => percentage(env[name] ?? fallback, name);
  const mode = (env['ETPHONEHOME_RATE_LIMIT_MODE'] ?? 'warn').toLowerCase();
  if (!['warn', 'enforce', 'off'].includes(mode))
    throw new ConfigError(
      `ETPHONEHOME_RATE_LIMIT_MODE must be warn, enforce or off (got "${mode}").`,
    );
  const apiKey = env['ETPHONEHOME_API_KEY'];
  if (apiKey !== undefined && apiKey.length < 16)
    throw new ConfigError(
      'ETPHONEHOME_API_KEY must be at least 16 characters; unset it to have one generated.',
    );
  const logLevel = v['log-level'] ?? env['ETPHONEHOME_LOG_LEVEL'] ?? 'info';
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      `--log-level must be trace, debug, info, warn or error (got "${logLevel}").`,
    );
  }
  const dataDir = serverDataDir(v['data-dir'], env);
  return Object.freeze({
    dataDir,
    databaseUrl: databaseUrl(v['database-url'], env['ETPHONEHOME_DATABASE_URL']),
    serverName: serverName(v['server-name'] ?? env['ETPHONEHOME_SERVER_NAME']),
    peerUrl: peerUrl(v['peer-url'] ?? env['ETPHONEHOME_PEER_URL']),
    drain: v.drain === true,
    sshHost: v['ssh-host'] ?? env['ETPHONEHOME_SSH_HOST'] ?? '0.0.0.0',
    sshPort: port(v['ssh-port'] ?? env['ETPHONEHOME_SSH_PORT'] ?? '2222', '--ssh-port'),
    httpHost: v['http-host'] ?? env['ETPHONEHOME_HTTP_HOST'] ?? '127.0.0.1',
    httpPort: port(v['http-port'] ?? env['ETPHONEHOME_HTTP_PORT'] ?? '8765', '--http-port'),
    openEnrollment: v['open-enrollment'] === true || flag(env['ETPHONEHOME_OPEN_ENROLLMENT']),
    allowNewDatabase:
      v['allow-new-database'] === true || flag(env['ETPHONEHOME_ALLOW_NEW_DATABASE']),
    apiKey: apiKey ?? null,
    auditLog: env['ETPHONEHOME_AUDIT_LOG'] ? resolve(env['ETPHONEHOME_AUDIT_LOG']) : null,
    trustedDocuments: flag(env['ETPHONEHOME_TRUSTED_DOCUMENTS']),
    confirmationTtlS: envNumber(
      'ETPHONEHOME_CONFIRMATION_TTL_S',
      String(DEFAULT_CONFIRMATION_TTL_S),
      1,
      86_400,
    ),
    rateLimit: Object.freeze({
      rpm: envNumber('ETPHONEHOME_RATE_LIMIT_RPM', '60', 1, 1_000_000),
      concurrent: envNumber('ETPHONEHOME_RATE_LIMIT_CONCURRENT', '10', 1, 10_000),
      mode: mode.toUpperCase() as RateLimitModeName,
    }),
    health: Object.freeze({
      heartbeatIntervalS: wholeNumber(
        v['heartbeat-interval'] ?? env['ETPHONEHOME_HEARTBEAT_INTERVAL_S'] ?? '30',
        '--heartbeat-interval (ETPHONEHOME_HEARTBEAT_INTERVAL_S)',
        1,
        86_400,
      ),
      heartbeatFailures: wholeNumber(
        v['heartbeat-failures'] ?? env['ETPHONEHOME_HEARTBEAT_FAILURES'] ?? '3',
        '--heartbeat-failures (ETPHONEHOME_HEARTBEAT_FAILURES)',
        1,
        1000,
      ),
      graceS: wholeNumber(
        v['health-grace'] ?? env['ETPHONEHOME_HEALTH_GRACE_S'] ?? '60',
        '--health-grace (ETPHONEHOME_HEALTH_GRACE_S)',
        0,
        86_400,
      ),
      heartbeatTimeoutS: envNumber('ETPHONEHOME_HEARTBEAT_TIMEOUT_S', '10', 1, 3600),
      resourceChecks: flag(env['ETPHONEHOME_RESOURCE_CHECKS']),
      thresholds: Object.freeze({
        cpu: envPercentage('ETPHONEHOME_CPU_THRESHOLD', '80'),
        memory: envPercentage('ETPHONEHOME_MEMORY_THRESHOLD', '85'),
        disk: envPercentage('ETPHONEHOME_DISK_THRESHOLD', '85'),
      }),
    }),
    sshKeepalive: Object.freeze({
      intervalS: envNumber('ETPHONEHOME_SSH_KEEPALIVE_S', '40', 1, 3600),
      countMax: envNumber('ETPHONEHOME_SSH_KEEPALIVE_COUNT', '3', 1, 100),
    }),
    graphql: Object.freeze({
      introspection:
        v['disable-introspection'] !== true &&
        !/^(0|false|no|off)$/i.test(env['ETPHONEHOME_GRAPHQL_INTROSPECTION'] ?? ''),
      maxDepth: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_DEPTH',
        String(DEFAULT_OPERATION_LIMITS.maxDepth),
        1,
        100,
      ),
      maxCost: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_COST',
        String(DEFAULT_OPERATION_LIMITS.maxCost),
        1,
        100_000_000,
      ),
      maxFields: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_FIELDS',
        String(DEFAULT_OPERATION_LIMITS.maxFields),
        1,
        100_000_000,
      ),
      maxResponseBytes: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_RESPONSE_BYTES',
        String(DEFAULT_OPERATION_LIMITS.maxResponseBytes),
        1024,
        1024 * 1024 * 1024,
      ),
      maxSubscriptionsPerConnection: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION',
        String(DEFAULT_SUBSCRIPTION_CAPS.maxSubscriptionsPerConnection),
        1,
        100_000,
      ),
      maxSubscriptions: envNumber(
        'ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS',
        String(DEFAULT_SUBSCRIPTION_CAPS.maxSubscriptions),
        1,
        1_000_000,
      ),
    }),
    transferRoots: Object.freeze(transferRoots(env['ETPHONEHOME_TRANSFER_ROOTS'], dataDir)),
    recording: Object.freeze({
      recordInput: flag(env['ETPHONEHOME_RECORD_INPUT']),
      retentionDays: wholeNumber(
        env['ETPHONEHOME_RECORDING_RETENTION_DAYS'] ?? '30',
        'ETPHONEHOME_RECORDING_RETENTION_DAYS',
        0,
        36_500,
      ),
    }),
    shellIdleMs: envNumber('ETPHONEHOME_SHELL_IDLE_S', '900', 1, 7 * 24 * 3600) * 1000,
    mcp: Object.freeze({
      maxSessions: envNumber('ETPHONEHOME_MCP_MAX_SESSIONS', '100', 1, 100_000),
      sessionIdleMs: envNumber('ETPHONEHOME_MCP_SESSION_IDLE_S', '1800', 1, 7 * 24 * 3600) * 1000,
      allowedOrigins: Object.freeze(
        (env['ETPHONEHOME_MCP_ALLOWED_ORIGINS'] ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    }),
    logLevel,
    webhooks: webhookSettings(env),
  });
}

/** The database URL from the flag or the environment ("" = unset); refused when unusable. */
function databaseUrl(flagValue: string | undefined, envValue: string | undefined): string | null {
  const [value, name] =
    flagValue !== undefined
      ? [flagValue.trim(), '--database-url']
      : [envValue?.trim() ?? '', 'ETPHONEHOME_DATABASE_URL'];
  if (value === '') {
    if (flagValue !== undefined)
      throw new ConfigError(
        '--database-url is empty: give a postgres:// URL, or leave it out for the SQLite file.',
      );
    return null;
  }
  const problem = databaseUrlProblem(value);
  if (problem !== null) throw new ConfigError(`${name} ${problem}.`);
  return value;
}

const SERVER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;
function serverName(value: string | undefined): string {
  const name = value?.trim() || hostname();
  if (!SERVER_NAME.test(name))
    throw new ConfigError(
      `--server-name (ETPHONEHOME_SERVER_NAME) "${name.slice(0, 64)}" is not a usable name: use 1–255 letters, digits, '.', '_' or '-', starting with a letter or digit.`,
    );
  return name;
}

function peerUrl(value: string | undefined): string | null {
  const text = value?.trim() ?? '';
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      `--peer-url (ETPHONEHOME_PEER_URL) "${text.slice(0, 200)}" is not a URL: use http://HOST:PORT or https://HOST:PORT, the address the other servers reach this one at.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(
      `--peer-url (ETPHONEHOME_PEER_URL) uses ${url.protocol}//: use http:// or https://.`,
    );
  return text;
}

function transferRoots(value: string | undefined, dataDir: string): string[] {
  if (value === undefined || value.trim() === '') return [join(dataDir, 'transfers')];
  const roots = value.split(':').filter((root) => root !== '');
  for (const root of roots) {
    if (!isAbsolute(root) || root.includes('\0'))
      throw new ConfigError(
        `ETPHONEHOME_TRANSFER_ROOTS takes absolute directories separated by ":" (got "${root}").`,
      );
  }
  return roots.map((root) => resolve(root));
}
