// Draining a server (issue 14: `etphonehome server --drain`): it hands its agents to the other
// servers without failing a call. Asked through the database (./membership.ts reads the request
// at a renewal), the server then
//
//   turns new agent connections away ─▶ the `draining` notice (agents try their next server;
//     a load balancer's health check sees /health answer 503 and sends them elsewhere)
//   sends its agents away, a batch per tick, each once no operation of it is in flight (or
//     after DRAIN_GRACE_MS) ─▶ the agent reconnects at once to another server
//   keeps each one's holder named while it is on its way ─▶ a call for it, on any server, waits
//     for it to land (registry.linkWhenSettled) instead of failing CLIENT_OFFLINE
//
// until it holds none ("drained" in the log, and 0 clients held in the `servers` query); the
// operator then stops it. Open shells and tunnels cannot move: they end with the link.

import type { Logger } from 'pino';
import { NoticeCode, type Notice } from '../../protocol/notice.js';

/** How long a drain waits for a client's operations in flight before moving it anyway. */
export const DRAIN_GRACE_MS = 60_000;
/** Clients sent away per tick, so the other servers take them without a storm. */
const MOVE_BATCH = 100;
const TICK_MS = 100;
/** What an agent turned away by a draining server waits before its next try. */
const TURNED_AWAY_RETRY_MS = 2_000;

export interface Drain {
  readonly draining: boolean;
  /** The notice for a new agent connection while draining; null otherwise. */
  turnAway(): Notice | null;
  /** Starts draining (once). */
  start(): void;
  stop(): Promise<void>;
}

export function createDrain(deps: {
  server: string;
  registry: {
    heldUuids(): string[];
    moveOut(uuid: string, notice: Notice): boolean;
  };
  /** Operations on a client holding a permit now. */
  inFlight(uuid: string): number;
  logger: Logger;
  graceMs?: number;
}): Drain {
  const { server, logger } = deps;
  let draining = false;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const message = `Server ${server} is draining: connect to another server of the fleet.`;

  async function moveAll(): Promise<void> {
    const busySince = new Map<string, number>();
    let moved = 0;
    while (!stopped) {
      const held = deps.registry.heldUuids();
      if (held.length === 0) {
        logger.warn({ moved }, 'drained: this server holds no agents; stop it now');
        return;
      }
      const now = Date.now();
      let batch = 0;
      for (const uuid of held) {
        if (batch >= MOVE_BATCH) break;
        const since = busySince.get(uuid) ?? now;
        if (deps.inFlight(uuid) > 0 && now - since < (deps.graceMs ?? DRAIN_GRACE_MS)) {
          busySince.set(uuid, since);
          continue;
        }
        busySince.delete(uuid);
        if (deps.registry.moveOut(uuid, { code: NoticeCode.draining, message })) {
          batch += 1;
          moved += 1;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
  }

  return {
    get draining() {
      return draining;
    },
    turnAway() {
      return draining
        ? { code: NoticeCode.draining, message, retryAfterMs: TURNED_AWAY_RETRY_MS }
        : null;
    },
    start() {
      if (draining) return;
      draining = true;
      logger.warn({ held: deps.registry.heldUuids().length }, 'draining: sending agents away');
      running = moveAll().catch((error: unknown) => {
        logger.error({ err: error }, 'draining stopped on an error');
      });
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
