// What the shell tools (shell_open … shell_close) share: the session as they show it, in the
// guide's snake_case, from the SessionFields the CLI shows too (src/client/fragments.ts).

import { z } from 'zod';
import { MAX_CLIENT_REF_CHARS } from '../../fleet/limits.js';
import type { SessionFieldsFragment } from '../../generated/graphql.js';

export const sessionIdInput = z
  .string()
  .min(1)
  .max(MAX_CLIENT_REF_CHARS)
  .describe('The session id (ses_…) shell_open returned.');

export const shellSessionSchema = z.object({
  session_id: z.string(),
  client_id: z.string(),
  client_uuid: z.string(),
  /** The API key's name (the actor when the server opened it). */
  principal: z.string(),
  /** The door and address it was opened from ("mcp 1a2b3c4d 127.0.0.1"). */
  actor: z.string(),
  origin: z.string(),
  pty: z.boolean(),
  cols: z.number(),
  rows: z.number(),
  open: z.boolean(),
  started_at: z.string(),
  ended_at: z.string().nullable(),
  exit_status: z.number().nullable(),
  exit_signal: z.string().nullable(),
  close_reason: z.string().nullable(),
});

export function toShellSession(s: SessionFieldsFragment): z.infer<typeof shellSessionSchema> {
  return {
    session_id: s.id,
    client_id: s.clientId,
    client_uuid: s.clientUuid,
    principal: s.apiKey ?? s.principal,
    actor: s.principal,
    origin: s.origin,
    pty: s.pty,
    cols: s.cols,
    rows: s.rows,
    open: s.open,
    started_at: String(s.startedAt),
    ended_at: s.endedAt === null || s.endedAt === undefined ? null : String(s.endedAt),
    exit_status: s.exitStatus ?? null,
    exit_signal: s.exitSignal ?? null,
    close_reason: s.closeReason ?? null,
  };
}

/** How an ended session ended, in words. */
export function howEnded(s: SessionFieldsFragment): string {
  if (s.exitStatus !== null && s.exitStatus !== undefined) return `exit status ${s.exitStatus}`;
  if (s.exitSignal) return `signal ${s.exitSignal}`;
  return s.closeReason ?? 'closed';
}
