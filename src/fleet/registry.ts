// The registry: the authoritative record of every client, and which of them are online.
//
// On each connection the agent's facts (hostname, platform, arch, version, username,
// capabilities, its own path ceiling) are refreshed; what operators set is never touched. The
// first admission creates the record, with metadata from the enrollment token's presets over
// what the agent suggested. Offline clients stay, with first/last seen and a connection count.

import type { EntityManager } from '@mikro-orm/sqlite';
import type { Logger } from 'pino';
import { AppError, ErrorCode } from '../errors.js';
import type { AgentSession } from '../hub/agent-session.js';
import type { AgentFacts } from '../protocol/rpc.js';
import { isUuid } from '../protocol/identity.js';
import { quote } from '../lib/quote.js';
import {
  ClientEntity,
  EnrollmentTokenEntity,
  type Client,
  type EnrollmentToken,
} from '../store/entities/index.js';
import type { Store } from '../store/orm.js';
import type { Admission } from './admission.js';
import type { Audit } from './audit.js';
import {
  HealthStatus,
  toClientView,
  type ClientView,
  type HealthDefaults,
  type LiveState,
  type RateLimitDefaults,
} from './client-view.js';
import { inactiveReason } from './enrollment-tokens.js';
import { FleetEventType } from './events.js';
import { findOrCreateTags, isValidTag, withAllTags } from './tags.js';

export type FleetSession = AgentSession<Admission>;

export interface ClientFilter {
  query?: string | null | undefined;
  purpose?: string | null | undefined;
  tags?: readonly string[] | null | undefined;
  capabilities?: readonly string[] | null | undefined;
  onlineOnly?: boolean | null | undefined;
  /** true: only clients waiting for acceptKey; false: only those without a key change. */
  keyMismatch?: boolean | null | undefined;
  /** Decommissioned clients are left out unless this is true. */
  includeDecommissioned?: boolean | null | undefined;
  /** Internal: only clients offline now that disconnected at or after this time. */
  offlineSince?: Date | undefined;
}

export interface Live extends LiveState {
  session: FleetSession;
}

