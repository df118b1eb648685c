// Enrollment tokens: create, list, revoke, and check or consume one at admission. The token is
// "etph_" + 32 random bytes (base64url); only its SHA-256 is stored, with a short prefix so
// operators can tell tokens apart. Presets (display name, purpose, tags) become the initial
// metadata of the client that enrolls with it.

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sqlite';
import { AppError, ErrorCode } from '../errors.js';
import { EnrollmentTokenEntity, type EnrollmentToken } from '../store/entities/index.js';
import { quote } from '../lib/quote.js';

export const TOKEN_PREFIX = 'etph_';

export interface CreateTokenInput {
  name?: string | null | undefined;
  displayName?: string | null | undefined;
  purpose?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
  /** How many enrollments it admits; null = unlimited. Default 1. */
  maxUses?: number | null | undefined;
  /** Lifetime in seconds; null = never expires. Default 24 h. */
  expiresInSeconds?: number | null | undefined;
}

export interface TokenView {
  id: string;
  prefix: string;
  name: string | null;
  displayName: string | null;
  purpose: string | null;
  tags: string[];
  maxUses: number | null;
  uses: number;
  expiresAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  active: boolean;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toTokenView(row: EnrollmentToken, now = new Date()): TokenView {
  return {
    id: row.id,
    prefix: row.prefix,
    name: row.name ?? null,
    displayName: row.displayName ?? null,
    purpose: row.purpose ?? null,
    tags: row.tags,
    maxUses: row.maxUses ?? null,
    uses: row.uses,
    expiresAt: row.expiresAt ?? null,
    createdAt: row.createdAt,
    createdBy: row.createdBy ?? null,
    revokedAt: row.revokedAt ?? null,
    lastUsedAt: row.lastUsedAt ?? null,
    active: inactiveReason(row, now) === null,
  };
}

/** Why a token can no longer admit anyone; null when it can. */
export function inactiveReason(row: EnrollmentToken, now = new Date()): string | null {
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (row.maxUses !== null && row.maxUses !== undefined && row.uses >= row.maxUses)
    return 'used up';
  return null;
}

export async function createToken(
  em: EntityManager,
  input: CreateTokenInput,
  actor: string,
): Promise<{ token: string; view: TokenView }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresIn = input.expiresInSeconds === undefined ? 24 * 3600 : input.expiresInSeconds;
  const row = em.create(EnrollmentTokenEntity, {
    id: randomUUID(),
    tokenHash: hashToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    name: input.name ?? null,
    displayName: input.displayName ?? null,
    purpose: input.purpose ?? null,
    tags: [...new Set(input.tags ?? [])],
    maxUses: input.maxUses === undefined ? 1 : input.maxUses,
    uses: 0,
    expiresAt: expiresIn === null ? null : new Date(now.getTime() + expiresIn * 1000),
    createdAt: now,
    createdBy: actor,
  });
  await em.flush();
  return { token, view: toTokenView(row, now) };
}

export async function listTokens(
  em: EntityManager,
  includeInactive: boolean,
): Promise<TokenView[]> {
  const rows = await em.find(EnrollmentTokenEntity, {}, { orderBy: { createdAt: 'desc' } });
  const now = new Date();
  return rows.map((row) => toTokenView(row, now)).filter((view) => includeInactive || view.active);
}

export async function revokeToken(em: EntityManager, idOrPrefix: string): Promise<TokenView> {
  const rows = await em.find(EnrollmentTokenEntity, {
    $or: [{ id: idOrPrefix }, { prefix: idOrPrefix }],
  });
  if (rows.length === 0) {
    throw new AppError(
      ErrorCode.notFound,
      `No enrollment token has id or prefix ${quote(idOrPrefix)}. List them with enrollmentTokens (CLI: etphonehome token list).`,
    );
  }
  if (rows.length > 1) {
    throw new AppError(
      ErrorCode.badUserInput,
      `Prefix ${quote(idOrPrefix)} matches several tokens; use the id.`,
    );
  }
  const row = rows[0] as EnrollmentToken;
  row.revokedAt ??= new Date();
  await em.flush();
  return toTokenView(row);
}

/** The token row if `token` can admit a new client now, else the reason it cannot. */
export async function findUsableToken(
  em: EntityManager,
  token: string,
): Promise<{ row: EnrollmentToken } | { reason: string }> {
  const row = await em.findOne(EnrollmentTokenEntity, { tokenHash: hashToken(token) });
  if (!row) return { reason: 'unknown enrollment token' };
  const reason = inactiveReason(row);
  return reason ? { reason: `enrollment token ${row.prefix}… is ${reason}` } : { row };
}
