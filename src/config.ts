// The server's configuration: flags, then environment, then defaults (DESIGN.md's interface
// contract). Read once, validated, returned frozen. A bad value is a ConfigError whose message
// names the flag or variable and what it accepts.

import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RateLimitModeName } from './fleet/client-view.js';
import {
  readWebhookSettings,
  webhookEnvUsage,
  type WebhookSettings,
} from './fleet/webhooks/settings.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ServerConfig {
  dataDir: string;
  sshHost: string;
  sshPort: number;
  httpHost: string;
  httpPort: number;
  openEnrollment: boolean;
  /** From ETPHONEHOME_API_KEY; null = use (or create) <data-dir>/api_key. */
  apiKey: string | null;
  rateLimit: { rpm: number; concurrent: number; mode: RateLimitModeName };
  graphql: { introspection: boolean; maxDepth: number; maxCost: number };
  webhooks: WebhookSettings;
  logLevel: string;
}

export const serverUsage = `Usage: etphonehome server [options]

Options:
  --data-dir DIR      data directory (env ETPHONEHOME_DATA_DIR; default ~/.etphonehome-server)
  --ssh-host H        SSH listen address (env ETPHONEHOME_SSH_HOST; default 0.0.0.0)
  --ssh-port N        SSH listen port (env ETPHONEHOME_SSH_PORT; default 2222; 0 = any free port)
  --http-host H       HTTP listen address (env ETPHONEHOME_HTTP_HOST; default 127.0.0.1)
  --http-port N       HTTP listen port (env ETPHONEHOME_HTTP_PORT; default 8765; 0 = any free port)
  --open-enrollment   admit any new key (env ETPHONEHOME_OPEN_ENROLLMENT=1); for trials and tests
  --disable-introspection  hide the GraphQL schema (env ETPHONEHOME_GRAPHQL_INTROSPECTION=0);
                      GraphiQL's documentation and completion then stop working
  --log-level LEVEL   trace|debug|info|warn|error (env ETPHONEHOME_LOG_LEVEL; default info)
  -h, --help          show this help

Environment:
  ETPHONEHOME_API_KEY            API key (default: generated into <data-dir>/api_key, printed once)
  ETPHONEHOME_RATE_LIMIT_RPM     default requests per minute per client (60)
  ETPHONEHOME_RATE_LIMIT_CONCURRENT  default concurrent requests per client (10)
  ETPHONEHOME_RATE_LIMIT_MODE    warn|enforce|off (warn)
  ETPHONEHOME_GRAPHQL_MAX_DEPTH  deepest selection an operation may make (10)
  ETPHONEHOME_GRAPHQL_MAX_COST   most an operation may cost (100000; about one per field,
                                 times the page size of a connection)
${webhookEnvUsage}
Examples:
  etphonehome server
  etphonehome server --data-dir /var/lib/etphonehome --http-host 0.0.0.0
`;

function port(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new ConfigError(`${name} must be a port number from 0 to 65535 (got "${value}").`);
  return n;
}

function positiveInt(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw new ConfigError(`${name} must be a whole number from 1 to ${max} (got "${value}").`);
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
        'ssh-host': { type: 'string' },
        'ssh-port': { type: 'string' },
        'http-host': { type: 'string' },
        'http-port': { type: 'string' },
        'open-enrollment': { type: 'boolean' },
        'disable-introspection': { type: 'boolean' },
        'log-level': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${serverUsage}`);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const mode = (env['ETPHONEHOME_RATE_LIMIT_MODE'] ?? 'warn').toLowerCase();
  if (!['warn', 'enforce', 'off'].includes(mode)) {
    throw new ConfigError(
      `ETPHONEHOME_RATE_LIMIT_MODE must be warn, enforce or off (got "${mode}").`,
    );
  }
  const apiKey = env['ETPHONEHOME_API_KEY'];
  if (apiKey !== undefined && apiKey.length < 16) {
    throw new ConfigError(
      'ETPHONEHOME_API_KEY must be at least 16 characters; unset it to have one generated.',
    );
  }
  const logLevel = v['log-level'] ?? env['ETPHONEHOME_LOG_LEVEL'] ?? 'info';
  if (!['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'].includes(logLevel)) {
    throw new ConfigError(
      `--log-level must be trace, debug, info, warn or error (got "${logLevel}").`,
    );
  }
  return Object.freeze({
    dataDir: resolve(
      v['data-dir'] ?? env['ETPHONEHOME_DATA_DIR'] ?? resolve(homedir(), '.etphonehome-server'),
    ),
    sshHost: v['ssh-host'] ?? env['ETPHONEHOME_SSH_HOST'] ?? '0.0.0.0',
    sshPort: port(v['ssh-port'] ?? env['ETPHONEHOME_SSH_PORT'] ?? '2222', '--ssh-port'),
    httpHost: v['http-host'] ?? env['ETPHONEHOME_HTTP_HOST'] ?? '127.0.0.1',
    httpPort: port(v['http-port'] ?? env['ETPHONEHOME_HTTP_PORT'] ?? '8765', '--http-port'),
    openEnrollment: v['open-enrollment'] === true || flag(env['ETPHONEHOME_OPEN_ENROLLMENT']),
    apiKey: apiKey ?? null,
    rateLimit: Object.freeze({
      rpm: positiveInt(
        env['ETPHONEHOME_RATE_LIMIT_RPM'] ?? '60',
        'ETPHONEHOME_RATE_LIMIT_RPM',
        1_000_000,
      ),
      concurrent: positiveInt(
        env['ETPHONEHOME_RATE_LIMIT_CONCURRENT'] ?? '10',
        'ETPHONEHOME_RATE_LIMIT_CONCURRENT',
        10_000,
      ),
      mode: mode.toUpperCase() as RateLimitModeName,
    }),
    graphql: Object.freeze({
      introspection:
        v['disable-introspection'] !== true &&
        !/^(0|false|no|off)$/i.test(env['ETPHONEHOME_GRAPHQL_INTROSPECTION'] ?? ''),
      maxDepth: positiveInt(
        env['ETPHONEHOME_GRAPHQL_MAX_DEPTH'] ?? '10',
        'ETPHONEHOME_GRAPHQL_MAX_DEPTH',
        100,
      ),
      maxCost: positiveInt(
        env['ETPHONEHOME_GRAPHQL_MAX_COST'] ?? '100000',
        'ETPHONEHOME_GRAPHQL_MAX_COST',
        100_000_000,
      ),
    }),
    logLevel,
    webhooks: webhookSettings(env),
  });
}
