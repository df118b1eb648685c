// API keys: the principals of the API (docs/access.md). A key has a role (VIEWER, OPERATOR,
// ADMIN) and optionally a scope (the clients it reaches); the fleet enforces both.

import {
  roleNames,
  type ApiKeyView,
  type CreatedApiKey,
  type Principal,
  type RoleName,
  type Scope,
} from '../../fleet/index.js';
import { builder } from '../builder.js';
import { isoTimeField, isoTimeOrNullField } from '../iso-time-fields.js';
import { idMutation } from '../id-mutation.js';

const roleDescriptions: Record<RoleName, string> = {
  VIEWER: 'Reads the fleet, events, metrics and subscriptions.',
  OPERATOR: 'Also runs commands, reads and writes files, transfers.',
  ADMIN:
    'Also metadata, settings, keys, enrollment tokens, acceptKey, decommissioning, webhook replays.',
};

export const ApiKeyRoleEnum = builder.enumType('ApiKeyRole', {
  description:
    'What a key may do: VIEWER reads the fleet, events, metrics and subscriptions; OPERATOR also runs commands, files and transfers; ADMIN also changes metadata, settings, keys, tokens and trust.',
  values: Object.fromEntries(
    roleNames.map((role) => [role, { value: role, description: roleDescriptions[role] }]),
  ),
});

const ApiKeyScopeRef = builder.objectRef<Scope>('ApiKeyScope');
ApiKeyScopeRef.implement({
  description:
    'The clients a key reaches: those carrying every tag listed and, when clients are listed, one of them. Outside it a client does not exist for the key.',
  fields: (t) => ({
    tags: t.stringList({
      description: 'Tags a client must all carry.',
      resolve: (s) => [...s.tags],
    }),
    clientIds: t.idList({
      nullable: true,
      description: 'Uuids of the clients the key is limited to; null when not limited by list.',
      resolve: (s) => (s.clientUuids ? [...s.clientUuids] : null),
    }),
  }),
});

export const ApiKeyRef = builder.objectRef<ApiKeyView>('ApiKey');
ApiKeyRef.implement({
  description: 'An API key (a principal). Only a hash of its secret is stored.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier (for revoking); part of the secret too.' }),
    name: t.exposeString('name', { description: 'What (or who) the key is for.' }),
    role: t.field({ type: ApiKeyRoleEnum, description: 'What it may do.', resolve: (k) => k.role }),
    scope: t.field({
      type: ApiKeyScopeRef,
      nullable: true,
      description: 'The clients it reaches; null for the whole fleet.',
      resolve: (k) => k.scope,
    }),
    trustedDocumentsOnly: t.exposeBoolean('trustedDocumentsOnly', {
      description: 'Only trusted documents are admitted for it (docs/access.md).',
    }),
    createdAt: isoTimeField(t, 'Creation time (ISO 8601).', (k) => k.createdAt),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description: 'The key (and door) that created it.',
    }),
    lastUsedAt: isoTimeOrNullField(
      t,
      'Last request with it (recorded every few seconds, not per request).',
      (k) => k.lastUsedAt,
    ),
    expiresAt: isoTimeOrNullField(t, 'Expiry (ISO 8601); null = never.', (k) => k.expiresAt),
    revokedAt: isoTimeOrNullField(t, 'Revocation time, if revoked.', (k) => k.revokedAt),
    revoked: t.boolean({ description: 'True once revoked.', resolve: (k) => k.revokedAt !== null }),
  }),
});

const CreatedApiKeyRef = builder.objectRef<CreatedApiKey>('CreatedApiKey');
CreatedApiKeyRef.implement({
  description: 'A new key. The secret is shown only here, once.',
  fields: (t) => ({
    apiKey: t.field({
      type: ApiKeyRef,
      description: 'Its stored description.',
      resolve: (c) => c.apiKey,
    }),
    secret: t.exposeString('secret', {
      description: 'The bearer secret (etpk_…). Not retrievable later: store it now.',
    }),
  }),
});

const ViewerRef = builder.objectRef<Principal>('Viewer');
ViewerRef.implement({
  description: 'The key this request authenticated with.',
  fields: (t) => ({
    keyId: t.exposeID('keyId', { description: 'Its id ("bootstrap" for the bootstrap key).' }),
    name: t.exposeString('name', { description: 'Its name.' }),
    role: t.field({ type: ApiKeyRoleEnum, description: 'What it may do.', resolve: (p) => p.role }),
    scope: t.field({
      type: ApiKeyScopeRef,
      nullable: true,
      description: 'The clients it reaches; null for the whole fleet.',
      resolve: (p) => p.scope,
    }),
    expiresAt: isoTimeOrNullField(t, 'Expiry (ISO 8601); null = never.', (p) => p.expiresAt),
  }),
});

const ApiKeyScopeInput = builder.inputType('ApiKeyScopeInput', {
  description: 'The clients a key reaches: every tag given, and (when given) one of the clients.',
  fields: (t) => ({
    tags: t.stringList({ required: false, description: 'Tags a client must all carry.' }),
    clientIds: t.idList({
      required: false,
      description: 'Clients (uuid, clientId or display name) the key is limited to.',
    }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    name: t.string({
      required: true,
      description: 'What (or who) it is for (1 to 128 characters).',
    }),
    role: t.field({ type: ApiKeyRoleEnum, required: true, description: 'What it may do.' }),
    scope: t.field({
      type: ApiKeyScopeInput,
      required: false,
      description: 'Limit it to some clients; absent: the whole fleet (within your own scope).',
    }),
    expiresInSeconds: t.int({
      required: false,
      description: 'Lifetime in seconds; absent = never.',
    }),
    trustedDocumentsOnly: t.boolean({
      required: false,
      description: 'Admit only trusted documents for this key (docs/access.md).',
    }),
  }),
});

builder.queryFields((t) => ({
  apiKeys: t.field({
    type: [ApiKeyRef],
    description:
      'API keys, newest first (a scoped admin sees its own key and those it created). Needs ADMIN.',
    resolve: (_root, _args, ctx) => ctx.fleet.keys.list(ctx.caller),
  }),
  viewer: t.field({
    type: ViewerRef,
    description: 'The key this request authenticated with: its name, role and scope.',
    // Any key may read itself; the context always carries the authenticated principal.
    resolve: (_root, _args, ctx) => ctx.caller.principal!,
  }),
}));

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKeyRef,
    description:
      'Creates an API key; its secret is returned once. A key mints keys of its own role or lower, within its own scope. Needs ADMIN.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The key.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.fleet.keys.create(
        {
          name: input.name,
          role: input.role,
          scope: input.scope
            ? {
                tags: input.scope.tags ?? null,
                clientIds: input.scope.clientIds?.map(String) ?? null,
              }
            : null,
          expiresInSeconds: input.expiresInSeconds ?? null,
          trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
        },
        ctx.caller,
      ),
  }),
  revokeApiKey: idMutation(t, ApiKeyRef, {
    description:
      'Revokes a key: within a second its requests are refused and its open sockets, streams and sessions end. Needs ADMIN.',
    id: 'The key id (apiKeys lists them).',
    act: (fleet, id, caller) => fleet.keys.revoke(id, caller),
  }),
}));
