// Clients on their way between servers (a drain, ./drain.ts): the server that sent one away
// keeps its name as holder and clears only the connection, until the agent lands on another
// server. Such a client shows online, no server routes to it, and a call for it waits for it to
// land instead of failing CLIENT_OFFLINE.

import type { ClientRecord, Store } from '../../store/index.js';
import type { AgentLink } from '../agent-link.js';

/** How long a call waits for a client on its way to another server (a drain) to arrive. */
export const MOVE_WAIT_MS = 20_000;
const MOVE_POLL_MS = 25;

export function createArrivals(deps: {
  store: Store;
  /** Whether this server holds the client's link now. */
  here(uuid: string): boolean;
  /** This server's link to the client, or a route to the server holding it. */
  linkOf(uuid: string): AgentLink | undefined;
  isAlive?: ((server: string) => boolean) | undefined;
}) {
  /** On its way to another server: its holder sent it away (a drain) and is still alive. */
  function moving(row: ClientRecord): boolean {
    return (
      row.heldBy !== null &&
      row.heldConnection === null &&
      !deps.here(row.uuid) &&
      (deps.isAlive?.(row.heldBy) ?? false)
    );
  }

  /**
   * The link to a client, waiting (up to MOVE_WAIT_MS, or until `signal`) for one on its way
   * to another server to arrive there, so a drain fails no call; undefined when offline.
   */
  async function linkWhenSettled(
    row: ClientRecord,
    signal?: AbortSignal,
  ): Promise<AgentLink | undefined> {
    let link = deps.linkOf(row.uuid);
    if (link || !moving(row)) return link;
    const deadline = Date.now() + MOVE_WAIT_MS;
    let current: ClientRecord | null = row;
    while (!link && current && moving(current) && Date.now() < deadline && !signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, MOVE_POLL_MS));
      current = await deps.store.clients.get(row.uuid);
      link = deps.linkOf(row.uuid);
    }
    return link;
  }

  /**
   * The link to a client after the server a call was routed to answered that it no longer holds
   * it: that server let the agent go (a drain, a disconnect) and writes so a moment later. Waits
   * (up to MOVE_WAIT_MS, or until `signal`) until the stored hold has moved on from `routed`, the
   * record the call was routed by, then as linkWhenSettled; undefined when offline, or when the
   * hold has not moved on by then.
   */
  async function linkAfterRefusal(
    routed: ClientRecord,
    signal?: AbortSignal,
  ): Promise<AgentLink | undefined> {
    const deadline = Date.now() + MOVE_WAIT_MS;
    const sameHold = (row: ClientRecord): boolean =>
      row.heldBy === routed.heldBy && row.heldConnection === routed.heldConnection;
    let current = await deps.store.clients.get(routed.uuid);
    while (current && sameHold(current) && Date.now() < deadline && !signal?.aborted) {
      await new Promise((resolve) => setTimeout(resolve, MOVE_POLL_MS));
      current = await deps.store.clients.get(routed.uuid);
    }
    if (!current || sameHold(current)) return undefined;
    return linkWhenSettled(current, signal);
  }

  return { moving, linkWhenSettled, linkAfterRefusal };
}
