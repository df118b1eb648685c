// The client row after a connection (the registry's write at admission): created at the first
// admission, with metadata from the enrollment token's presets over what the agent suggested;
// refreshed with the agent's facts on every later one, operators' settings untouched, and a key
// other than the pinned one noted.
//
// Admissions that arrive while one is written share the next transaction (../lib/group-commit.ts;
// a storm brings hundreds a second): one BEGIN and COMMIT for the batch, each upsert in arrival
// order inside it, so a name taken by an earlier one is seen by a later one. A batch that fails
// is written again one admission at a time (an enrollment token used up fails only its own).

import type { AgentFacts } from '../protocol/rpc.js';
import type { ClientRecord, Repositories, Store, TokenRecord } from '../store/index.js';
import { createGroupCommit } from '../lib/group-commit.js';
import { HealthStatus, machineFacts } from './client-view.js';
import type { FleetSession } from './live.js';
import { describeHolder, freeClientId, otherHolder } from './names.js';
import { isValidTag } from './validation.js';

/** At most this many admissions share a transaction. */
const ADMISSION_BATCH = 64;

/** The agent's facts as record fields, refreshed on every connection. */
function factsOf(facts: AgentFacts, session: FleetSession, now: Date) {
  return {
    ...machineFacts(facts),
    capabilities: [...new Set(facts.capabilities)].sort(),
    agentAllowedPaths: facts.allowedPaths,
    lastSeen: now,
    lastConnectedAt: now,
    lastRemoteAddress: session.identity.remoteAddress,
  };
}

/** A display name a new client could not take, and why. */
interface DroppedName {
  name: string;
  source: 'enrollment_token' | 'agent';
  heldBy: string;
}

export interface Admitted {
  row: ClientRecord;
  /** Connected with a key other than the pinned one; `raised` the first time with this key. */
  mismatch: { previous: string; raised: boolean } | null;
  droppedName: DroppedName | null;
  /** Another server's connection this one replaces (its end is recorded here). */
  replaced?: string | undefined;
}

/** The client row after this connection: created, or refreshed (and a key change noted). */
async function upsertOne(
  server: string,
  tx: Repositories,
  session: FleetSession,
  now: Date,
  connection: string,
): Promise<Admitted> {
  const facts = session.facts as AgentFacts;
  const { uuid, fingerprint, publicKey } = session.identity;
  const existing = await tx.clients.getToUpdate(uuid);
  const healthy = { health: HealthStatus.healthy, healthReason: null, healthSince: now };
  let token: TokenRecord | null = null;
  const tokenId = session.admission.tokenId;
  if (tokenId) {
    token = await tx.tokens.consume(tokenId, now);
    if (!token)
      throw new Error('enrollment token is no longer usable (revoked, expired or used up)');
  }
  if (!existing) {
    // A preset or suggested display name another client holds is dropped, not taken: a name
    // leads to one client (./names.ts).
    const wanted = token?.displayName ?? facts.suggested.displayName ?? null;
    const holder = wanted === null ? null : await otherHolder(tx.clients, wanted, uuid);
    const droppedName =
      wanted !== null && holder
        ? {
            name: wanted,
            source: token?.displayName ? ('enrollment_token' as const) : ('agent' as const),
            heldBy: describeHolder(holder, wanted),
          }
        : null;
    const row: ClientRecord = {
      uuid,
      clientId: await freeClientId(tx.clients, facts.hostname),
      displayName: droppedName ? null : wanted,
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
      forwardTargets: null,
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
      heldBy: server,
      heldConnection: connection,
      ...healthy,
      ...factsOf(facts, session, now),
    };
    await tx.clients.insert(row);
    return { row, mismatch: null, droppedName };
  }
  // Facts reported under an unaccepted key are the newcomer's word, not the client's: only the
  // connection itself is noted until acceptKey (issue 17, item 13).
  const reported = factsOf(facts, session, now);
  const changes = {
    ...(existing.keyFingerprint === fingerprint
      ? reported
      : {
          lastSeen: reported.lastSeen,
          lastConnectedAt: reported.lastConnectedAt,
          lastRemoteAddress: reported.lastRemoteAddress,
        }),
    connectionCount: existing.connectionCount + 1,
    // This connection holds the client now, whichever server held it before (newest wins).
    heldBy: server,
    heldConnection: connection,
    ...healthy,
    // The pinned key is back: any unaccepted replacement is moot (the audit trail keeps it).
    ...(existing.keyFingerprint === fingerprint
      ? { pendingPublicKey: null, pendingFingerprint: null }
      : {
          pendingPublicKey: publicKey,
          pendingFingerprint: fingerprint,
          keyMismatchAt: existing.pendingFingerprint !== fingerprint ? now : existing.keyMismatchAt,
        }),
  };
  await tx.clients.update(uuid, changes);
  // Raised once per presented key, on whichever server sees it first; reconnections with the
  // same unaccepted key stay quarantined without raising it again.
  const mismatch =
    existing.keyFingerprint === fingerprint
      ? null
      : {
          previous: existing.keyFingerprint,
          raised: existing.pendingFingerprint !== fingerprint,
        };
  // Another server held it through a connection: that connection's end is recorded here, once,
  // whether that server is alive (it closes its link without recording) or gone.
  const replaced =
    existing.heldBy !== null && existing.heldBy !== server && existing.heldConnection
      ? existing.heldBy
      : undefined;
  return { row: { ...existing, ...changes }, mismatch, droppedName: null, replaced };
}

/** Writes each admission's row; `server` is this server's name (the client's holder). */
export function createClientUpsert(store: Store, server: string) {
  return createGroupCommit(
    (batch: readonly { session: FleetSession; now: Date; connection: string }[]) =>
      store.transaction(async (tx) => {
        const out: Admitted[] = [];
        for (const { session, now, connection } of batch)
          out.push(await upsertOne(server, tx, session, now, connection));
        return out;
      }),
    ADMISSION_BATCH,
  );
}
