// The server-to-server channel (issue 14, docs/design/0007-cluster.md §4.2): one WebSocket from
// the server a request arrived at (the entry) to the server holding the client's tunnel (the
// holder), at `/peer` on the holder's HTTP listener. Frames are JSON text, at most
// MAX_PEER_FRAME_BYTES.
//
//   holder  {"t":"challenge","server":H,"nonce":Nh}
//   entry   {"t":"hello","server":E,"nonce":Ne,"proof":HMAC(k, "entry|Nh|Ne|E|H")}
//   holder  {"t":"welcome","proof":HMAC(k, "holder|Ne|Nh|H|E")}          (or it closes 4401)
//   then    entry → holder: call, cancel, close, permit, release
//           holder → entry: result, error, permitted, refused
//           (a call may carry its permit request: the holder answers permitted or refused
//           first, then, when permitted, the call's result or error, and releases the permit)
//   or, on a connection of its own, one byte stream (a shell, one tunnel connection):
//           entry → holder: stream           holder → entry: ready (or error)
//           then both ways: binary messages are the stream's bytes, and the text message
//           {"t":"eof"} ends one direction (a half-close); closing the socket ends the stream
//   or, likewise on a connection of its own, one transfer (protocol/transfer.ts):
//           entry → holder: transfer {method, params}
//           holder → entry: ready {requestId} (or error), once its own link has opened the
//           transfer's channel and sent the request line; then the channel's bytes cross as a
//           stream's do, unread by the holder, and closing the socket closes the channel (before
//           the agent's reply: cancels the transfer on the agent)
//
// k is the cluster's `peer_credential` (cluster_secret), never an API key: each side proves it
// knows k for this connection's nonces and both names, so a recorded exchange replays nowhere.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Operation } from '../../errors.js';

export const PEER_PATH = '/peer';
/** The largest frame either side accepts (a call's params or result: files are transfers). */
export const MAX_PEER_FRAME_BYTES = 16 * 1024 * 1024;
/** The handshake must be done within this long, or the socket is closed. */
export const PEER_HANDSHAKE_MS = 10_000;

export const PeerCloseCode = {
  /** The handshake failed: no credential, a wrong proof, a frame out of turn. */
  unauthorized: 4401,
  /** A frame that is not JSON or not one of ours. */
  malformed: 4400,
  /** The server is shutting down. */
  goingAway: 1001,
} as const;

const name = z.string().min(1).max(255);
const nonce = z.string().regex(/^[0-9a-f]{64}$/);
const proof = z.string().regex(/^[0-9a-f]{64}$/);
const id = z.number().int().nonnegative();
const uuid = z.string().min(1).max(100);
const clientName = z.string().max(1000);
const limits = z.object({
  rpm: z.number().int().nonnegative(),
  concurrent: z.number().int().nonnegative(),
  mode: z.enum(['OFF', 'WARN', 'ENFORCE']),
});

export const challengeFrame = z.object({ t: z.literal('challenge'), server: name, nonce });
export const helloFrame = z.object({ t: z.literal('hello'), server: name, nonce, proof });
export const welcomeFrame = z.object({ t: z.literal('welcome'), proof });

/** What the entry sends once authenticated. */
export const entryFrame = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('call'),
    id,
    uuid,
    method: z.string().min(1).max(100),
    params: z.unknown(),
    timeoutMs: z.number().int().positive(),
    // The permit to take before the call (answered `permitted` or `refused` first, then the
    // call's own answer), released by the holder when the call ends: one round trip, not two.
    permit: z.object({ clientName, limits }).optional(),
  }),
  z.object({ t: z.literal('cancel'), id }),
  z.object({
    t: z.literal('close'),
    uuid,
    reason: z.string().max(1000),
    notice: z.unknown().optional(),
  }),
  z.object({
    t: z.literal('permit'),
    id,
    uuid,
    clientName,
    limits,
  }),
  z.object({ t: z.literal('release'), id }),
  z.object({
    t: z.literal('stream'),
    id,
    uuid,
    header: z.unknown(),
    timeoutMs: z.number().int().positive(),
  }),
  z.object({
    t: z.literal('transfer'),
    id,
    uuid,
    method: z.enum(['upload_file', 'download_file']),
    params: z.unknown(),
  }),
]);
export type EntryFrame = z.infer<typeof entryFrame>;

const figures = z.object({
  requestsPerMinute: z.number(),
  currentConcurrent: z.number(),
  rpmWarnings: z.number(),
  concurrentWarnings: z.number(),
  rpmRejections: z.number(),
  concurrentRejections: z.number(),
});

/** What the holder answers. */
export const holderFrame = z.discriminatedUnion('t', [
  z.object({ t: z.literal('result'), id, result: z.unknown() }),
  z.object({ t: z.literal('ready'), id, ready: z.unknown() }),
  z.object({
    t: z.literal('error'),
    id,
    kind: z.enum(['timeout', 'aborted', 'closed', 'protocol', 'remote']),
    message: z.string(),
    remoteCode: z.string().optional(),
    remoteData: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    t: z.literal('permitted'),
    id,
    breaches: z.array(z.enum(['rpm', 'concurrent'])),
    figures,
  }),
  z.object({
    t: z.literal('refused'),
    id,
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
    steps: z.array(
      z.object({
        operation: z.enum(Object.values(Operation)),
        client: z.object({ uuid: z.string(), clientId: z.string() }).optional(),
      }),
    ),
    figures,
  }),
]);
export type HolderFrame = z.infer<typeof holderFrame>;

/**
 * The `remoteCode` of a call the holder refused because it no longer holds the client (it moved
 * on): the call never reached an agent, so the entry may send it where the client is now.
 */
export const NOT_HELD = 'NOT_HELD';

/** What `ready` carries for a transfer: the id the agent's reply lines will carry. */
export const transferReady = z.object({ requestId: id });

/** The text message that ends one direction of a routed byte stream. */
export const STREAM_EOF = JSON.stringify({ t: 'eof' });

export const newNonce = (): string => randomBytes(32).toString('hex');

/** The proof `side` gives for this connection: HMAC-SHA256 over both nonces and both names. */
export function proofOf(
  credential: string,
  side: 'entry' | 'holder',
  parts: { ownNonce: string; otherNonce: string; own: string; other: string },
): string {
  return createHmac('sha256', credential)
    .update(`${side}|${parts.otherNonce}|${parts.ownNonce}|${parts.own}|${parts.other}`)
    .digest('hex');
}

export function proofMatches(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(given, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Parses one frame with `schema`; null when it is not JSON or not that frame. */
export function parseFrame<T>(schema: z.ZodType<T>, data: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
