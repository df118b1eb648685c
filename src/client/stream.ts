// Opening a socket on the server's `/stream` path (protocol/ws-stream.ts): a shell, a tunnel's
// control socket, or one forwarded connection. The key goes in the Authorization header of the
// upgrade request, never in the URL. Resolves once the server accepted the open request.

import WebSocket from 'ws';
import { isErrorCode, type ErrorCodeName } from '../errors.js';
import {
  MAX_STREAM_MESSAGE_BYTES,
  STREAM_PATH,
  type OpenReply,
  type OpenRequest,
} from '../protocol/ws-stream.js';
import type { Connection } from './endpoint.js';

/** The server refused the open request (or the key): its catalogue code and message. */
export class StreamRefusedError extends Error {
  readonly code: ErrorCodeName | null;
  constructor(code: string | null, message: string) {
    super(message);
    this.name = 'StreamRefusedError';
    this.code = code !== null && isErrorCode(code) ? code : null;
  }
}

/**
 * Whether the frames this client sends may go unmasked (a zero masking key). Masking (RFC 6455
 * §5.3) keeps a proxy that does not understand WebSocket from reading a frame's bytes as an HTTP
 * request of their own; it costs a byte-by-byte pass over every frame in `ws`'s JavaScript (no
 * native bufferutil here), which was half of the CLI's CPU in a forward (docs/BENCHMARKS.md).
 * No such proxy can read the frames over TLS, nor on a loopback connection: there they go with a
 * zero key, which `ws` then skips on both ends. Elsewhere the key stays random.
 */
export function maskingNeeded(endpoint: URL): boolean {
  if (endpoint.protocol === 'wss:') return false;
  const host = endpoint.hostname.replace(/^\[|\]$/g, '');
  return !(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

const zeroMask = (mask: Buffer): void => void mask.fill(0);

function streamEndpoint(url: string): URL {
  const endpoint = new URL(STREAM_PATH, url);
  endpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
  return endpoint;
}

export interface OpenedStream {
  ws: WebSocket;
  reply: Extract<OpenReply, { ok: true }>;
}

export interface OpenStreamOptions {
  /**
   * Takes every message after the reply, attached before the promise resolves: ws emits the
   * messages of one read synchronously, so data sent right behind the reply (a get's first
   * bytes) would otherwise reach no listener.
   */
  onMessage?: (ws: WebSocket, data: WebSocket.RawData, isBinary: boolean) => void;
}

export function openServerStream(
  connection: Connection,
  request: OpenRequest,
  options: OpenStreamOptions = {},
): Promise<OpenedStream> {
  return new Promise((resolve, reject) => {
    const endpoint = streamEndpoint(connection.url);
    const ws = new WebSocket(endpoint, {
      headers: { authorization: `Bearer ${connection.apiKey}` },
      maxPayload: MAX_STREAM_MESSAGE_BYTES,
      perMessageDeflate: false,
      ...(maskingNeeded(endpoint) ? {} : { generateMask: zeroMask }),
    });
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      ws.terminate();
      reject(error);
    };
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        let body: { code?: string; message?: string } = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
        } catch {
          // Not ours: the status says enough.
        }
        fail(
          new StreamRefusedError(
            body.code ?? null,
            body.message ?? `the server answered ${res.statusCode} on ${STREAM_PATH}`,
          ),
        );
      });
    });
    ws.on('error', fail);
    ws.on('open', () => {
      ws.send(JSON.stringify(request));
    });
    ws.once('message', (data, isBinary) => {
      if (isBinary) return fail(new StreamRefusedError(null, 'the server answered out of turn'));
      let reply: OpenReply;
      try {
        reply = JSON.parse(String(data)) as OpenReply;
      } catch {
        return fail(new StreamRefusedError(null, 'the server answered with something unreadable'));
      }
      if (!reply.ok) return fail(new StreamRefusedError(reply.code, reply.message));
      settled = true;
      ws.off('error', fail);
      // A later error (the link drops) is followed by 'close', which the caller handles; without
      // a listener the error alone would end the process.
      ws.on('error', () => undefined);
      const { onMessage } = options;
      if (onMessage) ws.on('message', (data, isBinary) => onMessage(ws, data, isBinary));
      resolve({ ws, reply });
    });
    ws.on('close', () =>
      fail(new StreamRefusedError(null, 'the server closed the stream before answering')),
    );
  });
}
