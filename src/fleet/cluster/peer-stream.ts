// A byte stream routed between servers (a shell, one tunnel connection, a transfer's channel:
// issue 14's "routing carries streams"), on a peer connection of its own (./peer-protocol.ts):
// after `ready`, binary messages carry the bytes, `{"t":"eof"}` ends one direction, and the
// socket's close ends both.
//
//   entry: the gate's AgentStream ◀── this Duplex ◀── WebSocket ──▶ holder: the agent's channel
//
// Backpressure both ways: a side whose socket buffers more than STREAM_HIGH_WATER_BYTES pauses
// what feeds it until the buffer drains under STREAM_LOW_WATER_BYTES, and a full channel pauses
// the socket's reading (TCP then slows the other side).

import { Duplex } from 'node:stream';
import type WebSocket from 'ws';
import type { RawData } from 'ws';
import { halfCloseOf, type AgentStream } from '../../hub/agent-stream.js';
import type { StreamReady } from '../../protocol/stream.js';
import { STREAM_HIGH_WATER_BYTES, STREAM_LOW_WATER_BYTES } from '../../protocol/ws-stream.js';
import { STREAM_EOF } from './peer-protocol.js';

/** What the socket's messages go to once it carries a stream. */
export type ByteHandler = (data: RawData, binary: boolean) => void;

const bufferOf = (data: RawData): Buffer =>
  Buffer.isBuffer(data)
    ? data
    : Array.isArray(data)
      ? Buffer.concat(data)
      : Buffer.from(data as ArrayBuffer);

/** Sends to `ws`, pausing `source` while the socket's buffer is over the high-water mark. */
function sender(ws: WebSocket, source: { pause(): void; resume(): void }) {
  let paused = false;
  return (data: Buffer | string, done?: (error?: Error) => void): void => {
    if (ws.readyState !== ws.OPEN) return done?.(new Error('peer stream closed'));
    ws.send(data, (error) => {
      if (paused && ws.bufferedAmount < STREAM_LOW_WATER_BYTES) {
        paused = false;
        source.resume();
      }
      done?.(error ?? undefined);
    });
    if (!paused && ws.bufferedAmount > STREAM_HIGH_WATER_BYTES) {
      paused = true;
      source.pause();
    }
  };
}

/** The entry's end: the stream as the gate's callers use a local one. */
export function entryStream(
  ws: WebSocket,
  divert: (handler: ByteHandler) => void,
  ready: StreamReady,
): AgentStream {
  return { ...entryBytes(ws, divert), ready };
}

/** The entry's end of the bytes alone (a stream's, a transfer's): paused until read. */
export function entryBytes(
  ws: WebSocket,
  divert: (handler: ByteHandler) => void,
): Pick<AgentStream, 'channel' | 'halfClose'> {
  // Writing has its own callbacks, so nothing upstream needs pausing here; the socket's reading
  // pauses when the reader falls behind (push says so).
  const send = sender(ws, { pause: () => undefined, resume: () => undefined });
  const channel = new Duplex({
    read() {
      if (ws.isPaused) ws.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      send(chunk, callback);
    },
    final(callback) {
      send(STREAM_EOF, () => callback());
    },
    destroy(error, callback) {
      if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(1000);
      callback(error);
    },
  });
  divert((data, binary) => {
    if (!binary) {
      if (data.toString() === STREAM_EOF) channel.push(null);
      return;
    }
    if (channel.readableEnded || channel.destroyed) return;
    if (!channel.push(bufferOf(data))) ws.pause();
  });
  ws.on('close', () => {
    // What arrived is still read; then the stream goes.
    channel.push(null);
    if (channel.readableEnded) channel.destroy();
    else channel.once('end', () => channel.destroy());
  });
  channel.pause();
  return { channel, halfClose: () => channel.end() };
}

/** The holder's end: the agent's channel (a stream's, a transfer's) joined to the socket. */
export function holderStream(
  ws: WebSocket,
  divert: (handler: ByteHandler) => void,
  stream: Pick<AgentStream, 'channel'> & Partial<Pick<AgentStream, 'halfClose'>>,
): void {
  const { channel } = stream;
  const send = sender(ws, channel);
  const halfClose = stream.halfClose ?? halfCloseOf(channel);
  channel.on('data', (chunk: Buffer) => send(chunk));
  channel.on('end', () => send(STREAM_EOF));
  channel.on('close', () => {
    if (ws.readyState === ws.OPEN) ws.close(1000, 'stream ended');
  });
  channel.on('error', () => undefined);
  channel.on('drain', () => ws.resume());
  divert((data, binary) => {
    if (!binary) {
      // After every byte still queued on the channel, or the stream's tail would be cut.
      if (data.toString() === STREAM_EOF) channel.write(Buffer.alloc(0), () => halfClose());
      return;
    }
    if (!channel.write(bufferOf(data))) ws.pause();
  });
  ws.on('close', () => channel.write(Buffer.alloc(0), () => channel.destroy()));
  channel.resume();
}
