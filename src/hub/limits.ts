// The tunnel hub's limits, with their defaults and why each has its value, and the hub's
// capacity: how many connections the process's descriptor budget allows.

import type { OpenFileLimits, RaiseResult } from '../lib/open-files.js';

export interface HubLimits {
  // ── Before authentication (docs/design/0001-tunnel-and-trust.md, "Admission under load") ──
  /** From accept, the client's identification line must have arrived within this. */
  identTimeoutMs: number;
  /** From accept, authentication must have succeeded within this (the whole pre-auth life). */
  authTimeoutMs: number;
  /** Handshakes (key exchange and authentication) running at once, all sources together. */
  maxConcurrentHandshakes: number;
  /** …and from one source (address; /64 for IPv6), so one source cannot hold every slot. */
  maxConcurrentHandshakesPerSource: number;
  /** Identified sockets waiting for a slot; beyond it, new connections are told to come back. */
  maxQueuedHandshakes: number;
  /** Unauthenticated sockets of one source (identifying, queued or in a handshake). */
  maxPendingPerSource: number;
  /** Authentication requests one connection may make before it is cut off. */
  maxAuthAttempts: number;

  // ── Capacity ──
  /** Connections held at once (agents and handshakes); null: from the descriptor budget. */
  maxConnections: number | null;
  /** Descriptors kept for everything else (database, HTTP, WebSockets, files); null: 10 %, 256–2,048. */
  reservedDescriptors: number | null;

  // ── Retry hints sent with a refusal ──
  retryAfterMinMs: number;
  retryAfterMaxMs: number;

  // ── Reconnect churn (accepted logins) ──
  /** Logins of one UUID in a burst, then one per reloginRefillMs. */
  reloginBurst: number;
  reloginRefillMs: number;
  /** Re-logins (UUIDs seen in the last 5 minutes) from one source in a burst, then one per …RefillMs. */
  sourceReloginBurst: number;
  sourceReloginRefillMs: number;

  // ── After authentication ──
  helloTimeoutMs: number;
  maxRefusedChannels: number;
  keepaliveIntervalMs: number;
  keepaliveCountMax: number;
  /** A connection we end is destroyed if the peer has not closed it within this. */
  closeGraceMs: number;

  // ── Logs under a flood ──
  /** Per message and interval, this many lines one by one, then one summary line. */
  logBurst: number;
  logIntervalMs: number;
}

export const defaultHubLimits: HubLimits = {
  // An agent sends its identification line as soon as TCP connects; 10 s covers a slow link.
  identTimeoutMs: 10_000,
  // Shorter than the agent's own 25 s: the hub's decision (a refusal with a hint) reaches it first.
  authTimeoutMs: 20_000,
  maxConcurrentHandshakes: 32,
  maxConcurrentHandshakesPerSource: 16,
  // At ~100 handshakes a second (a slow WAN), 1,024 waiting drain in ~10 s, inside authTimeoutMs.
  maxQueuedHandshakes: 1024,
  // A NAT with a fleet behind it gets 128 at once; the rest are told when to come back.
  maxPendingPerSource: 128,
  // An agent needs two (probe, signature); OpenSSH's MaxAuthTries is 6.
  maxAuthAttempts: 10,
  maxConnections: null,
  reservedDescriptors: null,
  retryAfterMinMs: 1000,
  // No longer than the agents' own backoff cap (src/agent/reconnect.ts): a hint past it would
  // only stretch a storm.
  retryAfterMaxMs: 30_000,
  // Five quick reconnects are a flaky link; more is churn (each one is two events and webhooks).
  reloginBurst: 5,
  reloginRefillMs: 10_000,
  // 50 a second from one address, after a burst of 256: generous for a NAT, bounded for a flood.
  sourceReloginBurst: 256,
  sourceReloginRefillMs: 20,
  helloTimeoutMs: 15_000,
  maxRefusedChannels: 64,
  // Longer than the default heartbeat verdict (3 × 30 s): an agent that stops answering is
  // reported unhealthy first, and cut off as dead about 30 s later. Longer than a heartbeat
  // (30 s ± 10 %), so an agent answering its heartbeats is never sent one.
  keepaliveIntervalMs: 40_000,
  keepaliveCountMax: 3,
  closeGraceMs: 5000,
  logBurst: 10,
  logIntervalMs: 10_000,
};

export interface HubCapacity {
  /** Connections (agents and handshakes) the hub holds at once; Infinity when unknown. */
  maxConnections: number;
  /** limits: set explicitly; descriptors: from the soft RLIMIT_NOFILE; unknown: no budget read. */
  basis: 'limits' | 'descriptors' | 'unknown';
  /** RLIMIT_NOFILE after the attempt to raise it. */
  openFiles: OpenFileLimits | null;
  /** What raising the soft limit to the hard one did. */
  raise: RaiseResult['outcome'] | 'not tried';
  reservedDescriptors: number;
}

export function computeCapacity(
  limits: HubLimits,
  openFiles: OpenFileLimits | null,
  raise: HubCapacity['raise'],
): HubCapacity {
  const soft = openFiles?.soft ?? null;
  const reserved =
    limits.reservedDescriptors ??
    (soft === null ? 0 : Math.min(2048, Math.max(256, Math.ceil(soft * 0.1))));
  if (limits.maxConnections !== null) {
    return {
      maxConnections: limits.maxConnections,
      basis: 'limits',
      openFiles,
      raise,
      reservedDescriptors: reserved,
    };
  }
  if (soft === null) {
    return {
      maxConnections: Number.POSITIVE_INFINITY,
      basis: 'unknown',
      openFiles,
      raise,
      reservedDescriptors: 0,
    };
  }
  // A tiny budget still admits a few agents: refusing everyone would hide the misconfiguration.
  const maxConnections = Math.max(16, soft - reserved);
  return { maxConnections, basis: 'descriptors', openFiles, raise, reservedDescriptors: reserved };
}
