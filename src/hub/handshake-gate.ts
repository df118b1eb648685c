// The handshake gate: everything between a TCP accept and a successful SSH authentication.
//
//   accept ─▶ capacity? per-source cap? ─▶ identification line ─▶ wait for a slot ─▶ ssh2 handshake
//             (else: refused with a        (read here, ≤ 255 B,   (round robin      (key exchange,
//              notice and a retry hint)     identTimeoutMs)        over sources)     authentication)
//   └──────────────────────── authTimeoutMs from accept, whatever the phase ───────────────────┘
//
// Why this shape (issue 17 item 1): idle or slow sockets must not keep agents out. A socket holds
// a handshake slot only once it has sent its identification line, so sockets that send nothing
// (or one byte every few seconds) cost a descriptor and a timer, never a slot. Waiting sockets
// are served round robin across sources, and one source holds at most a share of the slots, so
// an address that queues hundreds of sockets does not delay another address's agent. Every
// unauthenticated socket has a deadline from accept, and each source a cap on them. When the
// hub cannot serve a connection soon (capacity, queue, per-source cap), it says so at once with
// a retry hint rather than letting the agent time out.

import type net from 'node:net';
import type { Logger } from 'pino';
import { NoticeCode, RETRY_HINT_SPREAD } from '../protocol/notice.js';
import type { HubLimits } from './limits.js';
import { refuseSocket } from './refuse-socket.js';
import { createRetryPlaces } from './retry-places.js';
import type { ThrottledLog } from './throttled-log.js';
import { boundLogger } from '../lib/bound-logger.js';
import { coalesceWrites } from '../lib/coalesce-writes.js';

/** Places booked per handshake time so that returns within the agents' spread keep pace. */
const ARRIVAL = Math.log1p(RETRY_HINT_SPREAD) / RETRY_HINT_SPREAD;
/** RFC 4253 §4.2: the identification line is at most 255 bytes, CR LF included. */
const MAX_IDENT_BYTES = 255;
/** Refused sockets waiting for their peer to read the notice, at most (beyond: dropped). */
const MAX_LINGERING_REFUSALS = 256;

export interface GateEntry {
  readonly socket: net.Socket;
  readonly source: string;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly log: Logger;
  /** Authentication succeeded: the socket leaves the gate (its slot goes to the next one). */
  authenticated(): void;
}

export interface HandshakeGate {
  admit(socket: net.Socket): void;
  /** The entry of a socket ssh2 has taken over, by "address:port" as ssh2 reports them. */
  take(address: string, port: number): GateEntry | undefined;
  readonly inProgress: number;
  readonly queued: number;
  /** Every connection the hub holds: in the gate and authenticated. */
  readonly connections: number;
  closeAll(): void;
}

export interface GateDeps {
  limits: HubLimits;
  maxConnections(): number;
  ident: string;
  logger: Logger;
  logs: {
    refused: ThrottledLog;
    timedOut: ThrottledLog;
    badIdent: ThrottledLog;
  };
  /** Hands an identified socket to ssh2 (its identification line is back in the socket). */
  startHandshake(socket: net.Socket): void;
}

type Phase = 'ident' | 'queued' | 'handshake' | 'authenticated' | 'closed';

interface Entry extends GateEntry {
  phase: Phase;
  /** performance.now() at accept, and when the current phase's deadline falls. */
  acceptedAt: number;
  deadlineAt: number;
  startedAt: number;
  timer: NodeJS.Timeout | null;
}

/** The unit of fairness: an IPv4 address, or an IPv6 /64 (one host usually owns a whole /64). */
export function sourceOf(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('::');
  const groups = head === '' ? [] : head.split(':');
  if (tail !== undefined) {
    const rest = tail === '' ? [] : tail.split(':');
    while (groups.length + rest.length < 8) groups.push('0');
    groups.push(...rest);
  }
  return `${groups.slice(0, 4).join(':')}::/64`;
}

