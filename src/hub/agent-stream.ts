// A byte stream the agent accepted (a shell, one forwarded TCP connection): its channel, the
// agent's ready reply, and the half-close ssh2 needs (EOF without CLOSE).

import type { Duplex } from 'node:stream';
import type { StreamReady } from '../protocol/stream.js';

/** A byte stream the agent accepted: its channel, and what the agent said in its ready reply. */
export interface AgentStream {
  /** Paused: attach the reader, then pipe() or resume() it (nothing is lost before). */
  channel: Duplex;
  ready: StreamReady;
  /**
   * Ends what the hub sends and keeps reading (a half-close): SSH EOF alone. `channel.end()`
   * would not do: ssh2's server side sends CLOSE with its EOF, ending both directions.
   */
  halfClose(): void;
}

export function halfCloseOf(channel: Duplex): () => void {
  return () => {
    const sshChannel = channel as Duplex & { eof?: () => void };
    if (typeof sshChannel.eof === 'function') sshChannel.eof();
    else channel.end();
  };
}
