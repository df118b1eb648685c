// Pull-based reading of a stream that carries JSON lines and raw bytes in turn (a transfer:
// header line, the file's bytes, a trailer line). Nothing is read before it is asked for, so the
// producer is held back by the stream's own flow control (an SSH channel's window): memory stays
// constant whatever the size of what crosses.

import type { Readable, Writable } from 'node:stream';
import { LineTooLongError } from './line-reader.js';

export class StreamClosedError extends Error {
  constructor(what: string) {
    super(`the stream ended ${what}`);
    this.name = 'StreamClosedError';
  }
}

export interface StreamReader {
  /** The next "\n"-terminated line, without it; at most maxBytes long. */
  readLine(maxBytes: number): Promise<string>;
  /** Exactly `count` bytes, handed to `sink` chunk by chunk (each awaited before the next). */
  readBytes(count: number, sink: (chunk: Buffer) => Promise<void> | void): Promise<void>;
}

/** `signal` aborts waiting (a link that died without closing the stream). */
export function createStreamReader(stream: Readable, signal?: AbortSignal): StreamReader {
  let pending: Buffer | null = null;
  let ended = false;
  let failure: Error | null = null;
  stream.on('error', (error: Error) => {
    failure = error;
  });
  const aborted = (): Error => new StreamClosedError('(the link closed)');

  function waitForData(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        stream.off('readable', done);
        stream.off('end', onEnd);
        stream.off('close', onEnd);
        stream.off('error', done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const onEnd = (): void => {
        ended = true;
        done();
      };
      stream.on('readable', done);
      stream.on('end', onEnd);
      stream.on('close', onEnd);
      stream.on('error', done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  async function nextChunk(): Promise<Buffer | null> {
    if (pending) {
      const chunk = pending;
      pending = null;
      return chunk;
    }
    for (;;) {
      if (failure) throw failure;
      if (signal?.aborted) throw aborted();
      const chunk = stream.read() as Buffer | string | null;
      if (chunk !== null) return typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (ended || stream.readableEnded || stream.destroyed) return null;
      await waitForData();
    }
  }

  return {
    async readLine(maxBytes) {
      const parts: Buffer[] = [];
      let length = 0;
      for (;;) {
        const chunk = await nextChunk();
        if (chunk === null) throw new StreamClosedError('before a complete line');
        const newline = chunk.indexOf(0x0a);
        const take = newline === -1 ? chunk.length : newline;
        if (length + take > maxBytes) throw new LineTooLongError(maxBytes);
        parts.push(chunk.subarray(0, take));
        length += take;
        if (newline !== -1) {
          if (newline + 1 < chunk.length) pending = chunk.subarray(newline + 1);
          return Buffer.concat(parts, length).toString('utf8');
        }
      }
    },
    async readBytes(count, sink) {
      let left = count;
      while (left > 0) {
        const chunk = await nextChunk();
        if (chunk === null) {
          throw new StreamClosedError(`with ${left} of ${count} bytes still to come`);
        }
        if (chunk.length > left) {
          pending = chunk.subarray(left);
          await sink(chunk.subarray(0, left));
          left = 0;
        } else {
          left -= chunk.length;
          await sink(chunk);
        }
      }
    },
  };
}

/** Writes `chunk`, waiting for 'drain' when the stream's buffer is full. */
export function writeWithBackpressure(
  stream: Writable,
  chunk: Buffer | string,
  signal?: AbortSignal,
): Promise<void> {
  if (stream.destroyed || !stream.writable || signal?.aborted) {
    return Promise.reject(new StreamClosedError('while writing'));
  }
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', done);
      signal?.removeEventListener('abort', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(new StreamClosedError('while writing'));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', done);
    signal?.addEventListener('abort', onClose, { once: true });
  });
}
