// API keys as principals: create (the secret shown once), list, revoke, and authenticate a
// presented secret. A secret is "etpk_" + the key's id (16 hex digits) + "_" + 32 random bytes
// (base64url); only its SHA-256 is stored, and a presented secret is looked up by the id it
// carries, then compared in constant time. The bootstrap key (first start, or
// ETPHONEHOME_API_KEY) is an unscoped ADMIN that is not in the table and cannot be revoked.
//
// Each request authenticates; records are cached for CACHE_MS (a revocation on this server
// clears its entry at once; another server's is seen within CACHE_MS, and the holdings sweep
// ends what the key holds open). lastUsedAt is written in batches every TOUCH_INTERVAL_MS.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import { createKeyCheck } from '../lib/api-key.js';
import { quote } from '../lib/quote.js';
import type { ApiKeyRecord, Store } from '../store/index.js';
import { actorOf, type Audit } from './audit.js';
import type { Caller } from './caller.js';
import { FleetEventType } from './event-types.js';
import type { Holdings } from './holdings.js';
import {
  BOOTSTRAP_KEY_ID,
  bootstrapPrincipal,
  isRoleName,
  Role,
  roleAllows,
  roleNames,
  scopeWithin,
  type Principal,
  type RoleName,
  type Scope,
} from './principal.js';
import { bad, validateTags } from './validation.js';

export const API_KEY_PREFIX = 'etpk_';
const KEY_PATTERN = /^etpk_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$/;
const CACHE_MS = 1000;
const TOUCH_INTERVAL_MS = 5000;
/** Ten years: the longest a key may be made to last. */
const MAX_LIFETIME_S = 10 * 365 * 24 * 3600;

export interface CreateApiKeyInput {
  name: string;
  role: string;
  /** Clients the key reaches: all of `tags`, and (when given) one of `clientIds`. */
  scope?: { tags?: readonly string[] | null; clientIds?: readonly string[] | null } | null;
  /** null or absent: never expires. */
  expiresInSeconds?: number | null | undefined;
  /** The key may only run trusted documents (ETPHONEHOME_TRUSTED_DOCUMENTS). */
  trustedDocumentsOnly?: boolean | null | undefined;
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: RoleName;
  scope: Scope | null;
  trustedDocumentsOnly: boolean;
  createdAt: Date;
  createdBy: string | null;
  createdByKeyId: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface CreatedApiKey {
  apiKey: ApiKeyView;
  /** Shown once; only its hash is kept. */
  secret: string;
}

function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function scopeOf(row: ApiKeyRecord): Scope | null {
  if (row.scopeTags === null && row.scopeClients === null) return null;
  return { tags: row.scopeTags ?? [], clientUuids: row.scopeClients };
}

export function apiKeyView(row: ApiKeyRecord): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: isRoleName(row.role) ? row.role : Role.viewer,
    scope: scopeOf(row),
    trustedDocumentsOnly: row.trustedDocumentsOnly,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    createdByKeyId: row.createdByKeyId,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}

function principalOf(row: ApiKeyRecord): Principal {
  const view = apiKeyView(row);
  return {
    keyId: view.id,
    name: view.name,
    role: view.role,
    scope: view.scope,
    trustedDocumentsOnly: view.trustedDocumentsOnly,
    expiresAt: view.expiresAt,
  };
}

function unauthenticated(message: string): AppError {
  return new AppError(ErrorCode.unauthenticated, message);
}

export interface KeysDeps {
  store: Store;
  logger: Logger;
  holdings: Holdings;
  /** The bootstrap admin key's secret; absent: no bootstrap key (tests of the raw fleet). */
  bootstrapKey?: string | undefined;
  /** Resolves a client name to its uuid (NOT_FOUND otherwise), as the caller sees clients. */
  resolveClient: (ref: string, caller: Caller) => Promise<string>;
  /** Records api_key.created / api_key.revoked in the audit trail (absent: not recorded). */
  audit?: Audit | undefined;
}

/** What the trail keeps of a key: never its secret or its hash. */
function keyEventData(row: ApiKeyRecord): Record<string, unknown> {
  return {
    key_id: row.id,
    name: row.name,
    role: row.role,
    scope_tags: row.scopeTags,
    scope_clients: row.scopeClients,
    expires_at: row.expiresAt?.toISOString() ?? null,
    trusted_documents_only: row.trustedDocumentsOnly,
  };
}

