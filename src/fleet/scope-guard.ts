// What the guard (./guard.ts) builds on: a client named within a key's scope (NOT_FOUND outside
// it, never FORBIDDEN), a group whose every method checks the role first, and a live stream
// with only what a scope may see.

import { AppError, ErrorCode } from '../errors.js';
import { createAsyncQueue } from '../lib/async-queue.js';
import { quote } from '../lib/quote.js';
import type { ClientRecord, Store } from '../store/index.js';
import { requireRole, type FleetOperation } from './access.js';
import { inScope, type Principal, type Scope } from './principal.js';

/** How many candidates an ambiguous name lists (as the registry does). */
const MAX_CANDIDATES = 10;

function notFound(ref: string): AppError {
  return new AppError(
    ErrorCode.notFound,
    `No client matches ${quote(ref.trim())} (tried uuid, clientId and display name). Call list_clients / query clients to see the fleet.`,
  );
}

/** A client named by uuid, clientId or display name, among those in `scope`; NOT_FOUND else. */
export async function resolveInScope(
  store: Store,
  scope: Scope,
  ref: string,
): Promise<ClientRecord> {
  const needle = ref.trim();
  if (needle === '')
    throw new AppError(
      ErrorCode.badUserInput,
      'A client id is required (uuid, clientId or display name).',
    );
  const fits = (row: ClientRecord | null): row is ClientRecord =>
    row !== null && inScope(scope, row);
  const byUuid = /^[0-9a-f-]{36}$/i.test(needle)
    ? await store.clients.get(needle.toLowerCase())
    : null;
  if (fits(byUuid)) return byUuid;
  const byClientId = await store.clients.getByClientId(needle);
  if (fits(byClientId)) return byClientId;
  const candidates = (await store.clients.findByName(needle, 1000)).filter(fits);
  if (candidates.length === 1) return candidates[0]!;
  if (candidates.length > 1) {
    const names = candidates
      .slice(0, MAX_CANDIDATES)
      .map((c) => `${c.clientId} (${c.uuid}${c.displayName ? `, "${c.displayName}"` : ''})`)
      .join('; ');
    throw new AppError(
      ErrorCode.ambiguousClient,
      `${quote(needle)} matches more than one client: ${names}. Use the uuid or clientId instead.`,
      { candidates: candidates.map((c) => c.uuid) },
    );
  }
  throw notFound(needle);
}

/** Wraps every method of a group with the role check of `group.method`. */
export function checked<T extends object>(group: T, name: string, principal: Principal): T {
  const out: Record<string, unknown> = {};
  for (const [method, fn] of Object.entries(group)) {
    const operation = `${name}.${method}` as FleetOperation;
    out[method] = (...args: unknown[]) => {
      requireRole(principal, operation);
      return (fn as (...a: unknown[]) => unknown)(...args);
    };
  }
  return out as T;
}

/** An iterator of `source` with only the items `keep` accepts. */
export function filtered<T>(
  source: AsyncIterableIterator<T>,
  keep: (item: T) => Promise<boolean>,
): AsyncIterableIterator<T> {
  const out = createAsyncQueue<T>({ maxBuffered: 1000, onClose: () => void source.return?.() });
  void (async () => {
    try {
      for await (const item of source) if (await keep(item)) out.push(item);
      out.end();
    } catch (error) {
      out.end(error as Error);
    }
  })();
  return out;
}
