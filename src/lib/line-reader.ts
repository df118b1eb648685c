// Reads one newline-terminated line from a stream without ever holding more than `maxBytes`.
// Both ends of the agent link use it: a peer that sends a 100 MB line, or never a newline,
// costs at most `maxBytes` of memory and gets a LineTooLongError.

import type { Readable } from 'node:stream';

export class LineTooLongError extends Error {
  constructor(readonly maxBytes: number) {
    super(`line longer than ${maxBytes} bytes`);
    this.name = 'LineTooLongError';
  }
}

export class StreamEndedError extends Error {
  constructor() {
    super('stream ended before a complete line');
    this.name = 'StreamEndedError';
  }
}

/** Resolves with the first line (without its "\n"), decoded as UTF-8. */
export function readLine(stream: Readable, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error: Error | null, line?: string): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onEnd);
      stream.off('error', onError);
      stream.pause();
      if (error) reject(error);
      else resolve(line ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      const newline = buffer.indexOf(0x0a);
      const take = newline === -1 ? buffer.length : newline;
      if (length + take > maxBytes) {
        finish(new LineTooLongError(maxBytes));
        return;
      }
      chunks.push(take === buffer.length ? buffer : buffer.subarray(0, take));
      length += take;
      if (newline !== -1) {
        finish(null, Buffer.concat(chunks, length).toString('utf8'));
        // Bytes after the line belong to whoever reads next (a transfer's raw bytes).
        if (newline + 1 < buffer.length) stream.unshift(buffer.subarray(newline + 1));
      }
    };
    const onEnd = (): void => finish(new StreamEndedError());
    const onError = (error: Error): void => finish(error);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('close', onEnd);
    stream.on('error', onError);
    stream.resume();
  });
}

/**
 * Reads every newline-terminated line of a stream, as it arrives, holding at most `maxBytes` of
 * an unfinished line: `onLine` gets each (decoded as UTF-8, without its "\n"); `onEnd` once,
 * with null when the stream ended or closed, or the error (a LineTooLongError included) that
 * stopped the reading. Returns a function that stops reading.
 */
export function readLines(
  stream: Readable,
  maxBytes: number,
  onLine: (line: string) => void,
  onEnd: (error: Error | null) => void,
): () => void {
  let chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  const stop = (error: Error | null): void => {
    if (done) return;
    done = true;
    stream.off('data', onData);
    stream.off('end', onClose);
    stream.off('close', onClose);
    stream.off('error', stop);
    onEnd(error);
  };
  const onData = (chunk: Buffer | string): void => {
    let buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let newline = buffer.indexOf(0x0a); !done; newline = buffer.indexOf(0x0a)) {
      const take = newline === -1 ? buffer.length : newline;
      if (length + take > maxBytes) return stop(new LineTooLongError(maxBytes));
      if (newline === -1) {
        if (take > 0) chunks.push(buffer);
        length += take;
        return;
      }
      chunks.push(buffer.subarray(0, newline));
      const line = Buffer.concat(chunks, length + newline).toString('utf8');
      chunks = [];
      length = 0;
      buffer = buffer.subarray(newline + 1);
      onLine(line);
    }
  };
  const onClose = (): void => stop(null);
  stream.on('data', onData);
  stream.on('end', onClose);
  stream.on('close', onClose);
  stream.on('error', stop);
  stream.resume();
  return () => stop(null);
}
