// The entry's end of the server-to-server channel (./peer-protocol.ts): one WebSocket per peer
// URL, opened when a call first needs it, shared by every call to that server. A connection
// that fails or drops ends every request on it (`closed`, naming the server and its URL); the
// next one opens after a backoff (100 ms, doubling to 5 s; reset by a successful handshake), and
// until then requests fail at once rather than pile up behind a dead server.

import type { Logger } from 'pino';
import WebSocket, { type RawData } from 'ws';
import { AgentCallError, AgentCallFailure } from '../../hub/errors.js';
import type { ByteHandler } from './peer-stream.js';
import {
  challengeFrame,
  holderFrame,
  MAX_PEER_FRAME_BYTES,
  newNonce,
  parseFrame,
  PEER_HANDSHAKE_MS,
  PEER_PATH,
  proofMatches,
  proofOf,
  welcomeFrame,
  type EntryFrame,
  type HolderFrame,
} from './peer-protocol.js';

const BACKOFF_MIN_MS = 100;
const BACKOFF_MAX_MS = 5_000;

type Reply = (frame: HolderFrame) => void;

export interface PeerConnection {
  readonly server: string;
  readonly url: string;
  readonly closed: boolean;
  /** Resolves once authenticated; rejects with AgentCallError `closed` when it cannot be. */
  readonly ready: Promise<void>;
  /** Sends a request frame; `reply` gets its answer(s) until `forget`. */
  request(build: (id: number) => EntryFrame, reply: Reply): number;
  /** Sends a frame that has no answer (cancel, release, close). */
  send(frame: EntryFrame): void;
  forget(id: number): void;
  /** Ends the connection (this server shuts down). */
  close(): void;
  /** Called once when the connection ends (at once if it has), with the error to give. */
  onClose(listener: (error: AgentCallError) => void): () => void;
  /** For a connection that carries one byte stream (./peer-stream.ts): its socket, and where
   * its messages go once the stream is ready. Absent on a connection that can never open. */
  readonly stream?: { socket: WebSocket; divert(handler: ByteHandler): void };
}

const wsUrlOf = (peerUrl: string): string => {
  const url = new URL(PEER_PATH, peerUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
};

function connect(
  self: string,
  server: string,
  url: string,
  credential: Promise<string>,
  logger: Logger,
): PeerConnection {
  const replies = new Map<number, Reply>();
  const listeners = new Set<(error: AgentCallError) => void>();
  let nextId = 1;
  let ended: AgentCallError | null = null;
  let markReady!: () => void;
  let markFailed!: (error: AgentCallError) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);
  let authenticated = false;
  const ws = new WebSocket(wsUrlOf(url), { maxPayload: MAX_PEER_FRAME_BYTES });

  const end = (why: string): void => {
    if (ended) return;
    ended = new AgentCallError(
      AgentCallFailure.closed,
      `server ${server} holds the client and is unreachable at ${url}: ${why}`,
    );
    markFailed(ended);
    ws.terminate();
    for (const listener of [...listeners]) listener(ended);
    listeners.clear();
    replies.clear();
  };
  const timer = setTimeout(() => end('no handshake in time'), PEER_HANDSHAKE_MS);
  ws.on('error', (error) => end(error.message));
  ws.on('close', (code, reason) => {
    clearTimeout(timer);
    end(`connection closed (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})`);
  });
  let nonce: string | null = null;
  let holderNonce = '';
  let diverted: ByteHandler | null = null;
  ws.on('message', (data: RawData, binary) => {
    if (diverted) return diverted(data, binary);
    const raw = binary ? '' : data.toString();
    if (nonce === null) {
      const challenge = parseFrame(challengeFrame, raw);
      if (!challenge || challenge.server !== server)
        return end(`it did not introduce itself as ${server}`);
      nonce = newNonce();
      holderNonce = challenge.nonce;
      const own = nonce;
      credential.then(
        (key) =>
          ws.send(
            JSON.stringify({
              t: 'hello',
              server: self,
              nonce: own,
              proof: proofOf(key, 'entry', {
                ownNonce: own,
                otherNonce: holderNonce,
                own: self,
                other: server,
              }),
            }),
          ),
        (error: unknown) => end(`cluster credential unavailable: ${String(error)}`),
      );
      return;
    }
    if (!authenticated) {
      const welcome = parseFrame(welcomeFrame, raw);
      void credential.then((key) => {
        const expected = proofOf(key, 'holder', {
          ownNonce: holderNonce,
          otherNonce: nonce ?? '',
          own: server,
          other: self,
        });
        if (!welcome || !proofMatches(expected, welcome.proof)) {
          logger.warn(
            { peer: server, url },
            'peer channel: the holder did not prove the credential',
          );
          return end('it did not prove the cluster credential');
        }
        clearTimeout(timer);
        authenticated = true;
        markReady();
      });
      return;
    }
    const frame = parseFrame(holderFrame, raw);
    if (!frame) return end('it sent a malformed frame');
    replies.get(frame.id)?.(frame);
  });

  return {
    server,
    url,
    ready,
    get closed() {
      return ended !== null;
    },
    request(build, reply) {
      const id = nextId++;
      replies.set(id, reply);
      this.send(build(id));
      return id;
    },
    send(frame) {
      if (!ended && ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    },
    forget(id) {
      replies.delete(id);
    },
    close() {
      end('this server is shutting down');
    },
    onClose(listener) {
      if (ended) {
        listener(ended);
        return () => undefined;
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stream: {
      socket: ws,
      divert(handler) {
        diverted = handler;
      },
    },
  };
}

export function createPeerPool(deps: {
  /** This server's name (the entry's in the handshake). */
  name: string;
  credential: () => Promise<string>;
  logger: Logger;
}) {
  const current = new Map<
    string,
    { connection: PeerConnection; retryAt: number; backoff: number }
  >();
  const streams = new Set<PeerConnection>();
  return {
    /** The connection to `server` at `url`: the open one, a new one, or (backing off) a dead one. */
    connection(server: string, url: string): PeerConnection {
      const known = current.get(url);
      if (known && (!known.connection.closed || Date.now() < known.retryAt))
        return known.connection;
      const backoff = known ? Math.min(known.backoff * 2, BACKOFF_MAX_MS) : BACKOFF_MIN_MS;
      const connection = connect(deps.name, server, url, deps.credential(), deps.logger);
      const entry = { connection, retryAt: 0, backoff };
      current.set(url, entry);
      connection.ready.then(
        () => (entry.backoff = BACKOFF_MIN_MS / 2),
        () => undefined,
      );
      connection.onClose((error) => {
        entry.retryAt = Date.now() + entry.backoff;
        deps.logger.warn({ peer: server, url, retryInMs: entry.backoff }, error.message);
      });
      return connection;
    },
    /** A connection of its own to `server` (one routed byte stream), closed with the stream. */
    dedicated(server: string, url: string): PeerConnection {
      const connection = connect(deps.name, server, url, deps.credential(), deps.logger);
      streams.add(connection);
      connection.onClose(() => streams.delete(connection));
      return connection;
    },
    close(): void {
      for (const { connection } of current.values()) connection.close();
      for (const connection of streams) connection.close();
      current.clear();
    },
  };
}

export type PeerPool = ReturnType<typeof createPeerPool>;
