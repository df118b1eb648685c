// What operators change on clients: metadata (updateClient), operational settings
// (configureClient), tags on many clients at once (updateClients), and trust in a new key
// (acceptKey). Only the fields given change; a change with nothing in it is refused; every
// change is recorded as an event naming what changed (never a secret).

import { AppError, ErrorCode, Operation } from '../errors.js';
import type { ClientChanges, ClientQuery, Store } from '../store/index.js';
import { actorOf, type Audit } from './audit.js';
import type { Caller } from './caller.js';
import type { ClientFilter } from './client-filter.js';
import { pathsBeyond, type ClientView } from './client-view.js';
import { FleetEventType } from './event-types.js';
import { MAX_BULK_TARGETS } from './limits.js';
import { assertNameFree } from './names.js';
import type { Registry } from './registry.js';
import {
  assertSomethingToChange,
  asRateLimitMode,
  bad,
  validateBulkFilter,
  validateMetadata,
  validateSettings,
  validateTags,
  type MetadataInput,
  type SettingsInput,
} from './validation.js';

export type UpdateClientInput = MetadataInput;
export type ConfigureClientInput = SettingsInput;

export interface UpdateClientsInput {
  addTags?: readonly string[] | null | undefined;
  removeTags?: readonly string[] | null | undefined;
}

const METADATA_FIELDS = [
  { name: 'displayName', mcp: 'display_name' },
  { name: 'purpose', mcp: 'purpose' },
  { name: 'tags', mcp: 'tags' },
  { name: 'allowedPaths', mcp: 'allowed_paths' },
];

const SETTINGS_FIELDS = [
  { name: 'webhookUrl', mcp: 'webhook_url' },
  { name: 'webhookSecret', mcp: 'webhook_secret' },
  { name: 'rateLimitRpm', mcp: 'rate_limit_rpm' },
  { name: 'rateLimitConcurrent', mcp: 'rate_limit_concurrent' },
  { name: 'rateLimitMode', mcp: 'rate_limit_mode' },
  { name: 'cpuThreshold', mcp: 'cpu_threshold' },
  { name: 'memoryThreshold', mcp: 'memory_threshold' },
  { name: 'diskThreshold', mcp: 'disk_threshold' },
  { name: 'forwardTargets', mcp: 'forward_targets' },
  { name: 'resourceChecks', mcp: 'resource_checks' },
];

export interface ClientChangesDeps {
  store: Store;
  audit: Audit;
  registry: Pick<Registry, 'resolve' | 'view'>;
  queryOf(filter: ClientFilter): ClientQuery;
  /** Refuses a webhook URL that points somewhere private (absent: webhooks are off). */
  /** Refuses a private target; returns a warning when the host does not resolve now. */
  assertUrlAllowed?: ((url: string) => Promise<string | null>) | undefined;
}

