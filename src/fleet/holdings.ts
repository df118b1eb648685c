// What each API key holds open — graphql-ws sockets, SSE streams, MCP sessions, long requests,
// bulk jobs, shells, tunnels — so that revoking a key (or its expiry) ends all of them at once.
// Doors register what they open (`hold`) and release it when it ends. A sweep every
// SWEEP_INTERVAL_MS ends what expired keys hold, and what keys revoked by another server
// (same database) hold.

import type { Logger } from 'pino';
import type { Store } from '../store/index.js';
import { BOOTSTRAP_KEY_ID, type Principal } from './principal.js';

/** How often held keys are checked for expiry and for revocation by another server. */
export const SWEEP_INTERVAL_MS = 400;

/** Ends one held thing; `reason` says why ("API key revoked", "API key expired"). */
export type EndHeld = (reason: string) => void;

export interface Holdings {
  /** Registers something `principal` holds open; the returned function releases it. */
  hold(principal: Principal, end: EndHeld): () => void;
  /** Ends everything a key holds (it was revoked, or it expired). */
  endAll(keyId: string, reason: string): void;
  /** How many things a key holds now. */
  count(keyId: string): number;
  stop(): void;
}

export function createHoldings(deps: { store: Store; logger: Logger }): Holdings {
  const held = new Map<string, { principal: Principal; ends: Set<EndHeld> }>();
  let timer: NodeJS.Timeout | null = null;
  let sweeping = false;

  function endAll(keyId: string, reason: string): void {
    const entry = held.get(keyId);
    if (!entry) return;
    held.delete(keyId);
    deps.logger.info({ keyId, held: entry.ends.size, reason }, 'ending what an API key holds');
    for (const end of entry.ends) {
      try {
        end(reason);
      } catch (error) {
        deps.logger.warn({ err: error, keyId }, 'ending a held resource failed');
      }
    }
    if (held.size === 0) stopTimer();
  }

  async function sweep(): Promise<void> {
    if (sweeping) return;
    sweeping = true;
    try {
      const now = new Date();
      for (const [keyId, { principal }] of held) {
        if (principal.expiresAt && principal.expiresAt.getTime() <= now.getTime())
          endAll(keyId, `API key "${principal.name}" expired`);
      }
      const ids = [...held.keys()].filter((id) => id !== BOOTSTRAP_KEY_ID);
      if (ids.length === 0) return;
      for (const id of await deps.store.apiKeys.unusable(ids, now))
        endAll(id, `API key "${held.get(id)?.principal.name ?? id}" was revoked`);
    } catch (error) {
      deps.logger.warn({ err: error }, 'sweep of held API keys failed');
    } finally {
      sweeping = false;
    }
  }

  function startTimer(): void {
    if (timer) return;
    timer = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
    timer.unref();
  }
  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  return {
    hold(principal, end) {
      let entry = held.get(principal.keyId);
      if (!entry) {
        entry = { principal, ends: new Set() };
        held.set(principal.keyId, entry);
      }
      entry.ends.add(end);
      startTimer();
      const ends = entry.ends;
      return () => {
        ends.delete(end);
        if (ends.size === 0 && held.get(principal.keyId)?.ends === ends) {
          held.delete(principal.keyId);
          if (held.size === 0) stopTimer();
        }
      };
    },
    endAll,
    count: (keyId) => held.get(keyId)?.ends.size ?? 0,
    stop: stopTimer,
  };
}