export function createRegistry(deps: {
  store: Store;
  audit: Audit;
  logger: Logger;
  rateLimitDefaults: RateLimitDefaults;
  healthDefaults: HealthDefaults;
  /** Told when a session is registered (after client.connected): the health monitor starts. */
  onAttached: (session: FleetSession, entry: Live) => void;
}) {
  const { store, audit, logger } = deps;
  const live = new Map<string, Live>();
  const pendingDetaches = new Set<Promise<void>>();

  function view(row: Client): ClientView {
    const tags = row.tags.isInitialized() ? row.tags.getItems().map((tag) => tag.name) : [];
    return toClientView(row, tags, live.get(row.uuid), deps.rateLimitDefaults, deps.healthDefaults);
  }

  async function uniqueClientId(em: EntityManager, hostname: string): Promise<string> {
    const base =
      hostname
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .slice(0, 64) || 'client';
    const taken = new Set(
      (
        await em.find(ClientEntity, { clientId: { $like: `${base}%` } }, { fields: ['clientId'] })
      ).map((row) => row.clientId),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  function applyFacts(row: Client, facts: AgentFacts, session: FleetSession, now: Date): void {
    row.hostname = facts.hostname;
    row.platform = facts.platform;
    row.platformRelease = facts.platformRelease;
    row.arch = facts.arch;
    row.agentVersion = facts.agentVersion;
    row.username = facts.username;
    row.capabilities = [...new Set(facts.capabilities)].sort();
    row.agentAllowedPaths = facts.allowedPaths;
    row.lastSeen = now;
    row.lastConnectedAt = now;
    row.lastRemoteAddress = session.identity.remoteAddress;
    row.connectionCount += 1;
  }

  async function consumeToken(
    em: EntityManager,
    tokenId: string,
    now: Date,
  ): Promise<EnrollmentToken> {
    const token = await em.findOne(EnrollmentTokenEntity, { id: tokenId });
    const reason = token ? inactiveReason(token, now) : 'gone';
    if (!token || reason) throw new Error(`enrollment token is ${reason ?? 'gone'}`);
    token.uses += 1;
    token.lastUsedAt = now;
    return token;
  }

  /** Registers a session that said hello; emits connected (and key_mismatch). */
  async function attach(session: FleetSession): Promise<void> {
    const facts = session.facts as AgentFacts;
    const { uuid, fingerprint, publicKey } = session.identity;
    const admission = session.admission;
    const now = new Date();
    let mismatch: { previous: string } | null = null;

    const row = await store.em.fork().transactional(async (em): Promise<Client> => {
      let client: Client | null = await em.findOne(ClientEntity, { uuid }, { populate: ['tags'] });
      const token = admission.tokenId ? await consumeToken(em, admission.tokenId, now) : null;
      if (!client) {
        const suggestedTags = (facts.suggested.tags ?? []).filter(isValidTag);
        client = em.create(ClientEntity, {
          uuid,
          clientId: await uniqueClientId(em, facts.hostname),
          displayName: token?.displayName ?? facts.suggested.displayName ?? null,
          purpose: token?.purpose ?? facts.suggested.purpose ?? null,
          capabilities: [],
          publicKey,
          keyFingerprint: fingerprint,
          enrolledVia: token ? `enrollment_token:${token.prefix}` : admission.via,
          firstSeen: now,
          lastSeen: now,
          connectionCount: 0,
        });
        for (const tag of await findOrCreateTags(em, [...(token?.tags ?? []), ...suggestedTags])) {
          client.tags.add(tag);
        }
      } else if (client.keyFingerprint === fingerprint) {
        // The pinned key is back: any unaccepted replacement is moot (the audit trail keeps it).
        client.pendingPublicKey = null;
        client.pendingFingerprint = null;
      } else {
        mismatch = { previous: client.keyFingerprint };
        if (client.pendingFingerprint !== fingerprint) client.keyMismatchAt = now;
        client.pendingPublicKey = publicKey;
        client.pendingFingerprint = fingerprint;
      }
      applyFacts(client, facts, session, now);
      return client;
    });

    const previous = live.get(uuid);
    const entry: Live = {
      session,
      connectedAt: session.connectedAt,
      remoteAddress: session.identity.remoteAddress,
      tunnelPort: session.tunnelPort,
      health: HealthStatus.healthy,
      healthReason: null,
      healthSince: now,
      lastHeartbeatAt: null,
      heartbeatFailures: 0,
      lastSample: null,
    };
    live.set(uuid, entry);
    if (previous && previous.session !== session)
      previous.session.close('replaced by a new connection');
    session.once('close', (reason: string) => {
      const done = detach(session, reason).finally(() => pendingDetaches.delete(done));
      pendingDetaches.add(done);
    });

    await audit.record(FleetEventType.connected, uuid, {
      platform: `${facts.platform} ${facts.platformRelease}`.trim(),
      hostname: facts.hostname,
      agent_version: facts.agentVersion,
      tunnel_port: session.tunnelPort,
      remote_address: session.identity.remoteAddress,
      fingerprint,
      key_mismatch: mismatch !== null,
      first_connection: row.connectionCount === 1,
    });
    if (mismatch) {
      await audit.record(FleetEventType.keyMismatch, uuid, {
        previous_fingerprint: (mismatch as { previous: string }).previous,
        new_fingerprint: fingerprint,
        remote_address: session.identity.remoteAddress,
      });
    }
    // The first call after hello tells the agent it is registered (it then forgets a used
    // enrollment token): the health monitor's first heartbeat, sent at once.
    if (!session.closed) deps.onAttached(session, entry);
  }

  async function detach(session: FleetSession, reason: string): Promise<void> {
    const uuid = session.identity.uuid;
    const current = live.get(uuid);
    if (!current || current.session !== session) return; // replaced: the newer session owns it
    live.delete(uuid);
    const now = new Date();
    try {
      const em = store.em.fork();
      const row = await em.findOne(ClientEntity, { uuid });
      if (row) {
        row.lastSeen = now;
        row.lastDisconnectedAt = now;
        await em.flush();
      }
      await audit.record(FleetEventType.disconnected, uuid, {
        reason,
        connected_for_s: Math.round((now.getTime() - session.connectedAt.getTime()) / 1000),
      });
    } catch (error) {
      logger.error({ err: error, uuid }, 'cannot record a disconnection');
    }
  }

  /**
   * Finds a client by uuid, clientId or an unambiguous display name. Operations pass
   * `withTags: false`: they need the record, not its tags (one query fewer per call).
   */
  async function resolve(
    em: EntityManager,
    ref: string,
    options: { withTags?: boolean } = {},
  ): Promise<Client> {
    const populate = options.withTags === false ? [] : (['tags'] as const);
    const needle = ref.trim();
    if (needle === '')
      throw new AppError(
        ErrorCode.badUserInput,
        'A client id is required (uuid, clientId or display name).',
      );
    if (isUuid(needle)) {
      const byUuid = await em.findOne(ClientEntity, { uuid: needle.toLowerCase() }, { populate });
      if (byUuid) return byUuid;
    }
    const byClientId = await em.findOne(ClientEntity, { clientId: needle }, { populate });
    if (byClientId) return byClientId;
    const lowered = needle.toLowerCase();
    const candidates = await em
      .createQueryBuilder(ClientEntity, 'c')
      .select('*')
      .where('lower(c.client_id) = ? or lower(c.display_name) = ?', [lowered, lowered])
      .limit(11)
      .getResultList();
    if (candidates.length === 1) {
      const [only] = candidates;
      if (populate.length > 0) await em.populate(only as Client, populate);
      return only as Client;
    }
    if (candidates.length > 1) {
      const names = candidates
        .slice(0, 10)
        .map((c) => `${c.clientId} (${c.uuid}${c.displayName ? `, "${c.displayName}"` : ''})`)
        .join('; ');
      throw new AppError(
        ErrorCode.ambiguousClient,
        `${quote(needle)} matches more than one client: ${names}. Use the uuid or clientId instead.`,
        { candidates: candidates.map((c) => c.uuid) },
      );
    }
    throw new AppError(
      ErrorCode.notFound,
      `No client matches ${quote(needle)} (tried uuid, clientId and display name). Call list_clients / query clients to see the fleet.`,
    );
  }

  /** A query over `client` with every condition of `filter` applied (SQL, all of them). */
  function filtered(em: EntityManager, filter: ClientFilter) {
    const qb = em.createQueryBuilder(ClientEntity, 'c');
    const like = (value: string): string => `%${value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    if (!filter.includeDecommissioned) qb.andWhere('c.decommissioned_at is null');
    if (filter.query) {
      const q = like(filter.query);
      qb.andWhere(
        "(c.display_name like ? escape '\\' or c.purpose like ? escape '\\' or c.hostname like ? escape '\\' or c.client_id like ? escape '\\')",
        [q, q, q, q],
      );
    }
    if (filter.purpose) qb.andWhere("c.purpose like ? escape '\\'", [like(filter.purpose)]);
    if (filter.tags && filter.tags.length > 0) qb.andWhere(...withAllTags('c.uuid', filter.tags));
    for (const capability of new Set(filter.capabilities ?? [])) {
      qb.andWhere('exists (select 1 from json_each(c.capabilities) j where j.value = ?)', [
        capability,
      ]);
    }
    if (filter.keyMismatch === true) qb.andWhere('c.pending_fingerprint is not null');
    if (filter.keyMismatch === false) qb.andWhere('c.pending_fingerprint is null');
    if (filter.onlineOnly) {
      qb.andWhere('c.uuid in (select value from json_each(?))', [JSON.stringify([...live.keys()])]);
    }
    if (filter.offlineSince) {
      qb.andWhere('c.last_disconnected_at >= ?', [filter.offlineSince.getTime()]);
      qb.andWhere('c.uuid not in (select value from json_each(?))', [
        JSON.stringify([...live.keys()]),
      ]);
    }
    return qb;
  }

  /** Clients matching `filter`, ordered by clientId, with their tags; a page when asked. */
  async function list(
    em: EntityManager,
    filter: ClientFilter = {},
    page: { afterClientId?: string | null; limit?: number } = {},
  ): Promise<Client[]> {
    const qb = filtered(em, filter).select('*').orderBy({ clientId: 'asc' });
    if (page.afterClientId !== null && page.afterClientId !== undefined)
      qb.andWhere('c.client_id > ?', [page.afterClientId]);
    if (page.limit !== undefined) qb.limit(page.limit);
    const rows = await qb.getResultList();
    await em.populate(rows, ['tags']);
    return rows;
  }

  async function count(em: EntityManager, filter: ClientFilter = {}): Promise<number> {
    const rows = await filtered(em, filter).count('c.uuid', true).execute<{ count: number }[]>();
    return Number(rows[0]?.count ?? 0);
  }

  return {
    attach,
    resolve,
    list,
    count,
    view,
    session(uuid: string): FleetSession | undefined {
      return live.get(uuid)?.session;
    },
    /** The live state of an online client (the health monitor updates it in place). */
    live(uuid: string): Live | undefined {
      return live.get(uuid);
    },
    /** Every online client's live state. */
    liveEntries(): IterableIterator<[string, Live]> {
      return live.entries();
    },
    onlineFingerprint(uuid: string): string | null {
      return live.get(uuid)?.session.identity.fingerprint ?? null;
    },
    get onlineCount(): number {
      return live.size;
    },
    /** Closes every session and waits until their disconnections are recorded. */
    async closeAll(reason: string): Promise<void> {
      for (const entry of [...live.values()]) entry.session.close(reason);
      await Promise.allSettled([...pendingDetaches]);
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
