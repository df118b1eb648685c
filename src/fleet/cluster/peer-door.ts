// The holder's end of the server-to-server channel (./peer-protocol.ts): `/peer` on the HTTP
// listener. A socket is authenticated by the cluster credential (mutual HMAC challenge) before
// anything else; a failed handshake, a malformed or oversized frame closes that socket only,
// with one log line. Calls, byte streams and transfers go to this server's OWN link to the
// agent, never forwarded again (a server that no longer holds the client answers `closed`: no
// loops between servers).
// Permits are taken from this server's limiter, so a routed client's limits count once; those
// a socket holds are released when it ends.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { describeIssues, rpcSchemas, streamHeaderSchema } from '../../protocol/schemas.js';
import type { StreamHeader } from '../../protocol/stream.js';
import { holderStream, type ByteHandler } from './peer-stream.js';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { AgentCallError, AgentCallFailure } from '../../hub/errors.js';
import { parseNotice } from '../../protocol/notice.js';
import type { RpcMethods } from '../../protocol/rpc.js';
import type { AgentLink, LimiterAnswer } from '../agent-link.js';
import type { Permit, RateLimits } from '../rate-limit.js';
import {
  NOT_HELD,
  entryFrame,
  helloFrame,
  MAX_PEER_FRAME_BYTES,
  newNonce,
  parseFrame,
  PEER_HANDSHAKE_MS,
  PeerCloseCode,
  proofMatches,
  proofOf,
  type HolderFrame,
} from './peer-protocol.js';

export interface PeerDoorDeps {
  /** This server's name (the holder's in the handshake). */
  name: string;
  credential: () => Promise<string>;
  /** This server's own link to the client (never a forwarding one). */
  localLink: (uuid: string) => AgentLink | undefined;
  acquire: (uuid: string, clientName: string, limits: RateLimits) => Promise<LimiterAnswer>;
  logger: Logger;
}

const text = (data: RawData): string =>
  Buffer.isBuffer(data)
    ? data.toString('utf8')
    : Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.from(data).toString('utf8');

