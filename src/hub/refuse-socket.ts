// Turning a TCP connection away before any SSH work: one notice line (what the hub decided and
// when to come back), our identification line, then the end. No key exchange, no cryptography,
// so a storm of refusals costs the hub almost nothing. See ../protocol/notice.ts.

import type net from 'node:net';
import { formatNoticeLine, type Notice } from '../protocol/notice.js';

/** How long a refused socket may linger for the peer to read the notice and close. */
const LINGER_MS = 1000;

export function refuseSocket(socket: net.Socket, notice: Notice, ident: string): void {
  socket.on('error', () => undefined);
  // Read (and drop) what the peer sends, so closing never meets unread data (which would turn
  // the FIN into a reset that can discard the notice before the peer reads it).
  socket.resume();
  // The identification line makes ssh2's client report the notice (its 'greeting' event); it then
  // sees the connection end before any key exchange.
  socket.end(`${formatNoticeLine(notice)}SSH-2.0-${ident}\r\n`);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
