// Confirmations bound to the exact arguments (issue 15, "guardrails for AI operators"): a
// fleet-wide or destructive call a door wants confirmed first gets a token instead of running;
// only the same call with that token, within its lifetime, goes ahead — once.
//
//   token = "ctk1." base64url({a: action, k: key id, e: expiry ms, n: nonce}) "." HMAC
//   HMAC  = HMAC-SHA256(cluster secret "confirmation_secret",
//                       canonical {action, arguments without the token, key id, expiry, nonce})
//
// The secret is kept in `cluster_secret` (created by the first server that asks), so a token
// made by one server is honoured by every server on the same database. Single use is a row in
// the idempotency table under a key no caller can spell ("confirmation#<nonce>", `#` is outside
// IDEMPOTENCY_KEY_PATTERN), claimed atomically: two servers racing on one token admit one.
// Which calls need a confirmation is the door's decision (src/mcp/confirmation.ts); this
// module only makes and checks tokens. A repeat of a keyed request (an idempotency key already
// held) needs none: it can only read the first outcome or be refused as CONFLICT.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError, ErrorCode } from '../errors.js';
import { quote } from '../lib/quote.js';
import { IdempotencyState, type Store } from '../store/index.js';
import type { Caller } from './caller.js';
import { canonical } from './idempotency.js';
import { DEFAULT_CONFIRMATION_TTL_S, MAX_CONFIRMATION_TOKEN_CHARS } from './limits.js';
import { bad } from './validation.js';

/** What a door asks: may this call run now? */
export interface ConfirmInput {
  /** The door's name for the call (an MCP tool name: "run_bulk_command"). */
  action: string;
  /** The call's arguments as the door understood them, without the token. */
  arguments: Record<string, unknown>;
  /** The token from an earlier answer; absent: ask for one. */
  token?: string | null | undefined;
  /** The call's idempotency key, when it has one: a key already held makes it a repeat. */
  idempotencyKey?: string | null | undefined;
}

/** The answer: go ahead (a valid token, or a repeat), or a token to confirm with. */
export type Confirmation =
  { confirmed: true; repeat: boolean } | { confirmed: false; token: string; expiresAt: Date };

export interface ConfirmationsOptions {
  store: Store;
  /** A token's lifetime in seconds (ETPHONEHOME_CONFIRMATION_TTL_S; default 300). */
  ttlS?: number | undefined;
  now?: () => Date;
}

const TOKEN_PREFIX = 'ctk1';
const SECRET_NAME = 'confirmation_secret';
const USED_PREFIX = 'confirmation#';

interface TokenClaims {
  a: string;
  k: string;
  e: number;
  n: string;
}

/** CONFIRMATION_INVALID with a reason the caller can act on. */
function invalid(reason: string, message: string): AppError {
  return new AppError(ErrorCode.confirmationInvalid, message, { reason });
}

function parse(token: string): { claims: TokenClaims; mac: Buffer } {
  const parts = token.split('.');
  const malformed = () =>
    invalid(
      'malformed',
      'confirmation_token is not a token this server issued. Call again without it to get a plan and a new token.',
    );
  if (parts.length !== 3 || parts[0] !== TOKEN_PREFIX) throw malformed();
  let claims: TokenClaims;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as TokenClaims;
  } catch {
    throw malformed();
  }
  if (
    typeof claims !== 'object' ||
    claims === null ||
    typeof claims.a !== 'string' ||
    typeof claims.k !== 'string' ||
    typeof claims.e !== 'number' ||
    typeof claims.n !== 'string' ||
    !/^[0-9a-f]{32}$/.test(claims.n)
  )
    throw malformed();
  return { claims, mac: Buffer.from(parts[2]!, 'base64url') };
}

