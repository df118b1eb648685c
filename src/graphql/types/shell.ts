// Shells driven by request and reply (issue 16, for assistants and scripts): open one, type into
// it, read what it printed since the last read, close it. The MCP tools shell_open … shell_close
// are these operations. Each is an ordinary session (listed by `sessions`, recorded, audited),
// held by the API key that opened it (fleet/reach/shells.ts).

import type { OpenedShell, SessionView, ShellRead } from '../../fleet/index.js';
import {
  DEFAULT_SHELL_READ_TIMEOUT_S,
  MAX_SHELL_BUFFER_BYTES,
  MAX_SHELL_READ_BYTES,
  MAX_SHELL_READ_TIMEOUT_S,
  MAX_SHELL_SEND_BYTES,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { SessionRef } from './session.js';
import { clientRefDescription } from './client.js';

/** The terminal size of a shell opened without one. */
export const DEFAULT_SHELL_COLS = 120;
export const DEFAULT_SHELL_ROWS = 40;

const OpenShellInput = builder.inputType('OpenShellInput', {
  description: 'A shell to open on a client (a login shell on a pseudo-terminal).',
  fields: (t) => ({
    clientId: t.id({ required: true, description: clientRefDescription }),
    cols: t.int({
      required: false,
      defaultValue: DEFAULT_SHELL_COLS,
      description: `Terminal columns (default ${DEFAULT_SHELL_COLS}).`,
    }),
    rows: t.int({
      required: false,
      defaultValue: DEFAULT_SHELL_ROWS,
      description: `Terminal rows (default ${DEFAULT_SHELL_ROWS}).`,
    }),
    origin: t.string({
      required: false,
      description:
        'A label shown as the session’s origin (lowercase letters, digits, -; default "graphql"). The MCP tools send "mcp".',
    }),
  }),
});

const OpenShellPayload = builder.objectRef<OpenedShell>('OpenShellPayload');
OpenShellPayload.implement({
  description: 'The shell just opened.',
  fields: (t) => ({
    session: t.field({ type: SessionRef, description: 'The session.', resolve: (o) => o.session }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Why it has no pseudo-terminal although one was asked for (the agent says).',
    }),
  }),
});

const WriteShellInput = builder.inputType('WriteShellInput', {
  description: 'Text to type into a shell.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The session id (ses_…) openShell returned.' }),
    text: t.string({
      required: true,
      description: `What to type (UTF-8, up to ${MAX_SHELL_SEND_BYTES} bytes with the newline).`,
    }),
    sendNewline: t.boolean({
      required: false,
      defaultValue: true,
      description: 'Press Enter after the text (default true).',
    }),
  }),
});

const WriteShellPayload = builder.objectRef<{ session: SessionView; bytesSent: number }>(
  'WriteShellPayload',
);
WriteShellPayload.implement({
  description: 'What was typed.',
  fields: (t) => ({
    session: t.field({ type: SessionRef, description: 'The session.', resolve: (w) => w.session }),
    bytesSent: t.exposeInt('bytesSent', { description: 'Bytes sent to the shell.' }),
  }),
});

const ReadShellInput = builder.inputType('ReadShellInput', {
  description: 'Which shell to read, and how long to wait for output.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The session id (ses_…) openShell returned.' }),
    timeout: t.float({
      required: false,
      defaultValue: DEFAULT_SHELL_READ_TIMEOUT_S,
      description: `Seconds to wait when nothing is buffered yet (0-${MAX_SHELL_READ_TIMEOUT_S}; default ${DEFAULT_SHELL_READ_TIMEOUT_S}). The read returns at once when output is already waiting, and early once output has arrived and gone quiet.`,
    }),
  }),
});