export function createKeys(deps: KeysDeps) {
  const { store, holdings } = deps;
  const bootstrapMatches = deps.bootstrapKey ? createKeyCheck(deps.bootstrapKey) : null;
  const cache = new Map<string, { row: ApiKeyRecord; atMs: number }>();
  const used = new Set<string>();
  const touchTimer = setInterval(() => void flushTouches(), TOUCH_INTERVAL_MS);
  touchTimer.unref();

  async function flushTouches(): Promise<void> {
    if (used.size === 0) return;
    const ids = [...used];
    used.clear();
    await store.apiKeys.touch(ids, new Date()).catch((error: unknown) => {
      deps.logger.warn({ err: error }, 'could not record when API keys were last used');
    });
  }

  async function lookup(id: string): Promise<ApiKeyRecord | null> {
    const cached = cache.get(id);
    if (cached && Date.now() - cached.atMs < CACHE_MS) return cached.row;
    const row = await store.apiKeys.get(id);
    if (row) cache.set(id, { row, atMs: Date.now() });
    else cache.delete(id);
    return row;
  }

  /** The principal a presented secret stands for; UNAUTHENTICATED (saying why) otherwise. */
  async function authenticate(presented: string): Promise<Principal> {
    if (bootstrapMatches?.(presented)) return bootstrapPrincipal;
    const match = KEY_PATTERN.exec(presented);
    if (!match) {
      throw unauthenticated(
        presented.startsWith(API_KEY_PREFIX)
          ? 'The API key is malformed (an API key is etpk_, 16 hex digits, _ and 43 characters). Copy it again from the output of keys create.'
          : 'The API key is not valid. Use a key from etphonehome keys create, or the bootstrap key in <data-dir>/api_key or ETPHONEHOME_API_KEY.',
      );
    }
    const row = await lookup(match[1]!);
    const expected = row ? Buffer.from(row.secretHash, 'hex') : hashSecret('');
    const actual = hashSecret(presented);
    if (!row || expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw unauthenticated(
        'The API key is not valid (unknown key). Use a key from etphonehome keys create, or the bootstrap key in <data-dir>/api_key.',
      );
    }
    if (row.revokedAt) {
      throw unauthenticated(
        `The API key ${quote(row.name)} (${row.id}) was revoked at ${row.revokedAt.toISOString()}. Ask an admin for a new key (etphonehome keys create).`,
      );
    }
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
      throw unauthenticated(
        `The API key ${quote(row.name)} (${row.id}) expired at ${row.expiresAt.toISOString()}. Ask an admin for a new key (etphonehome keys create).`,
      );
    }
    used.add(row.id);
    return principalOf(row);
  }

  async function validScope(
    input: CreateApiKeyInput['scope'],
    caller: Caller,
  ): Promise<Scope | null> {
    if (input === null || input === undefined) return null;
    const tags = input.tags ?? [];
    validateTags('scope.tags', tags);
    const refs = input.clientIds ?? null;
    if (refs && refs.length > 1000) throw bad('scope.clientIds names at most 1,000 clients.');
    if (refs && refs.length === 0)
      throw bad('scope.clientIds is empty: name at least one client, or leave it out.');
    if (tags.length === 0 && !refs)
      throw bad('A scope needs tags or clientIds; leave scope out for a key over the whole fleet.');
    const clientUuids = refs
      ? [...new Set(await Promise.all(refs.map((ref) => deps.resolveClient(ref, caller))))]
      : null;
    return { tags: [...new Set(tags)].sort(), clientUuids };
  }

  return {
    authenticate,

    async create(input: CreateApiKeyInput, caller: Caller): Promise<CreatedApiKey> {
      const name = input.name.trim();
      if (name.length === 0 || name.length > 128 || [...name].some((ch) => ch.charCodeAt(0) < 32))
        throw bad(`name must be 1 to 128 printable characters (got ${quote(input.name, 40)}).`);
      if (!isRoleName(input.role)) {
        throw bad(
          `Unknown role ${quote(input.role, 40)}. Roles: ${roleNames.join(', ')} (docs/access.md).`,
        );
      }
      const lifetime = input.expiresInSeconds ?? null;
      if (
        lifetime !== null &&
        (!Number.isInteger(lifetime) || lifetime < 1 || lifetime > MAX_LIFETIME_S)
      )
        throw bad(
          `expiresInSeconds must be a whole number from 1 to ${MAX_LIFETIME_S} (got ${lifetime}).`,
        );
      const scope = await validScope(input.scope, caller);
      const creator = caller.principal;
      if (creator) {
        if (!roleAllows(creator.role, input.role)) {
          throw new AppError(
            ErrorCode.forbidden,
            `The API key ${quote(creator.name)} is ${creator.role}: it cannot create a ${input.role} key (a key mints keys of its own role or lower).`,
          );
        }
        if (!scopeWithin(scope, creator.scope)) {
          throw new AppError(
            ErrorCode.forbidden,
            `The API key ${quote(creator.name)} is scoped (tags: ${creator.scope?.tags.join(', ') || 'none'}${creator.scope?.clientUuids ? `; ${creator.scope.clientUuids.length} clients` : ''}): a key it creates needs a scope inside its own (every one of its tags, and only its clients).`,
          );
        }
      }
      const id = randomBytes(8).toString('hex');
      const secret = `${API_KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
      const now = new Date();
      const row: ApiKeyRecord = {
        id,
        secretHash: hashSecret(secret).toString('hex'),
        name,
        role: input.role,
        scopeTags: scope ? [...scope.tags] : null,
        scopeClients: scope?.clientUuids ? [...scope.clientUuids] : null,
        trustedDocumentsOnly: input.trustedDocumentsOnly === true,
        createdAt: now,
        createdBy: creator ? `${creator.name} (${caller.actor})` : caller.actor,
        createdByKeyId: creator?.keyId ?? null,
        expiresAt: lifetime === null ? null : new Date(now.getTime() + lifetime * 1000),
        revokedAt: null,
        lastUsedAt: null,
      };
      await store.apiKeys.insert(row);
      deps.logger.info({ keyId: id, name, role: input.role, by: row.createdBy }, 'API key created');
      await deps.audit?.record(
        FleetEventType.apiKeyCreated,
        '',
        keyEventData(row),
        actorOf(caller),
      );
      return { apiKey: apiKeyView(row), secret };
    },

    /** Every key for an unscoped admin; otherwise the caller's own key and those it created. */
    async list(caller: Caller): Promise<ApiKeyView[]> {
      const rows = await store.apiKeys.list();
      const who = caller.principal;
      const visible =
        !who || (who.role === Role.admin && who.scope === null)
          ? rows
          : rows.filter((row) => row.id === who.keyId || row.createdByKeyId === who.keyId);
      return visible.map(apiKeyView);
    },

    /** Revokes a key and ends what it holds open; already revoked: unchanged. */
    async revoke(id: string, caller: Caller): Promise<ApiKeyView> {
      if (id === BOOTSTRAP_KEY_ID) {
        throw bad(
          'The bootstrap key cannot be revoked: change it by replacing <data-dir>/api_key (or ETPHONEHOME_API_KEY) and restarting the server.',
        );
      }
      const who = caller.principal;
      const existing = /^[0-9a-f]{16}$/.test(id) ? await store.apiKeys.get(id) : null;
      const mayRevoke =
        existing &&
        (!who ||
          (who.role === Role.admin && who.scope === null) ||
          existing.id === who.keyId ||
          existing.createdByKeyId === who.keyId);
      if (!existing || !mayRevoke) {
        throw new AppError(
          ErrorCode.notFound,
          `No API key has id ${quote(id, 40)}. Call apiKeys (CLI: etphonehome keys list) to see the keys.`,
        );
      }
      const row = (await store.apiKeys.revoke(id, new Date())) ?? existing;
      cache.delete(id);
      holdings.endAll(id, `API key "${row.name}" was revoked`);
      // Recorded once: revoking a revoked key changes nothing.
      if (existing.revokedAt === null)
        await deps.audit?.record(
          FleetEventType.apiKeyRevoked,
          '',
          { ...keyEventData(row), revoked_at: row.revokedAt?.toISOString() ?? null },
          actorOf(caller),
        );
      deps.logger.info(
        { keyId: id, by: caller.principal?.name ?? caller.actor },
        'API key revoked',
      );
      return apiKeyView(row);
    },

    /** Registers something a key holds open (ends when the key is revoked or expires). */
    hold: holdings.hold,

    async stop(): Promise<void> {
      clearInterval(touchTimer);
      holdings.stop();
      await flushTouches();
    },
  };
}

export type Keys = ReturnType<typeof createKeys>;