export function createHandshakeGate(deps: GateDeps): HandshakeGate {
  const { limits } = deps;
  const all = new Set<Entry>();
  const bySocketKey = new Map<string, Entry>();
  const perSource = new Map<string, { pending: number; inProgress: number }>();
  // Waiting entries by source; the Map's order is the round-robin ring (a served source moves
  // to the back).
  const waiting = new Map<string, Entry[]>();
  let queued = 0;
  let inProgress = 0;
  let refusing = 0;
  // Recent handshake duration, for retry hints: how long the queue ahead takes to drain.
  let handshakeMsEstimate = 50;

  const places = createRetryPlaces({
    minMs: limits.retryAfterMinMs,
    maxMs: limits.retryAfterMaxMs,
  });

  /** The retry hint for a connection refused from `queue` ('*': the hub's; else a source). */
  function hint(queue: string, ahead: number, slots: number): number {
    // The agent comes back uniformly within [hint, hint × (1 + s)] (RETRY_HINT_SPREAD): places
    // booked every d ms then arrive at about ln(1 + s) / (s × d) a second, so d is that share of
    // the queue's time per handshake, which keeps the gate busy without refusing the returns.
    // (The hint itself is drawn between the first free place and the booked one: the line is
    // booked at this pace, and its near places are filled by those refused again.)
    const perHandshakeMs = handshakeMsEstimate / Math.max(1, slots);
    return places.book(queue, performance.now(), ahead * perHandshakeMs, perHandshakeMs * ARRIVAL);
  }

  function refuse(socket: net.Socket, why: string, message: string, retryAfterMs: number): void {
    const remoteAddress = socket.remoteAddress ?? 'unknown';
    deps.logs.refused(
      `${sourceOf(remoteAddress)}: ${why}`,
      deps.logger,
      { remoteAddress, retryAfterMs },
      `connection refused: ${why}`,
    );
    // A refused socket lingers up to a second for its notice; under a flood of them, the
    // descriptors matter more than the courtesy.
    if (refusing >= MAX_LINGERING_REFUSALS) return void socket.destroy();
    refusing += 1;
    socket.once('close', () => (refusing -= 1));
    const notice = {
      code: NoticeCode.overloaded,
      message: `${message}; try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
      retryAfterMs,
    };
    refuseSocket(socket, notice, deps.ident);
  }

  function counts(source: string): { pending: number; inProgress: number } {
    let found = perSource.get(source);
    if (!found) perSource.set(source, (found = { pending: 0, inProgress: 0 }));
    return found;
  }

  function admit(socket: net.Socket): void {
    socket.setNoDelay(true);
    // ssh2 writes one socket write per packet: a turn's packets go out as one writev.
    coalesceWrites(socket);
    socket.on('error', () => undefined); // reported through ssh2, or the close below
    const remoteAddress = socket.remoteAddress ?? 'unknown';
    const remotePort = socket.remotePort ?? 0;
    const source = sourceOf(remoteAddress);

    if (all.size >= deps.maxConnections()) {
      return refuse(
        socket,
        'at connection capacity',
        `The server holds as many connections as its open-files budget allows (${deps.maxConnections()})`,
        limits.retryAfterMaxMs,
      );
    }
    const mine = perSource.get(source);
    if (mine && mine.pending >= limits.maxPendingPerSource) {
      return refuse(
        socket,
        'too many unauthenticated connections from this source',
        `The server is admitting ${limits.maxPendingPerSource} connections from ${source} already`,
        hint(source, mine.pending, limits.maxConcurrentHandshakesPerSource),
      );
    }
    if (queued >= limits.maxQueuedHandshakes) {
      return refuse(
        socket,
        'handshake queue full',
        `The server is admitting ${queued + inProgress} agents already`,
        hint('*', queued, limits.maxConcurrentHandshakes),
      );
    }

    const acceptedAt = performance.now();
    const entry: Entry = {
      socket,
      source,
      remoteAddress,
      remotePort,
      log: boundLogger(deps.logger, { remoteAddress, remotePort }),
      phase: 'ident',
      acceptedAt,
      deadlineAt: acceptedAt + limits.identTimeoutMs,
      startedAt: 0,
      timer: null,
      authenticated: () => leaveGate(entry),
    };
    all.add(entry);
    counts(source).pending += 1;
    socket.once('close', () => closed(entry));
    arm(entry);
    readIdent(entry);
  }

  // Timers count from the event loop's cached clock, which can lag the moment they were set, so
  // one may fire a little before its deadline: it is then set again for what is left.
  function arm(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    const left = Math.max(0, Math.ceil(entry.deadlineAt - performance.now()));
    entry.timer = setTimeout(() => expire(entry), left);
  }

  function expire(entry: Entry): void {
    const phase = entry.phase;
    if (phase === 'authenticated' || phase === 'closed') return;
    if (performance.now() < entry.deadlineAt) return arm(entry);
    deps.logs.timedOut(
      `${entry.source}: ${phase}`,
      entry.log,
      { phase, afterMs: Math.round(performance.now() - entry.acceptedAt) },
      phase === 'ident'
        ? 'connection sent no SSH identification in time; closed'
        : 'SSH handshake did not authenticate in time; closed',
    );
    entry.socket.destroy();
  }

  function readIdent(entry: Entry): void {
    const { socket } = entry;
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const newline = buffered.indexOf(0x0a);
      if (newline === -1) {
        if (buffered.length >= MAX_IDENT_BYTES) badIdent('no line end within 255 bytes');
        return;
      }
      socket.off('data', onData);
      socket.pause();
      if (newline + 1 > MAX_IDENT_BYTES || buffered.subarray(0, 4).toString('latin1') !== 'SSH-')
        return badIdent('not an SSH identification line');
      // Give the bytes back: ssh2 reads the identification line itself.
      socket.unshift(buffered);
      identified(entry);
    };
    const badIdent = (why: string): void => {
      socket.off('data', onData);
      deps.logs.badIdent(entry.source, entry.log, { why }, 'not an SSH client; closed');
      socket.destroy();
    };
    socket.on('data', onData);
  }

  function identified(entry: Entry): void {
    if (entry.phase !== 'ident') return;
    if (queued >= limits.maxQueuedHandshakes) {
      // The queue filled while this one was identifying. It stays counted until it closes.
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = null;
      return refuse(
        entry.socket,
        'handshake queue full',
        `The server is admitting ${queued + inProgress} agents already`,
        hint('*', queued, limits.maxConcurrentHandshakes),
      );
    }
    entry.deadlineAt = entry.acceptedAt + limits.authTimeoutMs;
    arm(entry);
    entry.phase = 'queued';
    let list = waiting.get(entry.source);
    if (!list) waiting.set(entry.source, (list = []));
    list.push(entry);
    queued += 1;
    startNext();
  }

  function startNext(): void {
    while (inProgress < limits.maxConcurrentHandshakes && queued > 0) {
      let next: Entry | undefined;
      for (const [source, list] of waiting) {
        if (counts(source).inProgress >= limits.maxConcurrentHandshakesPerSource) continue;
        next = list.shift();
        waiting.delete(source);
        if (list.length > 0) waiting.set(source, list); // to the back of the ring
        break;
      }
      if (!next) return; // every waiting source is at its share
      queued -= 1;
      start(next);
    }
  }

  function start(entry: Entry): void {
    entry.phase = 'handshake';
    entry.startedAt = Date.now();
    inProgress += 1;
    counts(entry.source).inProgress += 1;
    bySocketKey.set(`${entry.remoteAddress}:${entry.remotePort}`, entry);
    deps.startHandshake(entry.socket);
  }

  /** Takes the entry out of whatever gate phase it is in, freeing its slot for the next one. */
  function release(entry: Entry, next: Phase): void {
    const phase = entry.phase;
    if (phase === 'authenticated' || phase === 'closed') {
      entry.phase = next === 'closed' ? 'closed' : phase;
      return;
    }
    entry.phase = next;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = null;
    const mine = counts(entry.source);
    mine.pending -= 1;
    if (phase === 'queued') {
      const list = waiting.get(entry.source);
      const at = list?.indexOf(entry) ?? -1;
      if (list && at !== -1) {
        list.splice(at, 1);
        queued -= 1;
        if (list.length === 0) waiting.delete(entry.source);
      }
    }
    if (phase === 'handshake') {
      inProgress -= 1;
      mine.inProgress -= 1;
      const took = Date.now() - entry.startedAt;
      if (next === 'authenticated') handshakeMsEstimate = 0.8 * handshakeMsEstimate + 0.2 * took;
    }
    if (mine.pending === 0) perSource.delete(entry.source);
    startNext();
  }

  function leaveGate(entry: Entry): void {
    release(entry, 'authenticated');
  }

  function closed(entry: Entry): void {
    release(entry, 'closed');
    all.delete(entry);
    bySocketKey.delete(`${entry.remoteAddress}:${entry.remotePort}`);
  }

  return {
    admit,
    take(address, port) {
      const key = `${address}:${port}`;
      const entry = bySocketKey.get(key);
      bySocketKey.delete(key);
      return entry;
    },
    get inProgress() {
      return inProgress;
    },
    get queued() {
      return queued;
    },
    get connections() {
      return all.size;
    },
    closeAll() {
      for (const entry of all) entry.socket.destroy();
    },
  };
}
