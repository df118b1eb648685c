// The agent's SSH keepalives, sent only when the server has gone quiet. ssh2's client sends one
// every interval whatever the traffic; OpenSSH's client (ServerAliveInterval) only after that
// long without hearing from the server, which is what a keepalive is for. The server's heartbeats
// come every 30 s (± 10 %) and the agent waits 40 s (AGENT_KEEPALIVE): while they flow, it sends
// none. At 10,000 agents that is 670 fewer packets a second for the server (it sent two a beat).
//
//   bytes from the server ──▶ ssh2's keepalive interval and its count of unanswered ones start
//                             again (at most every quarter interval); silence ──▶ keepalives as
//                             before, and the link is cut after countMax unanswered
//
// ssh2 has no public call for it: its client keeps the restart as `_resetKA` (ssh2 1.x). Where it
// is missing, keepalives stay as ssh2 sends them.

import type net from 'node:net';
import type { Client } from 'ssh2';

/** Restarts the keepalives of `client` whenever `socket` (its link) brings bytes from the server. */
export function keepaliveOnSilence(client: Client, socket: net.Socket, intervalMs: number): void {
  const restart = (client as unknown as { _resetKA?: () => void })._resetKA;
  if (typeof restart !== 'function' || intervalMs <= 0) return;
  const everyMs = intervalMs / 4;
  let last = performance.now();
  socket.on('data', () => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    restart.call(client);
  });
}