export function createPeerDoor(deps: PeerDoorDeps) {
  const { logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PEER_FRAME_BYTES });
  const sockets = new Set<WebSocket>();

  function refuse(ws: WebSocket, code: number, why: string, remote: string | undefined): void {
    logger.warn({ remoteAddress: remote, code }, `peer channel refused: ${why}`);
    // A socket paused for the proof check could not read the close reply (a 30 s wait).
    if (ws.isPaused) ws.resume();
    ws.close(code, why.slice(0, 120));
  }

  function serve(ws: WebSocket, remote: string | undefined): void {
    sockets.add(ws);
    const send = (frame: HolderFrame): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const calls = new Map<number, AbortController>();
    const permits = new Map<number, Permit>();
    let peer: string | null = null;
    // Set once this socket carries a byte stream (./peer-stream.ts): its messages go there.
    let bytes: ByteHandler | null = null;
    const nonce = newNonce();
    const handshake = setTimeout(
      () => refuse(ws, PeerCloseCode.unauthorized, 'no handshake in time', remote),
      PEER_HANDSHAKE_MS,
    );
    ws.on('error', () => ws.terminate());
    ws.on('close', (code) => {
      clearTimeout(handshake);
      sockets.delete(ws);
      // 1009: over maxPayload (ws closes it itself); say so once, like any refusal.
      if (code === 1009) logger.warn({ remoteAddress: remote, peer }, 'peer frame too large');
      for (const controller of calls.values()) controller.abort();
      for (const permit of permits.values()) permit.release();
      calls.clear();
      permits.clear();
    });

    /**
     * Takes the permit a call carries, answers `permitted` or `refused`, and when permitted runs
     * `call`, releasing the permit when it ends (or the socket does).
     */
    async function permitted(
      id: number,
      uuid: string,
      request: { clientName: string; limits: RateLimits },
      signal: AbortSignal,
      call: () => Promise<void>,
    ): Promise<void> {
      const answer = await deps.acquire(uuid, request.clientName, request.limits);
      const { permit } = answer;
      if (permit && (signal.aborted || ws.readyState !== ws.OPEN)) {
        permit.release();
        throw new AgentCallError(AgentCallFailure.aborted, 'call aborted by the caller');
      }
      send(answerFrame(id, answer));
      if (!permit) return;
      permits.set(id, permit);
      try {
        await call();
      } finally {
        permit.release();
        permits.delete(id);
      }
    }

    const credential = deps.credential();
    credential.catch(() => undefined);
    ws.send(JSON.stringify({ t: 'challenge', server: deps.name, nonce }));

    ws.on('message', (data, binary) => {
      if (bytes) return bytes(data, binary);
      const raw = binary ? null : text(data);
      if (peer === null) {
        const hello = raw === null ? null : parseFrame(helloFrame, raw);
        if (!hello) return refuse(ws, PeerCloseCode.unauthorized, 'no valid hello', remote);
        ws.pause(); // nothing else until the proof is checked
        credential.then(
          (key) => {
            const parts = { ownNonce: hello.nonce, otherNonce: nonce };
            const expected = proofOf(key, 'entry', {
              ...parts,
              own: hello.server,
              other: deps.name,
            });
            if (!proofMatches(expected, hello.proof))
              return refuse(
                ws,
                PeerCloseCode.unauthorized,
                `wrong proof from "${hello.server}"`,
                remote,
              );
            clearTimeout(handshake);
            peer = hello.server;
            const mine = proofOf(key, 'holder', {
              ownNonce: nonce,
              otherNonce: hello.nonce,
              own: deps.name,
              other: hello.server,
            });
            ws.send(JSON.stringify({ t: 'welcome', proof: mine }));
            ws.resume();
          },
          (error: unknown) => {
            logger.error({ err: error }, 'peer channel: cannot read the cluster credential');
            ws.close(PeerCloseCode.goingAway, 'credential unavailable');
          },
        );
        return;
      }
      const frame = raw === null ? null : parseFrame(entryFrame, raw);
      if (!frame)
        return refuse(ws, PeerCloseCode.malformed, `malformed frame from "${peer}"`, remote);
      switch (frame.t) {
        case 'call': {
          const link = deps.localLink(frame.uuid);
          if (!link) {
            send({
              t: 'error',
              id: frame.id,
              kind: AgentCallFailure.closed,
              message: `server ${deps.name} no longer holds the client`,
              // Never sent to the agent: the entry may try again where the client is now.
              remoteCode: NOT_HELD,
            });
            return;
          }
          const controller = new AbortController();
          calls.set(frame.id, controller);
          const call = (): Promise<void> =>
            link
              .call(frame.method as keyof RpcMethods, frame.params as never, {
                timeoutMs: frame.timeoutMs,
                signal: controller.signal,
              })
              .then(
                (result) => send({ t: 'result', id: frame.id, result }),
                (error: unknown) => send(errorFrame(frame.id, error)),
              );
          const { permit } = frame;
          (permit ? permitted(frame.id, frame.uuid, permit, controller.signal, call) : call())
            .catch((error: unknown) => send(errorFrame(frame.id, error)))
            .finally(() => calls.delete(frame.id));
          return;
        }
        case 'cancel':
          calls.get(frame.id)?.abort();
          return;
        case 'close': {
          const notice = frame.notice === undefined ? null : parseNotice(frame.notice);
          logger.info({ peer, uuid: frame.uuid }, 'peer asked to close an agent link');
          deps.localLink(frame.uuid)?.close(frame.reason, notice ?? undefined);
          return;
        }
        case 'permit':
          void deps.acquire(frame.uuid, frame.clientName, frame.limits).then(
            (answer) => {
              if (answer.permit && ws.readyState !== ws.OPEN) return answer.permit.release();
              if (answer.permit) permits.set(frame.id, answer.permit);
              send(answerFrame(frame.id, answer));
            },
            (error: unknown) => send(errorFrame(frame.id, error)),
          );
          return;
        case 'release':
          permits.get(frame.id)?.release();
          permits.delete(frame.id);
          return;
        case 'stream': {
          const link = deps.localLink(frame.uuid);
          const header = streamHeaderSchema.safeParse(frame.header);
          if (!link || !header.success) {
            send({
              t: 'error',
              id: frame.id,
              kind: link ? AgentCallFailure.protocol : AgentCallFailure.closed,
              message: link
                ? 'malformed stream header'
                : `server ${deps.name} no longer holds the client`,
            });
            return;
          }
          const controller = new AbortController();
          calls.set(frame.id, controller);
          // Nothing else arrives on this socket until the stream is open.
          ws.pause();
          link
            .openStream(header.data as StreamHeader, {
              timeoutMs: frame.timeoutMs,
              signal: controller.signal,
            })
            .then(
              (stream) => {
                if (ws.readyState !== ws.OPEN) return void stream.channel.destroy();
                send({ t: 'ready', id: frame.id, ready: stream.ready });
                holderStream(ws, (handler) => (bytes = handler), stream);
                ws.resume();
              },
              (error: unknown) => {
                send(errorFrame(frame.id, error));
                ws.resume();
              },
            )
            .finally(() => calls.delete(frame.id));
          return;
        }
        case 'transfer': {
          const link = deps.localLink(frame.uuid);
          const params = rpcSchemas[frame.method].params.safeParse(frame.params);
          if (!params.success || !link) {
            send({
              t: 'error',
              id: frame.id,
              kind: params.success ? AgentCallFailure.closed : AgentCallFailure.protocol,
              message: params.success
                ? `server ${deps.name} no longer holds the client`
                : `malformed ${frame.method} request (${describeIssues(params.error)})`,
            });
            return;
          }
          // Nothing else arrives on this socket until the transfer is open.
          ws.pause();
          link.openTransfer(frame.method, params.data as never).then(
            (transfer) => {
              if (ws.readyState !== ws.OPEN) return transfer.close();
              send({ t: 'ready', id: frame.id, ready: { requestId: transfer.requestId } });
              // The entry closing its end (done, cancelled, gone) closes the channel at once,
              // as a local close() does: before the agent's reply, that cancels the transfer.
              ws.once('close', () => transfer.close());
              transfer.bytes.once('close', () => transfer.close());
              holderStream(ws, (handler) => (bytes = handler), { channel: transfer.bytes });
              ws.resume();
            },
            (error: unknown) => {
              send(errorFrame(frame.id, error));
              ws.resume();
            },
          );
          return;
        }
      }
    });
  }

  return {
    /** The `/peer` upgrade (graphql/server.ts routes upgrades by path). */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req.socket.remoteAddress));
    },
    close(): void {
      for (const ws of sockets) ws.close(PeerCloseCode.goingAway, 'server shutting down');
    },
  };
}

/** The `permitted` or `refused` frame for a limiter's answer. */
function answerFrame(id: number, { permit, refusal, figures }: LimiterAnswer): HolderFrame {
  if (permit) return { t: 'permitted', id, breaches: permit.breaches, figures };
  return {
    t: 'refused',
    id,
    message: refusal?.message ?? 'rate limited',
    details: refusal?.details ?? {},
    steps: [...(refusal?.steps ?? [])],
    figures,
  };
}

function errorFrame(id: number, error: unknown): HolderFrame {
  if (error instanceof AgentCallError) {
    return {
      t: 'error',
      id,
      kind: error.kind,
      message: error.message,
      ...(error.remoteCode !== undefined ? { remoteCode: error.remoteCode } : {}),
      ...(error.remoteData !== undefined ? { remoteData: error.remoteData } : {}),
    };
  }
  return { t: 'error', id, kind: AgentCallFailure.closed, message: String(error) };
}
