// The `/stream` door (protocol/ws-stream.ts): WebSocket upgrades carrying shells, tunnels,
// forwarded connections and file transfers (./file-sockets.ts) between the CLI and the fleet. The key is checked on the upgrade
// request (401 before any WebSocket exists); every open goes through the fleet with a Caller
// (gate: client online, key accepted, rate limit, caps; roles and scopes when issue 15 adds
// them to the Caller), so nothing reaches an agent the fleet would not allow. Backpressure runs
// end to end: a socket over its high-water mark pauses the agent's channel, and a full channel
// pauses the socket.

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { AppError, ErrorCode, isAppError } from '../errors.js';
import type { Caller, Fleet, Principal, ShellSession, TunnelConnection } from '../fleet/index.js';
import {
  createFrameDecoder,
  encodeJsonFrame,
  parseJsonPayload,
  parseSize,
  SHELL_SIGNALS,
  ShellFrameType,
  encodeFrame,
  type ShellSignal,
} from '../protocol/shell-frames.js';
import {
  MAX_STREAM_MESSAGE_BYTES,
  STREAM_HIGH_WATER_BYTES,
  STREAM_LOW_WATER_BYTES,
  StreamCloseCode,
  type OpenReply,
  type OpenRequest,
} from '../protocol/ws-stream.js';
import { MAX_TERMINAL_COLS, MAX_TERMINAL_ROWS } from '../protocol/stream.js';
import { downloadSocket, uploadSocket } from './file-sockets.js';

export interface StreamDoorOptions {
  /** The whole fleet: each socket acts through fleet.actingAs(its key's principal). */
  fleet: Fleet;
  logger: Logger;
}

const toBuffer = (data: RawData): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

function refusal(error: unknown): OpenReply {
  if (error instanceof AppError) return { ok: false, code: error.code, message: error.message };
  return { ok: false, code: ErrorCode.internal, message: 'internal error (see the server log)' };
}

/**
 * Closes a socket that may be paused for backpressure: a paused socket reads nothing, not even
 * the peer's answering close frame, and would linger for the ws library's 30 s close timeout
 * (the operator's `forward` or `shell` waiting that long to exit). What still arrives is dropped
 * by the message handlers, which check that their target is still there.
 */
function closeStream(ws: WebSocket, code: number, reason: string): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.resume();
  ws.close(code, reason);
}

/** Sends with backpressure: pauses `source` while the socket's queue is over the high mark. */
function sender(ws: WebSocket, source: { pause(): void; resume(): void }) {
  let paused = false;
  return (data: Buffer): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(data, () => {
      if (paused && ws.bufferedAmount < STREAM_LOW_WATER_BYTES) {
        paused = false;
        source.resume();
      }
    });
    if (!paused && ws.bufferedAmount > STREAM_HIGH_WATER_BYTES) {
      paused = true;
      source.pause();
    }
  };
}

const optional = (value: unknown, type: 'string' | 'number' | 'boolean'): boolean =>
  value === undefined || value === null || typeof value === type;

function parseOpen(data: Buffer): OpenRequest {
  const value = parseJsonPayload(data);
  const op = value?.['op'];
  const ok =
    (op === 'shell' &&
      typeof value?.['client'] === 'string' &&
      typeof value['pty'] === 'boolean' &&
      typeof value['cols'] === 'number' &&
      typeof value['rows'] === 'number') ||
    (op === 'tunnel' &&
      typeof value?.['client'] === 'string' &&
      typeof value['host'] === 'string' &&
      typeof value['port'] === 'number') ||
    (op === 'connect' && typeof value?.['tunnel'] === 'string') ||
    (op === 'get' &&
      typeof value?.['client'] === 'string' &&
      typeof value['path'] === 'string' &&
      typeof value['offset'] === 'number' &&
      optional(value['prefixSha256'], 'string') &&
      optional(value['transferId'], 'string')) ||
    (op === 'put' &&
      typeof value?.['client'] === 'string' &&
      typeof value['path'] === 'string' &&
      typeof value['size'] === 'number' &&
      optional(value['createParents'], 'boolean') &&
      optional(value['mode'], 'number') &&
      optional(value['transferId'], 'string'));
  if (!ok)
    throw new AppError(
      ErrorCode.badUserInput,
      'The first message on /stream must be a JSON open request (op shell, tunnel, connect, get or put; see protocol/ws-stream.ts).',
    );
  return value as unknown as OpenRequest;
}