const ReadShellPayload = builder.objectRef<ShellRead>('ReadShellPayload');
ReadShellPayload.implement({
  description: `Output since the last read. At most ${MAX_SHELL_BUFFER_BYTES} bytes wait between reads (the oldest are dropped past that, and counted); one read returns at most ${MAX_SHELL_READ_BYTES}.`,
  fields: (t) => ({
    session: t.field({
      type: SessionRef,
      description: 'The session now (open: false with its exit status once it ended).',
      resolve: (r) => r.session,
    }),
    output: t.exposeString('output', {
      description:
        'What the shell printed since the last read (terminal output: may hold escape sequences).',
    }),
    droppedBytes: t.exposeFloat('droppedBytes', {
      description: 'Bytes dropped since the last read because the buffer was full (oldest first).',
    }),
    pendingBytes: t.exposeFloat('pendingBytes', {
      description: 'Bytes still waiting after this read: read again for them.',
    }),
  }),
});

const CloseShellInput = builder.inputType('CloseShellInput', {
  description: 'Which shell to close.',
  fields: (t) => ({
    sessionId: t.id({ required: true, description: 'The session id (ses_…) openShell returned.' }),
  }),
});

const CloseShellPayload = builder.objectRef<{ session: SessionView }>('CloseShellPayload');
CloseShellPayload.implement({
  description: 'The shell as it ended.',
  fields: (t) => ({
    session: t.field({
      type: SessionRef,
      description: 'The session, ended (exit status or signal, or why it was cut).',
      resolve: (c) => c.session,
    }),
  }),
});

builder.queryFields((t) => ({
  shells: t.field({
    type: [SessionRef],
    description:
      'The open shells this API key opened with openShell (the ones it can write to and read from), oldest first. MCP: shell_list.',
    resolve: (_root, _args, ctx) => ctx.fleet.shells.list(ctx.caller),
  }),
}));

builder.mutationFields((t) => ({
  openShell: t.field({
    type: OpenShellPayload,
    description:
      'Opens a login shell on a pseudo-terminal on a client, held by this API key: type into it with writeShell, read its output with readShell, end it with closeShell. Its output waits in a bounded buffer until read. It closes itself after ETPHONEHOME_SHELL_IDLE_S without input, output or reads (default 900), and when the key is revoked. Counts toward the client’s session cap and rate limit; recorded and audited (session.opened, session.closed) like the CLI’s shell. MCP: shell_open.',
    args: { input: t.arg({ type: OpenShellInput, required: true, description: 'The shell.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.fleet.shells.open(
        String(input.clientId),
        {
          cols: input.cols ?? DEFAULT_SHELL_COLS,
          rows: input.rows ?? DEFAULT_SHELL_ROWS,
          origin: input.origin ?? 'graphql',
        },
        ctx.caller,
      ),
  }),
  writeShell: t.field({
    type: WriteShellPayload,
    description:
      'Types text into one of this key’s shells (Enter after it unless sendNewline is false). Each send counts toward the client’s rate limit (RATE_LIMITED past it, nothing typed). NOT_FOUND for an unknown shell, another key’s, or one that has ended. MCP: shell_send.',
    args: { input: t.arg({ type: WriteShellInput, required: true, description: 'The text.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.fleet.shells.send(
        String(input.sessionId),
        input.text,
        input.sendNewline ?? true,
        ctx.caller,
      ),
  }),
  readShell: t.field({
    type: ReadShellPayload,
    description:
      'Takes what one of this key’s shells printed since the last read, waiting up to timeout seconds when nothing is waiting yet; after it ended, its last output and exit status. MCP: shell_read.',
    args: { input: t.arg({ type: ReadShellInput, required: true, description: 'The read.' }) },
    resolve: (_root, { input }, ctx) =>
      ctx.fleet.shells.read(
        String(input.sessionId),
        (input.timeout ?? DEFAULT_SHELL_READ_TIMEOUT_S) * 1000,
        ctx.caller,
      ),
  }),
  closeShell: t.field({
    type: CloseShellPayload,
    description:
      'Ends one of this key’s shells as a person would: end of input, then SIGHUP, then cut (a couple of seconds each), so session.closed records how it exited. MCP: shell_close.',
    args: { input: t.arg({ type: CloseShellInput, required: true, description: 'The shell.' }) },
    resolve: async (_root, { input }, ctx) => ({
      session: await ctx.fleet.shells.close(String(input.sessionId), ctx.caller),
    }),
  }),
}));
