// Enrollment tokens: create, list, revoke, and check one at admission. The token is "etph_" +
// 32 random bytes (base64url); only its SHA-256 is stored, with a short prefix so operators can
// tell tokens apart. Presets (display name, purpose, tags) become the initial metadata of the
// client that enrolls with it. A use is counted when the agent attaches (store: one atomic
// conditional update).

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import { quote } from '../lib/quote.js';
import type { Store, TokenRecord } from '../store/index.js';
import type { Caller } from './caller.js';
import { DEFAULT_TOKEN_LIFETIME_S, DEFAULT_TOKEN_USES } from './limits.js';
import { assertNameFree } from './names.js';
import { bad, validateTokenInput, type TokenInput } from './validation.js';

export const TOKEN_PREFIX = 'etph_';

/** What a new enrollment token carries (validation.ts's TokenInput). */
export type CreateTokenInput = TokenInput;

/** A token as the doors show it: never its hash. */
export type TokenView = Omit<TokenRecord, 'tokenHash'> & { active: boolean };

/** A new token: the secret (shown once) and its view. */
export interface CreatedToken {
  token: string;
  view: TokenView;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Why a token can no longer admit anyone; null when it can. */
export function inactiveReason(row: TokenRecord, now = new Date()): string | null {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (row.maxUses !== null && row.uses >= row.maxUses) return 'used up';
  return null;
}

export function toTokenView(row: TokenRecord, now = new Date()): TokenView {
  const { tokenHash: _hash, ...rest } = row;
  return { ...rest, active: inactiveReason(row, now) === null };
}

/** The token row if `token` can admit a new client now, else the reason it cannot. */
export async function findUsableToken(
  store: Store,
  token: string,
): Promise<{ row: TokenRecord } | { reason: string }> {
  const row = await store.tokens.getByHash(hashToken(token));
  if (!row) return { reason: 'unknown enrollment token' };
  const reason = inactiveReason(row);
  return reason ? { reason: `enrollment token ${row.prefix}… is ${reason}` } : { row };
}

export function createTokens(store: Store) {
  return {
    async create(input: CreateTokenInput, caller: Caller): Promise<CreatedToken> {
      validateTokenInput(input);
      const maxUses = input.maxUses === undefined ? DEFAULT_TOKEN_USES : input.maxUses;
      const displayName = input.displayName?.trim() || null;
      if (displayName !== null) {
        // A display name leads to one client (./names.ts): a token may preset it for one.
        if (maxUses !== 1)
          throw bad(
            `displayName ${quote(displayName)} can name one client only, but this token admits ${maxUses === null ? 'any number of' : maxUses} clients. Give maxUses: 1, or leave displayName out and name each client after it enrolls (updateClient).`,
          );
        await assertNameFree(store.clients, displayName, '', 'Display name');
      }
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const now = new Date();
      const lifetimeS =
        input.expiresInSeconds === undefined ? DEFAULT_TOKEN_LIFETIME_S : input.expiresInSeconds;
      const row: TokenRecord = {
        id: randomUUID(),
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        name: input.name ?? null,
        displayName,
        purpose: input.purpose ?? null,
        tags: [...new Set(input.tags ?? [])],
        maxUses,
        uses: 0,
        expiresAt: lifetimeS === null ? null : new Date(now.getTime() + lifetimeS * 1000),
        createdAt: now,
        createdBy: caller.principal?.name ?? caller.actor,
        revokedAt: null,
        lastUsedAt: null,
      };
      await store.tokens.insert(row);
      return { token, view: toTokenView(row, now) };
    },

    async list(includeInactive: boolean): Promise<TokenView[]> {
      const now = new Date();
      return (await store.tokens.list())
        .map((row) => toTokenView(row, now))
        .filter((view) => includeInactive || view.active);
    },

    async revoke(idOrPrefix: string): Promise<TokenView> {
      const rows = await store.tokens.findByIdOrPrefix(idOrPrefix);
      if (rows.length === 0) {
        const list = nextStep(Operation.enrollmentTokens);
        throw new AppError(
          ErrorCode.notFound,
          `No enrollment token has id or prefix ${quote(idOrPrefix)}. List them with ${named(list)}.`,
          undefined,
          [list],
        );
      }
      if (rows.length > 1) {
        throw new AppError(
          ErrorCode.badUserInput,
          `Prefix ${quote(idOrPrefix)} matches several tokens; use the id.`,
        );
      }
      const revoked = await store.tokens.revoke((rows[0] as TokenRecord).id, new Date());
      if (!revoked)
        throw new AppError(ErrorCode.notFound, `Enrollment token ${quote(idOrPrefix)} is gone.`);
      return toTokenView(revoked);
    },
  };
}
