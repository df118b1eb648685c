// What the guard (./guard.ts) builds on: a client named within a key's scope (NOT_FOUND outside
// it, never FORBIDDEN), a group whose every method checks the role first, and a live stream
// with only what a scope may see.

import { createAsyncQueue } from '../lib/async-queue.js';
import type { ClientRecord, Store } from '../store/index.js';
import { requireRole, type FleetOperation } from './access.js';
import { resolveClientName } from './names.js';
import { inScope, type Principal, type Scope } from './principal.js';

/** A client named by uuid, clientId or display name, among those in `scope`; NOT_FOUND else. */
export function resolveInScope(store: Store, scope: Scope, ref: string): Promise<ClientRecord> {
  return resolveClientName(store.clients, ref, (row) => inScope(scope, row));
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
