// One interactive session (a shell opened through the tunnel, issue 16): who opened it on which
// client, what ran, how it ended, how many bytes crossed, and where its recording is. The row is
// written when the session opens and completed when it ends.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ShellSessionEntity = defineEntity({
  name: 'ShellSession',
  tableName: 'shell_session',
  properties: {
    id: p.string().length(40).primary(),
    clientUuid: p.string().length(36).index(),
    actor: p.string().length(256).nullable(),
    /** The command run instead of the login shell; null = the login shell. */
    command: p.text().nullable(),
    pty: p.boolean(),
    cols: p.integer(),
    rows: p.integer(),
    /** Where it was opened from: "cli", "mcp". */
    origin: p.string().length(16),
    startedAt: p.datetime().index(),
    endedAt: p.datetime().nullable(),
    exitStatus: p.integer().nullable(),
    exitSignal: p.string().length(32).nullable(),
    closeReason: p.string().length(256).nullable(),
    bytesIn: p.bigint('number').default(0),
    bytesOut: p.bigint('number').default(0),
    /** The asciicast v2 file's name in the recordings directory; null = not recorded. */
    recording: p.string().length(128).nullable(),
    inputRecorded: p.boolean().default(false),
  },
});

export type ShellSession = InferEntity<typeof ShellSessionEntity>;