export function createConfirmations(options: ConfirmationsOptions) {
  const { store } = options;
  const ttlMs = (options.ttlS ?? DEFAULT_CONFIRMATION_TTL_S) * 1000;
  const now = options.now ?? (() => new Date());
  let secret: Promise<Buffer> | null = null;

  const secretOf = (): Promise<Buffer> => {
    secret ??= store.cluster
      .secret(SECRET_NAME, randomBytes(32).toString('base64url'), now())
      .then((value) => Buffer.from(value, 'utf8'));
    secret.catch(() => {
      secret = null;
    });
    return secret;
  };

  const macOf = async (claims: TokenClaims, args: Record<string, unknown>): Promise<Buffer> =>
    createHmac('sha256', await secretOf())
      .update(
        canonical({
          action: claims.a,
          arguments: args,
          key: claims.k,
          expires: claims.e,
          nonce: claims.n,
        }),
      )
      .digest();

  async function issue(input: ConfirmInput, keyId: string) {
    const claims: TokenClaims = {
      a: input.action,
      k: keyId,
      e: now().getTime() + ttlMs,
      n: randomBytes(16).toString('hex'),
    };
    const mac = await macOf(claims, input.arguments);
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return {
      confirmed: false as const,
      token: `${TOKEN_PREFIX}.${body}.${mac.toString('base64url')}`,
      expiresAt: new Date(claims.e),
    };
  }

  async function redeem(input: ConfirmInput, token: string, keyId: string, caller: Caller) {
    const { claims, mac } = parse(token);
    const again = 'Call again without confirmation_token to get a plan and a new token.';
    if (claims.a !== input.action)
      throw invalid(
        'other_action',
        `This confirmation_token was issued for ${quote(claims.a, 64)}, not ${quote(input.action, 64)}: a token confirms one call only. ${again}`,
      );
    if (claims.k !== keyId)
      throw invalid(
        'other_key',
        `This confirmation_token was issued to another API key: a token confirms calls of the key that asked for it only. ${again}`,
      );
    const expected = await macOf(claims, input.arguments);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
      throw invalid(
        'other_arguments',
        `This confirmation_token was issued for other arguments of ${quote(input.action, 64)}: the confirmed call must repeat the planned one exactly (every parameter the same), adding only confirmation_token. ${again}`,
      );
    const at = now();
    if (claims.e <= at.getTime())
      throw invalid(
        'expired',
        `This confirmation_token expired at ${new Date(claims.e).toISOString()} (tokens last ${Math.round(ttlMs / 1000)} s). ${again}`,
      );
    const holder = await store.idempotency.claim({
      key: `${USED_PREFIX}${claims.n}`,
      operation: 'confirmation',
      fingerprint: expected.toString('hex'),
      actor: caller.actor,
      server: null,
      state: IdempotencyState.done,
      outcome: null,
      createdAt: at,
      finishedAt: at,
      expiresAt: new Date(claims.e),
    });
    if (holder)
      throw invalid(
        'used',
        `This confirmation_token was already used (at ${holder.createdAt.toISOString()}): a token confirms one run. ${again}`,
      );
    return { confirmed: true as const, repeat: false };
  }

  return {
    /** Whether the call may run now; otherwise a token bound to it (nothing else happens). */
    async confirm(input: ConfirmInput, caller: Caller): Promise<Confirmation> {
      if (!input.action || input.action.length > 64)
        throw bad('action must be 1 to 64 characters: the name of the call to confirm.');
      const keyId = caller.principal?.keyId ?? 'server';
      if (input.token !== undefined && input.token !== null) {
        if (input.token.length > MAX_CONFIRMATION_TOKEN_CHARS)
          throw invalid(
            'malformed',
            'confirmation_token is too long to be a token this server issued. Call again without it to get a plan and a new token.',
          );
        return redeem(input, input.token, keyId, caller);
      }
      if (input.idempotencyKey) {
        const held = await store.idempotency.get(input.idempotencyKey);
        if (held && held.expiresAt.getTime() > now().getTime())
          return { confirmed: true, repeat: true };
      }
      return issue(input, keyId);
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;
