// The /stream door's file transfers (protocol/ws-stream.ts, ops get and put): the bytes of a
// transfer between the operator's machine and a client, relayed between the socket and the
// fleet's transfer (fleet/transfers/operator.ts) with backpressure both ways — the socket is
// paused while a chunk is being written to the agent, and the agent's channel is not read while
// the socket holds more than its high-water mark — so memory stays constant whatever the size.

import type { WebSocket } from 'ws';
import { AppError, ErrorCode } from '../errors.js';
import type { OperatorDownload, OperatorUpload } from '../fleet/index.js';
import { parseJsonPayload } from '../protocol/shell-frames.js';
import { STREAM_HIGH_WATER_BYTES, StreamCloseCode } from '../protocol/ws-stream.js';

const toBuffer = (data: Buffer | ArrayBuffer | Buffer[]): Buffer =>
  Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);

/** Sends a chunk; resolves at once below the high-water mark, else once it left the queue. */
function sendPaced(ws: WebSocket, chunk: Buffer): Promise<void> {
  if (ws.readyState !== ws.OPEN) return Promise.reject(new Error('the operator disconnected'));
  if (ws.bufferedAmount < STREAM_HIGH_WATER_BYTES) {
    ws.send(chunk, () => undefined);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) =>
    ws.send(chunk, (error) => (error ? reject(error) : resolve())),
  );
}

/** Tells the operator why the transfer stopped, and closes the socket. */
function sendError(ws: WebSocket, error: unknown): void {
  if (ws.readyState !== ws.OPEN) return;
  const failure =
    error instanceof AppError
      ? { code: error.code, message: error.message }
      : { code: ErrorCode.internal, message: 'internal error (see the server log)' };
  ws.send(JSON.stringify({ error: failure }));
  ws.close(StreamCloseCode.refused, 'transfer failed');
}

function sendDone(ws: WebSocket, done: { size: number; sha256: string; resumedFrom: number }) {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(JSON.stringify({ done }));
  ws.close(StreamCloseCode.normal, 'transfer complete');
}

/** The largest binary message a get sends (the channel may hand over more at once). */
const MESSAGE_BYTES = 256 * 1024;

/** get: the client's bytes to the operator, then {done}. */
export function downloadSocket(ws: WebSocket, file: OperatorDownload): void {
  ws.on('close', () => file.close('the operator disconnected'));
  const send = async (chunk: Buffer): Promise<void> => {
    // What the agent's channel buffered while the socket was full may exceed a message's limit.
    for (let at = 0; at < chunk.length; at += MESSAGE_BYTES)
      await sendPaced(ws, chunk.subarray(at, at + MESSAGE_BYTES));
  };
  file.pipe(send).then(
    (done) => sendDone(ws, done),
    (error: unknown) => sendError(ws, error),
  );
}

/** put: {start}, the operator's bytes, {sha256}; then {done} once the client has the file. */
export function uploadSocket(ws: WebSocket, file: OperatorUpload): void {
  let chain: Promise<void> = Promise.resolve();
  let queued = 0;
  let failed = false;
  const handle = async (data: Buffer, isBinary: boolean): Promise<void> => {
    if (isBinary) return file.write(data);
    const message = parseJsonPayload(data);
    if (typeof message?.['start'] === 'number') return file.begin(message['start']);
    if (typeof message?.['sha256'] === 'string')
      return sendDone(ws, await file.finish(message['sha256']));
    throw new AppError(
      ErrorCode.badUserInput,
      'A put sends text {"start":N}, the file as binary messages, then text {"sha256":"…"} (protocol/ws-stream.ts).',
    );
  };
  ws.on('message', (data, isBinary) => {
    if (failed) return;
    const chunk = toBuffer(data);
    // One message at a time reaches the agent; the socket stays paused until they are through.
    queued++;
    ws.pause();
    chain = chain
      .then(() => (failed ? undefined : handle(chunk, isBinary)))
      .catch((error: unknown) => {
        if (failed) return;
        failed = true;
        file.close('refused');
        sendError(ws, error);
      })
      .finally(() => {
        queued--;
        // Resumed after the end too: the close handshake needs the socket read.
        if (queued === 0) ws.resume();
      });
  });
  ws.on('close', () => file.close('the operator disconnected'));
}
