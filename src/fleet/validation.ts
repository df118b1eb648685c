// Input checks for every operation, whatever door it came through. Each failure is a
// BAD_USER_INPUT error that names the field, the limit and what was given; nothing has been
// changed when one is thrown.

import {
  AppError,
  ErrorCode,
  named,
  nextStep,
  type NextStep,
  type OperationName,
} from '../errors.js';
import { isAbsoluteOnAnyPlatform } from '../lib/paths.js';
import { quote } from '../lib/quote.js';
import { parseForwardRules } from '../protocol/forward-target.js';
import type { ClientFilter } from './client-filter.js';
import {
  DEFAULT_TIMEOUT_S,
  MAX_ALLOWED_PATHS,
  MAX_CAPABILITY_CHARS,
  MAX_COMMAND_BYTES,
  MAX_COMMAND_TIMEOUT_MS,
  MAX_DISPLAY_NAME_CHARS,
  MAX_ENV_VALUE_CHARS,
  MAX_ENV_VARIABLES,
  MAX_PATH_LENGTH,
  MAX_PURPOSE_CHARS,
  MAX_QUERY_CHARS,
  MAX_TAG_CHARS,
  MAX_TAGS,
  MAX_TOKEN_LIFETIME_S,
  MAX_TOKEN_USES,
  MIN_TOKEN_LIFETIME_S,
  MAX_RATE_LIMIT_CONCURRENT,
  MAX_RATE_LIMIT_RPM,
  MAX_WEBHOOK_URL_LENGTH,
  TAG_PATTERN,
} from './limits.js';
import { RateLimitMode, type RateLimitModeName } from './settings.js';
import { secretProblem } from './webhooks/sign.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function bad(
  message: string,
  details?: Record<string, unknown>,
  steps?: readonly NextStep[],
): AppError {
  return new AppError(ErrorCode.badUserInput, message, details, steps);
}

export function isValidTag(name: string): boolean {
  return TAG_PATTERN.test(name);
}

export function invalidTagMessage(name: string): string {
  return `Tag "${name.slice(0, 64)}" is not valid: letters, digits and . _ : / -, starting with a letter or digit, at most ${MAX_TAG_CHARS} characters.`;
}

export interface CommandInput {
  cmd: string;
  cwd?: string | null | undefined;
  timeout?: number | null | undefined;
  env?: Readonly<Record<string, string>> | null | undefined;
}

export function validateCommand(input: CommandInput): {
  timeoutMs: number;
  env: Record<string, string> | undefined;
} {
  if (typeof input.cmd !== 'string' || input.cmd.trim() === '')
    throw bad('cmd must be a non-empty command line.');
  if (Buffer.byteLength(input.cmd) > MAX_COMMAND_BYTES)
    throw bad(
      `cmd is longer than ${MAX_COMMAND_BYTES} bytes; put long scripts in a file and run that.`,
    );
  if (input.cmd.includes('\0')) throw bad('cmd must not contain NUL bytes.');
  const timeoutS = input.timeout ?? DEFAULT_TIMEOUT_S;
  if (!Number.isInteger(timeoutS) || timeoutS < 1 || timeoutS * 1000 > MAX_COMMAND_TIMEOUT_MS) {
    throw bad(
      `timeout must be a whole number of seconds from 1 to ${MAX_COMMAND_TIMEOUT_MS / 1000} (got ${String(input.timeout)}).`,
    );
  }
  if (input.cwd !== null && input.cwd !== undefined) validatePath('cwd', input.cwd);
  let env: Record<string, string> | undefined;
  if (input.env) {
    const entries = Object.entries(input.env);
    if (entries.length > MAX_ENV_VARIABLES)
      throw bad(`env has more than ${MAX_ENV_VARIABLES} variables.`);
    for (const [name, value] of entries) {
      if (!ENV_NAME.test(name) || name.length > 256)
        throw bad(
          `env variable name ${quote(name)} is not valid (letters, digits, _; not starting with a digit).`,
        );
      if (typeof value !== 'string' || value.length > MAX_ENV_VALUE_CHARS || value.includes('\0'))
        throw bad(`env variable ${name} must be a string under 64 KiB without NUL bytes.`);
    }
    env = Object.fromEntries(entries);
  }
  return { timeoutMs: timeoutS * 1000, env };
}

/** BAD_USER_INPUT unless `path` is an absolute path of sane length (NUL bytes never pass). */
/** A file mode given with a write: permission bits, or nothing. */
export function validateMode(mode: number | null | undefined): void {
  if (mode != null && (!Number.isInteger(mode) || mode < 0 || mode > 0o7777))
    throw bad(`mode must be permission bits from 0 to 4095 (0o7777); got ${mode}.`);
}

export function validateRemotePath(path: string, what = 'path'): void {
  if (typeof path !== 'string' || path.length === 0) throw bad(`${what} must not be empty.`);
  if (path.length > MAX_PATH_LENGTH)
    throw bad(`${what} is ${path.length} characters long, over the limit of ${MAX_PATH_LENGTH}.`);
  if (path.includes('\0')) throw bad(`${what} contains a NUL byte.`);
  if (!isAbsoluteOnAnyPlatform(path))
    throw bad(
      `${what} ${quote(path)} is not absolute. Use a full path such as "/home/deploy/app.log".`,
    );
}

