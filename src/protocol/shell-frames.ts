// The frames of a shell stream after its ready line (./stream.ts): one byte of type, four bytes
// of payload length (big endian), the payload. Input, output and control share the channel;
// the SSH channel's window is the backpressure (each side stops reading when it cannot write).
//
//   hub → agent   input (bytes for the PTY or the process's stdin), resize {cols, rows},
//                 eof (stdin ended: pipes only), signal {signal}
//   agent → hub   output (the PTY, or stdout), stderr (pipes only), exit {code, signal}
//
// Pure: no I/O. A decoder refuses an unknown type or an oversized frame (a hostile peer).

export const ShellFrameType = {
  input: 0x01,
  resize: 0x02,
  eof: 0x03,
  signal: 0x04,
  output: 0x11,
  stderr: 0x12,
  exit: 0x13,
} as const;
export type ShellFrameTypeValue = (typeof ShellFrameType)[keyof typeof ShellFrameType];

/** The largest payload of one frame; longer data is split. */
export const MAX_FRAME_PAYLOAD_BYTES = 256 * 1024;

const HEADER_BYTES = 5;
const known = new Set<number>(Object.values(ShellFrameType));

export interface ShellFrame {
  type: ShellFrameTypeValue;
  payload: Buffer;
}

/** Signals a shell stream may deliver to a process run with pipes. */
export const SHELL_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGKILL'] as const;
export type ShellSignal = (typeof SHELL_SIGNALS)[number];

export interface ShellExit {
  /** The exit status, or null when a signal ended it. */
  code: number | null;
  signal: string | null;
}

/** One frame (payloads over the maximum are split into several). */
export function encodeFrame(type: ShellFrameTypeValue, payload: Buffer | string = ''): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  if (body.length <= MAX_FRAME_PAYLOAD_BYTES) {
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt8(type, 0);
    header.writeUInt32BE(body.length, 1);
    return Buffer.concat([header, body]);
  }
  const parts: Buffer[] = [];
  for (let at = 0; at < body.length; at += MAX_FRAME_PAYLOAD_BYTES)
    parts.push(encodeFrame(type, body.subarray(at, at + MAX_FRAME_PAYLOAD_BYTES)));
  return Buffer.concat(parts);
}

export function encodeJsonFrame(type: ShellFrameTypeValue, value: unknown): Buffer {
  return encodeFrame(type, JSON.stringify(value));
}

export class FrameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Turns a byte stream back into frames, whatever the chunking. */
export function createFrameDecoder(): { push(chunk: Buffer): ShellFrame[] } {
  let pending: Buffer = Buffer.alloc(0);
  return {
    push(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const frames: ShellFrame[] = [];
      while (pending.length >= HEADER_BYTES) {
        const type = pending.readUInt8(0);
        const length = pending.readUInt32BE(1);
        if (!known.has(type)) throw new FrameError(`unknown frame type ${type}`);
        if (length > MAX_FRAME_PAYLOAD_BYTES)
          throw new FrameError(`frame of ${length} bytes (at most ${MAX_FRAME_PAYLOAD_BYTES})`);
        if (pending.length < HEADER_BYTES + length) break;
        frames.push({
          type: type as ShellFrameTypeValue,
          payload: pending.subarray(HEADER_BYTES, HEADER_BYTES + length),
        });
        pending = pending.subarray(HEADER_BYTES + length);
      }
      return frames;
    },
  };
}

/**
 * A byte stream's data handler: decodes each chunk (createFrameDecoder) and gives its frames to
 * `onFrame`, or the decoder's FrameError to `onMalformed` (a hostile or broken peer).
 */
export function frameReader(
  onFrame: (frame: ShellFrame) => void,
  onMalformed: (error: unknown) => void,
): (chunk: Buffer) => void {
  const decoder = createFrameDecoder();
  return (chunk) => {
    let frames;
    try {
      frames = decoder.push(chunk);
    } catch (error) {
      onMalformed(error);
      return;
    }
    for (const frame of frames) onFrame(frame);
  };
}

/** A JSON payload, or null when it is not a JSON object. */
export function parseJsonPayload(payload: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** A terminal size from a resize payload, or null when it is not one within the bounds. */
export function parseSize(
  payload: Buffer,
  max: { cols: number; rows: number },
): { cols: number; rows: number } | null {
  const value = parseJsonPayload(payload);
  const cols = value?.['cols'];
  const rows = value?.['rows'];
  const ok = (n: unknown, most: number): n is number =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= most;
  return ok(cols, max.cols) && ok(rows, max.rows) ? { cols, rows } : null;
}