function shellSocket(ws: WebSocket, session: ShellSession): void {
  const send = sender(ws, session);
  session.on('output', (data: Buffer, stream: string) =>
    send(encodeFrame(stream === 'stderr' ? ShellFrameType.stderr : ShellFrameType.output, data)),
  );
  session.on('exit', (exit) => send(encodeJsonFrame(ShellFrameType.exit, exit)));
  let ended = false;
  session.on('close', () => {
    ended = true;
    closeStream(ws, StreamCloseCode.normal, 'session ended');
  });
  session.on('drain', () => ws.resume());
  const decoder = createFrameDecoder();
  ws.on('message', (data, isBinary) => {
    if (!isBinary || ended) return;
    try {
      for (const frame of decoder.push(toBuffer(data))) {
        if (frame.type === ShellFrameType.input) {
          if (!session.input(frame.payload)) ws.pause();
        } else if (frame.type === ShellFrameType.resize) {
          const size = parseSize(frame.payload, {
            cols: MAX_TERMINAL_COLS,
            rows: MAX_TERMINAL_ROWS,
          });
          if (size) session.resize(size.cols, size.rows);
        } else if (frame.type === ShellFrameType.eof) session.endInput();
        else if (frame.type === ShellFrameType.signal) {
          const name = parseJsonPayload(frame.payload)?.['signal'];
          if ((SHELL_SIGNALS as readonly unknown[]).includes(name))
            session.signal(name as ShellSignal);
        }
      }
    } catch {
      ws.close(StreamCloseCode.refused, 'malformed shell frame');
    }
  });
  ws.on('close', () => session.close('the operator disconnected'));
  session.resume();
}

function connectionSocket(ws: WebSocket, connection: TunnelConnection): void {
  const channel: Duplex = connection.channel;
  const send = sender(ws, channel);
  channel.on('data', (chunk: Buffer) => {
    connection.count(0, chunk.length);
    send(chunk);
  });
  channel.on('end', () => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ eof: true }));
  });
  let ended = false;
  // ssh2 emits a channel's 'close' with `destroyed` still false: the flag says it is gone.
  channel.on('close', () => {
    ended = true;
    closeStream(ws, StreamCloseCode.normal, 'connection ended');
  });
  channel.on('error', () => undefined);
  channel.on('drain', () => ws.resume());
  ws.on('message', (data, isBinary) => {
    if (ended) return;
    if (!isBinary) {
      // The EOF goes after every byte still queued on the channel (a write's callback fires in
      // order), or the tail of the stream would be cut.
      if (parseJsonPayload(toBuffer(data))?.['eof'] === true)
        channel.write(Buffer.alloc(0), () => connection.halfClose());
      return;
    }
    const chunk = toBuffer(data);
    connection.count(chunk.length, 0);
    if (!channel.write(chunk)) ws.pause();
  });
  // Bytes still queued on the channel are written before it goes (a write's callback fires
  // after every earlier one); destroying at once would cut the stream's tail.
  ws.on('close', () => channel.write(Buffer.alloc(0), () => connection.close()));
  channel.resume();
}

