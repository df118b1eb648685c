// The webhook part of the server configuration, read from the environment (config.ts calls
// this; a bad value throws an Error whose message names the variable and what it accepts).

import { parseAllowList, type UrlPolicy } from './url-guard.js';
import { DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BASE_MS } from './retry-schedule.js';
import { secretProblem } from './sign.js';

export interface WebhookSettings {
  /** ETPHONEHOME_WEBHOOK_URL: where events go when a client has no webhookUrl of its own. */
  url: string | null;
  /** ETPHONEHOME_WEBHOOK_SECRET; null = read or create <data-dir>/webhook_secret. */
  secret: string | null;
  policy: UrlPolicy;
  timeoutMs: number;
  retryBaseMs: number;
  maxAttempts: number;
  concurrencyPerEndpoint: number;
}

export const webhookEnvUsage = `  ETPHONEHOME_WEBHOOK_URL        global webhook endpoint (a client's webhookUrl overrides it)
  ETPHONEHOME_WEBHOOK_SECRET     signing secret: whsec_<base64> or a plain string of 16+ bytes
                                 (default: generated into <data-dir>/webhook_secret)
  ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE=1  allow webhook targets on loopback/private/link-local
                                 addresses (refused by default)
  ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS  comma-separated host names (*.example.com), IPs and CIDRs
                                 allowed even when private
  ETPHONEHOME_WEBHOOK_TIMEOUT_MS timeout of one delivery attempt (10000)
  ETPHONEHOME_WEBHOOK_CONCURRENCY  deliveries in flight per endpoint (8)
  ETPHONEHOME_WEBHOOK_RETRY_BASE_MS  first retry delay; doubles up to 1440x (10000)
  ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS  attempts before a delivery is FAILED (19, about 34 h)
`;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${value}").`);
  return n;
}

export function readWebhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  let url: string | null = env['ETPHONEHOME_WEBHOOK_URL']?.trim() || null;
  if (url !== null) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`ETPHONEHOME_WEBHOOK_URL must be an http(s) URL (got "${url}").`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new Error(`ETPHONEHOME_WEBHOOK_URL must use http or https (got ${parsed.protocol}).`);
    if (parsed.username || parsed.password)
      throw new Error('ETPHONEHOME_WEBHOOK_URL must not carry credentials.');
    url = parsed.toString();
  }
  const secret = env['ETPHONEHOME_WEBHOOK_SECRET'] || null;
  const problem = secret === null ? null : secretProblem(secret);
  if (problem !== null) throw new Error(`ETPHONEHOME_WEBHOOK_SECRET ${problem}.`);
  const allow = parseAllowList(env['ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS'] ?? '');
  if (allow.problems.length > 0)
    throw new Error(`ETPHONEHOME_WEBHOOK_ALLOWED_HOSTS: ${allow.problems.join('; ')}.`);
  return {
    url,
    secret,
    policy: {
      allowPrivate: /^(1|true|yes|on)$/i.test(env['ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE'] ?? ''),
      allowedHosts: allow.hosts,
      allowedAddresses: allow.addresses,
    },
    timeoutMs: whole(env, 'ETPHONEHOME_WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    retryBaseMs: whole(
      env,
      'ETPHONEHOME_WEBHOOK_RETRY_BASE_MS',
      DEFAULT_RETRY_BASE_MS,
      1,
      3_600_000,
    ),
    maxAttempts: whole(env, 'ETPHONEHOME_WEBHOOK_MAX_ATTEMPTS', DEFAULT_MAX_ATTEMPTS, 1, 100),
    concurrencyPerEndpoint: whole(env, 'ETPHONEHOME_WEBHOOK_CONCURRENCY', 8, 1, 256),
  };
}
