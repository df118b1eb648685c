// What the server tells an agent about a decision it made on the agent's connection — why it
// refused or closed it, and when to come back — so the agent's log says what the server decided
// and its reconnect honours the server's hint instead of guessing.
//
// SSH leaves two places to say it, and the hub uses both (docs/design/0001-tunnel-and-trust.md):
//
//   before the handshake   a line before the server's identification string (RFC 4253 §4.2
//                          allows "other lines of data" first): "ETPH-NOTICE {json}\r\n". Costs
//                          no cryptography, so the hub can refuse a storm cheaply. ssh2's client
//                          reports it as its 'greeting' event; OpenSSH shows it with -v.
//   after authentication   a JSON-RPC 2.0 notification (no id, no reply) on a channel the hub
//                          opens through the agent's own connection: method "notice".
//
// Unknown codes are kept (a newer server may add some): the agent logs the message as it came.

import { z } from 'zod';

export const NoticeCode = {
  /** The hub is at its handshake or connection capacity: come back after retryAfterMs. */
  overloaded: 'overloaded',
  /** This agent (or its address) reconnects too often: come back after retryAfterMs. */
  throttled: 'throttled',
  /** The client was decommissioned on the server; an operator must act. */
  decommissioned: 'decommissioned',
  /** This key is not the one pinned for this UUID, and the server refused it. */
  keyMismatch: 'key_mismatch',
  /** Connected, but every operation is refused until an operator accepts this key. */
  quarantined: 'quarantined',
  /** A newer connection with the same UUID took this session's place. */
  replaced: 'replaced',
  /** This server is draining (leaving the cluster): connect to another server of the fleet. */
  draining: 'draining',
} as const;
export type NoticeCodeName = (typeof NoticeCode)[keyof typeof NoticeCode];

export interface Notice {
  /** One of NoticeCode, or a code a newer server added. */
  code: string;
  /** For people: what the server decided and what to do about it. */
  message: string;
  /** Do not connect again before this many milliseconds. */
  retryAfterMs?: number | undefined;
}

/** JSON-RPC method name of the in-session notification. */
export const NOTICE_METHOD = 'notice';

/** Prefix of the pre-identification line. Never "SSH-", which would start the handshake. */
export const NOTICE_LINE_PREFIX = 'ETPH-NOTICE ';

/** Longest message a notice carries (the line stays far below ssh2's 8 KiB header limit). */
export const MAX_NOTICE_MESSAGE_CHARS = 500;

/** Longest wait a notice may ask for: an hour (a bug on the server must not park a fleet). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * An agent told to come back after a hint h comes back at a uniform moment of
 * [h, h × (1 + RETRY_HINT_SPREAD)] (its jitter is capped by its backoff cap). The hub spreads the
 * hints of a crowd itself (hub/retry-places.ts), so the agent adds only a little: agents from
 * before this (spread 1, [h, 2h]) return later on average and stretch a storm's tail.
 */
export const RETRY_HINT_SPREAD = 0.25;

export const noticeSchema = z.object({
  code: z.string().regex(/^[a-z][a-z_]{0,31}$/),
  message: z.string().max(MAX_NOTICE_MESSAGE_CHARS),
  retryAfterMs: z.number().int().min(0).max(MAX_RETRY_AFTER_MS).optional(),
});

/** The pre-identification line for `notice`, ASCII only, CRLF-terminated. */
export function formatNoticeLine(notice: Notice): string {
  const body = JSON.stringify({
    code: notice.code,
    message: notice.message.slice(0, MAX_NOTICE_MESSAGE_CHARS),
    ...(notice.retryAfterMs === undefined
      ? {}
      : {
          retryAfterMs: Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(notice.retryAfterMs))),
        }),
  });
  // RFC 4253 asks for UTF-8; ssh2 reads these lines as latin1. Escaping keeps both right.
  const ascii = body.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${NOTICE_LINE_PREFIX}${ascii}\r\n`;
}

/** A notice's params, validated; null when they are not one. */
export function parseNotice(value: unknown): Notice | null {
  const parsed = noticeSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The notice among the lines a server sent before its identification string, if any. */
export function parseNoticeGreeting(greeting: string): Notice | null {
  for (const line of greeting.split(/\r?\n/)) {
    if (!line.startsWith(NOTICE_LINE_PREFIX)) continue;
    try {
      const notice = parseNotice(JSON.parse(line.slice(NOTICE_LINE_PREFIX.length)));
      if (notice) return notice;
    } catch {
      // not ours after all: keep looking
    }
  }
  return null;
}
