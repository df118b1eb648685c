// The registry: the authoritative record of every client, and which of them are online.
//
// On each connection the agent's facts (hostname, platform, arch, version, username,
// capabilities, its own path ceiling) are refreshed; what operators set is never touched. The
// first admission creates the record, with metadata from the enrollment token's presets over
// what the agent suggested. Offline clients stay, with first/last seen and a connection count.

import type { Logger } from 'pino';
import { AppError, ErrorCode, named, nextStep, Operation } from '../errors.js';
import { quote } from '../lib/quote.js';
import { isUuid } from '../protocol/identity.js';
import type { AgentFacts } from '../protocol/rpc.js';
import type { ClientRecord, Repositories, Store, TokenRecord } from '../store/index.js';
import type { AgentLink } from './agent-link.js';
import type { Audit } from './audit.js';
import { HealthStatus, toClientView, type ClientView, type ViewDefaults } from './client-view.js';
import { FleetEventType } from './event-types.js';
import type { FleetSession, LiveClient } from './live.js';
import { isValidTag } from './validation.js';

/** How many candidates an ambiguous name lists. */
const MAX_CANDIDATES = 10;

export interface RegistryDeps {
  store: Store;
  audit: Audit;
  /** The fleet's logger: each online client gets a child bound to its clientId and uuid. */
  logger: Logger;
  defaults: ViewDefaults;
  /** Told when a client comes online (after client.connected): the health monitor starts. */
  onAttached(client: LiveClient): void;
}

function baseClientId(hostname: string): string {
  return (
    hostname
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 64) || 'client'
  );
}

