// Who a request acts as: an API key with a name, a role and an optional scope (DESIGN.md "Who
// may do what"). Roles are ordered (VIEWER < OPERATOR < ADMIN); a scope is a client selector
// (every tag given must be carried, and when clients are listed, the client is one of them).
// A client outside a key's scope does not exist for that key.

import { screamingEnum, type ValueOf } from '../lib/screaming-enum.js';

export const Role = screamingEnum('viewer', 'operator', 'admin');

export type RoleName = ValueOf<typeof Role>;

export const roleNames: readonly RoleName[] = [Role.viewer, Role.operator, Role.admin];

const rank: Record<RoleName, number> = { VIEWER: 0, OPERATOR: 1, ADMIN: 2 };

export function isRoleName(value: string): value is RoleName {
  return (roleNames as readonly string[]).includes(value);
}

/** Whether `role` may do what `needed` allows. */
export function roleAllows(role: RoleName, needed: RoleName): boolean {
  return rank[role] >= rank[needed];
}

/** The clients a key reaches: all of `tags` carried and, when `clientUuids` is set, one of them. */
export interface Scope {
  tags: readonly string[];
  clientUuids: readonly string[] | null;
}

export interface Principal {
  /** The key's id ("bootstrap" for the key made at first start or ETPHONEHOME_API_KEY). */
  keyId: string;
  name: string;
  role: RoleName;
  /** null: the whole fleet. */
  scope: Scope | null;
  /** Only the GraphQL operations the project ships, or an admin registered, are admitted. */
  trustedDocumentsOnly: boolean;
  expiresAt: Date | null;
}

export const BOOTSTRAP_KEY_ID = 'bootstrap';

/** The key made at first start (or ETPHONEHOME_API_KEY): an unscoped admin. */
export const bootstrapPrincipal: Principal = Object.freeze({
  keyId: BOOTSTRAP_KEY_ID,
  name: 'bootstrap',
  role: Role.admin,
  scope: null,
  trustedDocumentsOnly: false,
  expiresAt: null,
});

/** Whether a client (its uuid and current tags) is inside `scope` (null: everything is). */
export function inScope(
  scope: Scope | null,
  client: { uuid: string; tags: readonly string[] },
): boolean {
  if (!scope) return true;
  if (scope.clientUuids && !scope.clientUuids.includes(client.uuid)) return false;
  return scope.tags.every((tag) => client.tags.includes(tag));
}

/** Whether every client `inner` reaches is reached by `outer` (so a key may mint `inner`). */
export function scopeWithin(inner: Scope | null, outer: Scope | null): boolean {
  if (!outer) return true;
  if (!inner) return false;
  if (!outer.tags.every((tag) => inner.tags.includes(tag))) return false;
  if (!outer.clientUuids) return true;
  return (
    inner.clientUuids !== null && inner.clientUuids.every((u) => outer.clientUuids!.includes(u))
  );
}