function validatePath(field: string, path: string): void {
  if (path.includes('\0') || path.length > MAX_PATH_LENGTH || path.length === 0)
    throw bad(`${field} must be a path of 1 to ${MAX_PATH_LENGTH} characters without NUL bytes.`);
  if (!isAbsoluteOnAnyPlatform(path))
    throw bad(`${field} must be an absolute path (got ${quote(path, 100)}).`);
}

export function validateTags(field: string, tags: readonly string[] | null | undefined): void {
  if (!tags) return;
  if (tags.length > MAX_TAGS)
    throw bad(`${field} holds at most ${MAX_TAGS} tags (got ${tags.length}).`);
  for (const tag of tags) if (!isValidTag(tag)) throw bad(`${field}: ${invalidTagMessage(tag)}`);
}

export function validateFilter(filter: ClientFilter): void {
  const text = (field: string, value: string | null | undefined, max: number): void => {
    if (value !== null && value !== undefined && value.length > max)
      throw bad(`filter.${field} is at most ${max} characters (got ${value.length}).`);
  };
  text('query', filter.query, MAX_QUERY_CHARS);
  text('purpose', filter.purpose, MAX_PURPOSE_CHARS);
  for (const [field, list] of [
    ['tags', filter.tags],
    ['capabilities', filter.capabilities],
  ] as const) {
    if (list && list.length > MAX_TAGS)
      throw bad(`filter.${field} holds at most ${MAX_TAGS} names.`);
    for (const name of list ?? []) text(field, name, MAX_CAPABILITY_CHARS);
  }
}

/** A bulk operation must say what it targets: an empty filter would mean the whole fleet. */
export function validateBulkFilter(filter: ClientFilter): void {
  validateFilter(filter);
  const given =
    Boolean(filter.query) ||
    Boolean(filter.purpose) ||
    (filter.tags?.length ?? 0) > 0 ||
    (filter.capabilities?.length ?? 0) > 0 ||
    filter.onlineOnly === true ||
    filter.keyMismatch === true;
  if (!given) {
    throw bad(
      'A bulk operation needs at least one condition in its filter (query, purpose, tags, capabilities, onlineOnly: true or keyMismatch: true); to target the whole fleet, say onlineOnly: true or use a tag every client carries.',
    );
  }
}

export interface MetadataInput {
  displayName?: string | null | undefined;
  purpose?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
  allowedPaths?: readonly string[] | null | undefined;
}

/** BAD_USER_INPUT unless at least one field of an operator change is given. */
export function assertSomethingToChange(
  ref: string,
  input: object,
  fields: { name: string; mcp: string }[],
  operation: OperationName,
): void {
  const given = fields.some(({ name }) => {
    const value = (input as Record<string, unknown>)[name];
    // A null tag list changes nothing (tags are replaced by a list, not cleared by null).
    return value !== undefined && !(name === 'tags' && value === null);
  });
  if (!given) {
    const step = nextStep(operation);
    throw bad(
      `Nothing to change for ${quote(ref)}: give at least one of ${named(step)}.`,
      undefined,
      [step],
    );
  }
}

export function validateMetadata(input: MetadataInput): void {
  if (
    input.displayName !== undefined &&
    input.displayName !== null &&
    (input.displayName.trim() === '' || input.displayName.length > MAX_DISPLAY_NAME_CHARS)
  ) {
    throw bad(`displayName must be 1 to ${MAX_DISPLAY_NAME_CHARS} characters (null clears it).`);
  }
  if (
    input.purpose !== undefined &&
    input.purpose !== null &&
    input.purpose.length > MAX_PURPOSE_CHARS
  )
    throw bad(`purpose is at most ${MAX_PURPOSE_CHARS} characters.`);
  validateTags('tags', input.tags);
  if (input.allowedPaths && input.allowedPaths.length > MAX_ALLOWED_PATHS)
    throw bad(`allowedPaths holds at most ${MAX_ALLOWED_PATHS} directories.`);
  for (const path of input.allowedPaths ?? []) validatePath('allowedPaths entries', path);
}

export interface SettingsInput {
  webhookUrl?: string | null | undefined;
  webhookSecret?: string | null | undefined;
  rateLimitRpm?: number | null | undefined;
  rateLimitConcurrent?: number | null | undefined;
  rateLimitMode?: string | null | undefined;
  /** Percent (0–100); null restores the server default. */
  cpuThreshold?: number | null | undefined;
  memoryThreshold?: number | null | undefined;
  diskThreshold?: number | null | undefined;
  /** Whether crossing a threshold makes the client unhealthy; null: the server default. */
  resourceChecks?: boolean | null | undefined;
  /** Port-forward rules (host:port, see src/protocol/forward-target.ts); null or [] = none. */
  forwardTargets?: readonly string[] | null | undefined;
}