async function uniqueClientId(tx: Repositories, hostname: string): Promise<string> {
  const base = baseClientId(hostname);
  const taken = new Set(await tx.clients.clientIdsStartingWith(base));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The agent's facts as record fields, refreshed on every connection. */
function factsOf(facts: AgentFacts, session: FleetSession, now: Date) {
  return {
    hostname: facts.hostname,
    platform: facts.platform,
    platformRelease: facts.platformRelease,
    arch: facts.arch,
    agentVersion: facts.agentVersion,
    username: facts.username,
    capabilities: [...new Set(facts.capabilities)].sort(),
    agentAllowedPaths: facts.allowedPaths,
    lastSeen: now,
    lastConnectedAt: now,
    lastRemoteAddress: session.identity.remoteAddress,
  };
}

export function createRegistry(deps: RegistryDeps) {
  const { store, audit, logger } = deps;
  const live = new Map<string, LiveClient>();
  const pendingDetaches = new Set<Promise<void>>();

  function view(row: ClientRecord): ClientView {
    return toClientView(row, live.get(row.uuid), deps.defaults);
  }

  /** The client row after this connection: created, or refreshed (and a key change noted). */
  async function upsert(
    tx: Repositories,
    session: FleetSession,
    now: Date,
  ): Promise<{ row: ClientRecord; mismatch: { previous: string } | null }> {
    const facts = session.facts as AgentFacts;
    const { uuid, fingerprint, publicKey } = session.identity;
    const existing = await tx.clients.get(uuid);
    let token: TokenRecord | null = null;
    const tokenId = session.admission.tokenId;
    if (tokenId) {
      token = await tx.tokens.consume(tokenId, now);
      if (!token)
        throw new Error('enrollment token is no longer usable (revoked, expired or used up)');
    }
    if (!existing) {
      const row: ClientRecord = {
        uuid,
        clientId: await uniqueClientId(tx, facts.hostname),
        displayName: token?.displayName ?? facts.suggested.displayName ?? null,
        purpose: token?.purpose ?? facts.suggested.purpose ?? null,
        tags: [
          ...new Set([...(token?.tags ?? []), ...(facts.suggested.tags ?? []).filter(isValidTag)]),
        ].sort(),
        allowedPaths: null,
        webhookUrl: null,
        webhookSecret: null,
        rateLimitRpm: null,
        rateLimitConcurrent: null,
        rateLimitMode: null,
        cpuThreshold: null,
        memoryThreshold: null,
        diskThreshold: null,
        resourceChecks: null,
        decommissionedAt: null,
        publicKey,
        keyFingerprint: fingerprint,
        pendingPublicKey: null,
        pendingFingerprint: null,
        previousFingerprint: null,
        keyMismatchAt: null,
        keyAcceptedAt: null,
        keyAcceptedBy: null,
        enrolledVia: token ? `enrollment_token:${token.prefix}` : session.admission.via,
        firstSeen: now,
        connectionCount: 1,
        lastDisconnectedAt: null,
        ...factsOf(facts, session, now),
      };
      await tx.clients.insert(row);
      return { row, mismatch: null };
    }
    const changes = {
      ...factsOf(facts, session, now),
      connectionCount: existing.connectionCount + 1,
      // The pinned key is back: any unaccepted replacement is moot (the audit trail keeps it).
      ...(existing.keyFingerprint === fingerprint
        ? { pendingPublicKey: null, pendingFingerprint: null }
        : {
            pendingPublicKey: publicKey,
            pendingFingerprint: fingerprint,
            keyMismatchAt:
              existing.pendingFingerprint !== fingerprint ? now : existing.keyMismatchAt,
          }),
    };
    await tx.clients.update(uuid, changes);
    const mismatch =
      existing.keyFingerprint === fingerprint ? null : { previous: existing.keyFingerprint };
    return { row: { ...existing, ...changes }, mismatch };
  }

  /** Registers a session that said hello; emits connected (and key_mismatch). */
  async function attach(session: FleetSession): Promise<void> {
    const facts = session.facts as AgentFacts;
    const { uuid, fingerprint } = session.identity;
    const now = new Date();
    const { row, mismatch } = await store.transaction((tx) => upsert(tx, session, now));

    const previous = live.get(uuid);
    const entry: LiveClient = {
      uuid,
      clientId: row.clientId,
      fingerprint,
      link: session,
      log: logger.child({ clientId: row.clientId, uuid }),
      ended: session.closed
        ? Promise.resolve('closed while attaching')
        : new Promise((resolve) => session.once('close', resolve)),
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
    entry.log.info(
      { component: 'registry', remoteAddress: entry.remoteAddress, keyMismatch: mismatch !== null },
      'client online',
    );
    if (previous && previous.link !== session) previous.link.close('replaced by a new connection');
    const onClose = (reason: string): void => {
      const done = detach(entry, reason).finally(() => pendingDetaches.delete(done));
      pendingDetaches.add(done);
    };
    // Closed while the record was written: it never stays online.
    if (session.closed) onClose('connection closed while attaching');
    else session.once('close', onClose);

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
        previous_fingerprint: mismatch.previous,
        new_fingerprint: fingerprint,
        remote_address: session.identity.remoteAddress,
      });
    }
    // The first call after hello tells the agent it is registered (it then forgets a used
    // enrollment token): the health monitor's first heartbeat, sent at once.
    if (!session.closed) deps.onAttached(entry);
  }

  async function detach(entry: LiveClient, reason: string): Promise<void> {
    if (live.get(entry.uuid) !== entry) return; // replaced: the newer session owns it
    live.delete(entry.uuid);
    const now = new Date();
    entry.log.info({ component: 'registry', reason }, 'client offline');
    try {
      await store.clients.update(entry.uuid, { lastSeen: now, lastDisconnectedAt: now });
      await audit.record(FleetEventType.disconnected, entry.uuid, {
        reason,
        connected_for_s: Math.round((now.getTime() - entry.connectedAt.getTime()) / 1000),
      });
    } catch (error) {
      entry.log.error({ component: 'registry', err: error }, 'cannot record a disconnection');
    }
  }

  /** Finds a client by uuid, clientId or an unambiguous display name. */
  async function resolve(ref: string): Promise<ClientRecord> {
    const needle = ref.trim();
    if (needle === '')
      throw new AppError(
        ErrorCode.badUserInput,
        'A client id is required (uuid, clientId or display name).',
      );
    if (isUuid(needle)) {
      const byUuid = await store.clients.get(needle.toLowerCase());
      if (byUuid) return byUuid;
    }
    const byClientId = await store.clients.getByClientId(needle);
    if (byClientId) return byClientId;
    const candidates = await store.clients.findByName(needle, MAX_CANDIDATES + 1);
    if (candidates.length === 1) return candidates[0] as ClientRecord;
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
    const list = nextStep(Operation.listClients);
    throw new AppError(
      ErrorCode.notFound,
      `No client matches ${quote(needle)} (tried uuid, clientId and display name). Call ${named(list)} to see the fleet.`,
      undefined,
      [list],
    );
  }

  return {
    attach,
    resolve,
    view,
    /** The link to an online client; undefined when it is offline (here). */
    linkOf(uuid: string): AgentLink | undefined {
      return live.get(uuid)?.link;
    },
    /** The live state of an online client (the health monitor updates it in place). */
    live(uuid: string): LiveClient | undefined {
      return live.get(uuid);
    },
    /** The uuids of the clients online now. */
    onlineUuids(): string[] {
      return [...live.keys()];
    },
    onlineFingerprint(uuid: string): string | null {
      return live.get(uuid)?.fingerprint ?? null;
    },
    get onlineCount(): number {
      return live.size;
    },
    /** Closes every link and waits until the disconnections are recorded. */
    async closeAll(reason: string): Promise<void> {
      for (const entry of [...live.values()]) entry.link.close(reason);
      await Promise.allSettled([...pendingDetaches]);
    },
  };
}

export type Registry = ReturnType<typeof createRegistry>;