export function createStreamDoor(options: StreamDoorOptions) {
  const { logger } = options;
  /** The principal each upgraded request authenticated as (set before the socket exists). */
  const principals = new WeakMap<IncomingMessage, Principal>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_STREAM_MESSAGE_BYTES });

  async function open(
    ws: WebSocket,
    request: OpenRequest,
    caller: Caller,
    fleet: Fleet,
  ): Promise<void> {
    const reply = (message: OpenReply): void => ws.send(JSON.stringify(message));
    if (request.op === 'shell') {
      const session = await fleet.sessions.open(
        request.client,
        {
          command: request.command ?? null,
          pty: request.pty,
          cols: request.cols,
          rows: request.rows,
          term: request.term,
          origin: 'cli',
        },
        caller,
      );
      if (ws.readyState !== ws.OPEN) return session.close('the operator disconnected');
      reply({ ok: true, id: session.id, pty: session.pty, note: session.note });
      shellSocket(ws, session);
    } else if (request.op === 'tunnel') {
      const tunnel = await fleet.tunnels.open(
        request.client,
        { host: request.host, port: request.port, listen: request.listen },
        caller,
      );
      if (ws.readyState !== ws.OPEN) return tunnel.close('the operator disconnected');
      reply({ ok: true, id: tunnel.id });
      tunnel.once('close', (reason: string) => {
        if (ws.readyState !== ws.OPEN) return;
        ws.send(JSON.stringify({ closed: reason }));
        ws.close(StreamCloseCode.ended, 'tunnel closed');
      });
      ws.on('close', () => tunnel.close('the operator disconnected'));
    } else if (request.op === 'get') {
      const file = await fleet.transfers.streamDownload(
        request.client,
        {
          path: request.path,
          offset: request.offset,
          prefixSha256: request.prefixSha256,
          transferId: request.transferId,
        },
        caller,
      );
      if (ws.readyState !== ws.OPEN) return file.close('the operator disconnected');
      reply({ ok: true, id: file.transferId, size: file.size, start: file.start });
      downloadSocket(ws, file);
    } else if (request.op === 'put') {
      const file = await fleet.transfers.streamUpload(
        request.client,
        {
          path: request.path,
          size: request.size,
          createParents: request.createParents,
          mode: request.mode,
          transferId: request.transferId,
        },
        caller,
      );
      if (ws.readyState !== ws.OPEN) return file.close('the operator disconnected');
      reply({
        ok: true,
        id: file.transferId,
        offset: file.offset,
        prefixSha256: file.prefixSha256,
      });
      uploadSocket(ws, file);
    } else {
      const connection = await fleet.tunnels.get(request.tunnel).connect();
      if (ws.readyState !== ws.OPEN) return connection.close();
      reply({ ok: true, id: request.tunnel });
      connectionSocket(ws, connection);
    }
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const principal = principals.get(req);
    if (!principal) return ws.close(StreamCloseCode.refused, 'refused');
    // A frame ws refuses (too large, malformed) is an 'error' on this socket: without a
    // listener it would end the whole server. The socket closes; nothing else is touched.
    ws.on('error', (error) =>
      logger.warn({ err: error, remoteAddress: req.socket.remoteAddress }, 'stream socket error'),
    );
    const controller = new AbortController();
    // Revoking the key (or its expiry) ends the socket, and with it the shell or tunnel.
    const release = options.fleet.keys.hold(principal, () =>
      ws.close(StreamCloseCode.revoked, 'API key revoked'),
    );
    ws.once('close', () => {
      release();
      controller.abort();
    });
    // The key's role and scope are checked by the fleet it acts through (../fleet/guard.ts).
    const acting = options.fleet.actingAs(principal);
    const caller: Caller = {
      actor: `stream ${req.socket.remoteAddress ?? 'unknown'}`,
      principal,
      signal: controller.signal,
    };
    ws.once('message', (data) => {
      let request: OpenRequest;
      try {
        request = parseOpen(toBuffer(data));
      } catch (error) {
        ws.send(JSON.stringify(refusal(error)));
        ws.close(StreamCloseCode.refused, 'refused');
        return;
      }
      open(ws, request, caller, acting).catch((error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'stream open failed');
        if (ws.readyState !== ws.OPEN) return;
        ws.send(JSON.stringify(refusal(error)));
        ws.close(StreamCloseCode.refused, 'refused');
      });
    });
  });

  return {
    /** Takes over an upgrade request for the stream path (the key is checked first). */
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer\s+(.+)$/i.exec(header);
      const refuse = (message: string): void => {
        logger.warn({ remoteAddress: req.socket.remoteAddress }, `stream refused: ${message}`);
        const body = JSON.stringify({ code: ErrorCode.unauthenticated, message });
        socket.end(
          `HTTP/1.1 401 Unauthorized\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
        );
      };
      if (!match) return refuse('Missing API key: send Authorization: Bearer <key>.');
      options.fleet.keys.authenticate((match[1] ?? '').trim()).then(
        (principal) => {
          principals.set(req, principal);
          wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
        },
        (error: unknown) => refuse(isAppError(error) ? error.message : 'The API key is not valid.'),
      );
    },
    close(): void {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