/** Checks the settings and returns the webhook URL and secret normalised ("" and null clear them). */
export function validateSettings(input: SettingsInput): {
  webhookUrl: string | null | undefined;
  webhookSecret: string | null | undefined;
  forwardTargets: string[] | null | undefined;
} {
  let webhookUrl: string | null | undefined = input.webhookUrl;
  if (typeof webhookUrl === 'string') {
    if (webhookUrl.trim() === '') webhookUrl = null;
    else webhookUrl = validateWebhookUrl(webhookUrl.trim());
  }
  const whole = (field: string, value: number | null | undefined, max: number): void => {
    if (value === null || value === undefined) return;
    if (!Number.isInteger(value) || value < 1 || value > max)
      throw bad(
        `${field} must be a whole number from 1 to ${max.toLocaleString('en-US')} (got ${value}); null restores the server default.`,
      );
  };
  whole('rateLimitRpm', input.rateLimitRpm, MAX_RATE_LIMIT_RPM);
  whole('rateLimitConcurrent', input.rateLimitConcurrent, MAX_RATE_LIMIT_CONCURRENT);
  if (
    input.rateLimitMode !== null &&
    input.rateLimitMode !== undefined &&
    !(Object.values(RateLimitMode) as string[]).includes(input.rateLimitMode)
  ) {
    throw bad(
      `rateLimitMode must be WARN, ENFORCE or OFF (got ${quote(String(input.rateLimitMode))}).`,
    );
  }
  for (const field of ['cpuThreshold', 'memoryThreshold', 'diskThreshold'] as const) {
    const value = input[field];
    if (value === null || value === undefined) continue;
    if (!Number.isFinite(value) || value < 0 || value > 100)
      throw bad(
        `${field} must be a percentage from 0 to 100 (got ${value}); null restores the server default.`,
      );
  }
  const webhookSecret = input.webhookSecret === '' ? null : input.webhookSecret;
  const problem = typeof webhookSecret === 'string' ? secretProblem(webhookSecret) : null;
  if (problem !== null)
    throw bad(
      `webhookSecret ${problem}: give whsec_<base64 of 16+ bytes> or a plain string of 16+ bytes, or "" to clear it.`,
    );
  return {
    webhookUrl,
    webhookSecret,
    forwardTargets: validateForwardTargets(input.forwardTargets),
  };
}

/** The rules normalised and deduplicated (null for none), or BAD_INPUT naming the bad entry. */
export function validateForwardTargets(
  texts: readonly string[] | null | undefined,
): string[] | null | undefined {
  if (texts === undefined || texts === null) return texts;
  const rules = parseForwardRules(texts);
  if ('problem' in rules)
    throw bad(
      `forwardTargets: ${rules.problem}; give host:port rules, or [] to allow no forwards.`,
    );
  const normalised = [...new Set(rules.map((rule) => rule.text))];
  return normalised.length > 0 ? normalised : null;
}

export function asRateLimitMode(value: string | null | undefined): RateLimitModeName | null {
  return value === null || value === undefined ? null : (value as RateLimitModeName);
}

function validateWebhookUrl(raw: string): string {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    throw bad(`webhookUrl is at most ${MAX_WEBHOOK_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw bad(
      `webhookUrl ${quote(raw, 100)} is not a URL; give an http(s) URL, or "" to clear it.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw bad(`webhookUrl must use http or https (got ${url.protocol}).`);
  if (url.username || url.password)
    throw bad('webhookUrl must not carry credentials; receivers verify the signature instead.');
  return url.toString();
}

export interface TokenInput {
  name?: string | null | undefined;
  displayName?: string | null | undefined;
  purpose?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
  /** How many enrollments it admits; null = unlimited. Default 1. */
  maxUses?: number | null | undefined;
  /** Lifetime in seconds; null = never expires. Default 24 h. */
  expiresInSeconds?: number | null | undefined;
}

export function validateTokenInput(input: TokenInput): void {
  if (
    input.maxUses !== null &&
    input.maxUses !== undefined &&
    (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > MAX_TOKEN_USES)
  ) {
    throw bad('maxUses must be from 1 to 1,000,000, or null for unlimited.');
  }
  if (
    input.expiresInSeconds !== null &&
    input.expiresInSeconds !== undefined &&
    (!Number.isInteger(input.expiresInSeconds) ||
      input.expiresInSeconds < MIN_TOKEN_LIFETIME_S ||
      input.expiresInSeconds > MAX_TOKEN_LIFETIME_S)
  ) {
    throw bad('expiresInSeconds must be from 60 to 31,622,400 (366 days), or null for no expiry.');
  }
  validateTags('tags', input.tags);
  if (
    (input.name?.length ?? 0) > MAX_DISPLAY_NAME_CHARS ||
    (input.displayName?.length ?? 0) > MAX_DISPLAY_NAME_CHARS ||
    (input.purpose?.length ?? 0) > MAX_PURPOSE_CHARS
  ) {
    throw bad('name and displayName are at most 256 characters, purpose at most 1024.');
  }
}