export function createClientChanges(deps: ClientChangesDeps) {
  const { store, audit, registry } = deps;

  /** Writes the changes of one client, records them, and returns the client as it now is. */
  async function save(
    ref: string,
    changes: ClientChanges,
    tags: readonly string[] | null,
    changed: Record<string, unknown>,
    caller: Caller,
  ): Promise<ClientView> {
    const client = await registry.resolve(ref);
    if (changes.allowedPaths) {
      // Allowed, but refused by the agent all the same: said in the event (and on the client).
      const beyond = pathsBeyond(changes.allowedPaths, client.agentAllowedPaths);
      if (beyond.length > 0) changed['allowed_paths_beyond_agent'] = beyond;
    }
    await store.transaction(async (tx) => {
      // Checked in the transaction that writes it: two renames cannot both take one name.
      if (changes.displayName)
        await assertNameFree(tx.clients, changes.displayName, client.uuid, 'Display name');
      await tx.clients.update(client.uuid, changes);
      if (tags) await tx.clients.setTags(client.uuid, tags);
    });
    await audit.record(FleetEventType.updated, client.uuid, changed, actorOf(caller));
    return registry.view({ ...client, ...changes, ...(tags ? { tags: [...tags] } : {}) });
  }

  return {
    /** Operator metadata: only the fields given change; a reconnect never touches them. */
    async update(ref: string, input: UpdateClientInput, caller: Caller): Promise<ClientView> {
      validateMetadata(input);
      assertSomethingToChange(ref, input, METADATA_FIELDS, Operation.updateClientFields);
      const changes: ClientChanges = {};
      const changed: Record<string, unknown> = {};
      if (input.displayName !== undefined) {
        changes.displayName = input.displayName?.trim() ?? null;
        changed['display_name'] = changes.displayName;
      }
      if (input.purpose !== undefined) {
        changes.purpose = input.purpose;
        changed['purpose'] = input.purpose;
      }
      const tags = input.tags ? [...new Set(input.tags)].sort() : null;
      if (tags) changed['tags'] = tags;
      if (input.allowedPaths !== undefined) {
        changes.allowedPaths =
          input.allowedPaths && input.allowedPaths.length > 0
            ? [...new Set(input.allowedPaths)]
            : null;
        changed['allowed_paths'] = changes.allowedPaths;
      }
      return save(ref, changes, tags, changed, caller);
    },

    /** Operational settings: webhook and rate limits. null (or "" for the URL) restores the default. */
    async configure(ref: string, input: ConfigureClientInput, caller: Caller): Promise<ClientView> {
      const { webhookUrl, webhookSecret, forwardTargets } = validateSettings(input);
      assertSomethingToChange(ref, input, SETTINGS_FIELDS, Operation.configureClientFields);
      const urlWarning = webhookUrl ? ((await deps.assertUrlAllowed?.(webhookUrl)) ?? null) : null;
      const changes: ClientChanges = {};
      const changed: Record<string, unknown> = {};
      // Set anyway (DNS may be down), and said: in the event and in this answer (issue 17 item 25).
      if (urlWarning) changed['webhook_url_warning'] = urlWarning;
      if (webhookUrl !== undefined) {
        changes.webhookUrl = webhookUrl;
        changed['webhook_url'] = webhookUrl;
      }
      if (webhookSecret !== undefined) {
        changes.webhookSecret = webhookSecret;
        changed['webhook_secret'] = webhookSecret === null ? 'cleared' : 'set'; // never the secret
      }
      const plain = [
        ['rateLimitRpm', 'rate_limit_rpm'],
        ['rateLimitConcurrent', 'rate_limit_concurrent'],
        ['cpuThreshold', 'cpu_threshold'],
        ['memoryThreshold', 'memory_threshold'],
        ['diskThreshold', 'disk_threshold'],
        ['resourceChecks', 'resource_checks'],
      ] as const;
      for (const [field, name] of plain) {
        if (input[field] === undefined) continue;
        Object.assign(changes, { [field]: input[field] });
        changed[name] = input[field];
      }
      if (input.rateLimitMode !== undefined) {
        changes.rateLimitMode = asRateLimitMode(input.rateLimitMode);
        changed['rate_limit_mode'] = input.rateLimitMode;
      }
      if (forwardTargets !== undefined) {
        changes.forwardTargets = forwardTargets;
        changed['forward_targets'] = forwardTargets;
      }
      const view = await save(ref, changes, null, changed, caller);
      return urlWarning ? { ...view, webhookUrlWarning: urlWarning } : view;
    },

    /** Adds and removes tags on every client matching `filter`, in one transaction. */
    async updateMany(
      filter: ClientFilter,
      input: UpdateClientsInput,
      caller: Caller,
    ): Promise<ClientView[]> {
      validateBulkFilter(filter);
      validateTags('addTags', input.addTags);
      validateTags('removeTags', input.removeTags);
      const add = [...new Set(input.addTags ?? [])];
      const remove = [...new Set(input.removeTags ?? [])];
      if (add.length === 0 && remove.length === 0)
        throw bad('Give addTags or removeTags (or both).');
      const both = add.filter((tag) => remove.includes(tag));
      if (both.length > 0) throw bad(`Tags both added and removed: ${both.join(', ')}.`);
      const query = deps.queryOf(filter);
      const changed = await store.transaction(async (tx) => {
        const targets = await tx.clients.list(query, { limit: MAX_BULK_TARGETS + 1 });
        if (targets.length > MAX_BULK_TARGETS)
          throw bad(
            `The filter matches more than ${MAX_BULK_TARGETS} clients; a bulk update takes at most ${MAX_BULK_TARGETS}. Narrow the filter.`,
          );
        const uuids = targets.map((client) => client.uuid);
        await tx.clients.changeTags(uuids, { add, remove });
        const now = new Map((await tx.clients.getMany(uuids)).map((row) => [row.uuid, row]));
        return targets.map((client) => now.get(client.uuid) ?? client);
      });
      for (const client of changed) {
        await audit.record(
          FleetEventType.updated,
          client.uuid,
          { tags: client.tags, bulk: true },
          actorOf(caller),
        );
      }
      return changed.map(registry.view);
    },

    /** Trusts the key a client presented instead of its pinned one (ends the quarantine). */
    async acceptKey(ref: string, caller: Caller): Promise<ClientView> {
      const client = await registry.resolve(ref);
      if (!client.pendingFingerprint || !client.pendingPublicKey) {
        throw new AppError(
          ErrorCode.badUserInput,
          `Client "${client.clientId}" has no key change waiting: its pinned key ${client.keyFingerprint} is the one in use. Nothing to accept.`,
        );
      }
      const changes: ClientChanges = {
        previousFingerprint: client.keyFingerprint,
        publicKey: client.pendingPublicKey,
        keyFingerprint: client.pendingFingerprint,
        pendingPublicKey: null,
        pendingFingerprint: null,
        keyAcceptedAt: new Date(),
        // The door first (as before keys had names), then the key that did it.
        keyAcceptedBy: caller.principal
          ? `${caller.actor} (key ${caller.principal.name})`
          : caller.actor,
      };
      await store.clients.update(client.uuid, changes);
      await audit.record(
        FleetEventType.keyAccepted,
        client.uuid,
        {
          fingerprint: changes.keyFingerprint,
          previous_fingerprint: client.keyFingerprint,
          accepted_by: caller.principal?.name ?? caller.actor,
        },
        actorOf(caller),
      );
      return registry.view({ ...client, ...changes });
    },
  };
}
