// The agent's SSH keepalives, sent only when the server has gone quiet. ssh2's client sends one
// every interval whatever the traffic; OpenSSH's client (ServerAliveInterval) only after that
// long without hearing from the server, which is what a keepalive is for. A server that asks for
// heartbeats asks every 30 s (± 10 %) and the agent waits 40 s (AGENT_KEEPALIVE): while they
// flow, it sends none. A server that takes the agent's own beats (./beats.ts) says nothing
// between the answers the beats ask for; the beats hold the keepalives off instead, and the
// missing answer is what ends a dead link.
//
//   bytes from the server ──▶ ssh2's keepalive interval and its count of unanswered ones start
//                             again (at most every quarter interval); silence ──▶ keepalives as
//                             before, and the link is cut after countMax unanswered
//
// ssh2 has no public call for it: its client keeps the restart as `_resetKA` (ssh2 1.x). Where it
// is missing, keepalives stay as ssh2 sends them.

import type net from 'node:net';
import type { Client } from 'ssh2';

/** What the link's beats need to know of it (./beats.ts). */
export interface LinkSilence {
  /** Milliseconds since the last byte from the server (since the link opened, before any). */
  silentForMs(): number;
  /** Starts ssh2's keepalive interval again, as a byte from the server would. */
  holdKeepalives(): void;
}

/** Restarts the keepalives of `client` whenever `socket` (its link) brings bytes from the server. */
export function keepaliveOnSilence(
  client: Client,
  socket: net.Socket,
  intervalMs: number,
): LinkSilence {
  const restart = (client as unknown as { _resetKA?: () => void })._resetKA;
  const restarts = typeof restart === 'function' && intervalMs > 0;
  const everyMs = intervalMs / 4;
  let heard = performance.now();
  let restarted = heard;
  socket.on('data', () => {
    heard = performance.now();
    if (!restarts || heard - restarted < everyMs) return;
    restarted = heard;
    restart.call(client);
  });
  return {
    silentForMs: () => performance.now() - heard,
    holdKeepalives: () => {
      if (restarts) restart.call(client);
    },
  };
}
