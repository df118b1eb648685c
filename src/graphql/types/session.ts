// Shell sessions and tunnels (issue 16): who opened what on which client, their figures, the
// recording of a session, and closing them. Opening them is the /stream door's (the CLI's
// shell and forward); GraphQL lists and closes.

import type { SessionView, TunnelView } from '../../fleet/index.js';
import { DEFAULT_SESSIONS_LIST, MAX_SESSIONS_LIST } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { idMutation } from '../id-mutation.js';
import { idOrNull } from '../ids.js';

export const SessionRef = builder.objectRef<SessionView>('Session');
SessionRef.implement({
  description:
    'An interactive shell on a client: open, or ended (then from its session.closed event). Byte counts are Floats (exact up to 2^53).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The session id (ses_…).' }),
    clientUuid: t.exposeString('clientUuid', { description: 'The client’s uuid.' }),
    clientId: t.exposeString('clientId', { description: 'The client’s clientId.' }),
    principal: t.string({
      description: 'Who opened it (the audit trail’s actor).',
      resolve: (s) => s.actor,
    }),
    apiKey: t.exposeString('keyName', {
      nullable: true,
      description: 'The name of the API key that opened it; null for the server’s own.',
    }),
    origin: t.exposeString('origin', {
      description:
        'Where it was opened: "cli" (the /stream door), "mcp" (shell_open), "graphql" (openShell), or the label openShell was given.',
    }),
    command: t.exposeString('command', {
      nullable: true,
      description: 'The command run; null for the login shell.',
    }),
    pty: t.exposeBoolean('pty', { description: 'Whether it runs on a pseudo-terminal.' }),
    cols: t.exposeInt('cols', { description: 'Terminal columns (the latest size).' }),
    rows: t.exposeInt('rows', { description: 'Terminal rows (the latest size).' }),
    open: t.boolean({ description: 'Whether it is open now.', resolve: (s) => s.endedAt === null }),
    startedAt: t.field({
      type: 'DateTime',
      description: 'When it opened.',
      resolve: (s) => s.startedAt,
    }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it ended; null while open.',
      resolve: (s) => s.endedAt,
    }),
    exitStatus: t.exposeInt('exitStatus', {
      nullable: true,
      description:
        'The exit status of the shell or command; null while open or when a signal ended it.',
    }),
    exitSignal: t.exposeString('exitSignal', {
      nullable: true,
      description: 'The signal that ended it (SIGHUP when it was closed), if any.',
    }),
    closeReason: t.exposeString('closeReason', {
      nullable: true,
      description: 'Why it ended without an exit status (closed, idle, the client went away).',
    }),
    bytesIn: t.exposeFloat('bytesIn', { description: 'Bytes of input sent to it.' }),
    bytesOut: t.exposeFloat('bytesOut', { description: 'Bytes of output it produced.' }),
    recording: t.string({
      nullable: true,
      description:
        'Its asciicast v2 recording (output; input too when the server records input), as text; null when none was kept (or retention removed it). Play it with `etphonehome sessions play ID` or asciinema.',
      resolve: (s, _args, ctx) => (s.recording ? ctx.fleet.sessions.recording(s.id) : null),
    }),
  }),
});

export const TunnelRef = builder.objectRef<TunnelView>('Tunnel');
TunnelRef.implement({
  description: 'An open port forward to host:port as seen from a client, with its counters.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The tunnel id (tun_…).' }),
    clientUuid: t.exposeString('clientUuid', { description: 'The client’s uuid.' }),
    clientId: t.exposeString('clientId', { description: 'The client’s clientId.' }),
    principal: t.string({ description: 'Who opened it.', resolve: (v) => v.actor }),
    host: t.exposeString('host', { description: 'The target host, as the client resolves it.' }),
    port: t.exposeInt('port', { description: 'The target port.' }),
    listen: t.exposeString('listen', {
      nullable: true,
      description: 'Where the operator’s side listens (bind:port), as the CLI reported it.',
    }),
    openedAt: t.field({
      type: 'DateTime',
      description: 'When it opened.',
      resolve: (v) => v.openedAt,
    }),
    connections: t.exposeInt('connections', { description: 'TCP connections carried so far.' }),
    activeConnections: t.exposeInt('activeConnections', {
      description: 'TCP connections open now.',
    }),
    bytesIn: t.exposeFloat('bytesIn', { description: 'Bytes carried towards the client.' }),
    bytesOut: t.exposeFloat('bytesOut', { description: 'Bytes carried back from the client.' }),
  }),
});

const SessionFilterInput = builder.inputType('SessionFilter', {
  description: 'Which sessions to list (every condition must hold).',
  fields: (t) => ({
    clientId: t.id({ required: false, description: 'One client: uuid, clientId or display name.' }),
    openOnly: t.boolean({ required: false, description: 'Only sessions open now.' }),
  }),
});

builder.queryFields((t) => ({
  sessions: t.field({
    type: [SessionRef],
    description: `Shell sessions: open ones first (newest first), then ended ones, newest first. At most ${MAX_SESSIONS_LIST}.`,
    args: {
      filter: t.arg({
        type: SessionFilterInput,
        required: false,
        description: 'Which sessions (default: every one, open first).',
      }),
      first: t.arg.int({
        required: false,
        defaultValue: DEFAULT_SESSIONS_LIST,
        description: `How many (1-${MAX_SESSIONS_LIST}; default ${DEFAULT_SESSIONS_LIST}).`,
      }),
    },
    resolve: (_root, args, ctx) => {
      const first = args.first ?? DEFAULT_SESSIONS_LIST;
      return ctx.fleet.sessions.list(
        {
          clientId: idOrNull(args.filter?.clientId),
          openOnly: args.filter?.openOnly ?? false,
        },
        first,
      );
    },
  }),
  session: t.field({
    type: SessionRef,
    nullable: true,
    description: 'One session, open or ended; null when unknown.',
    args: { id: t.arg.id({ required: true, description: 'The session id (ses_…).' }) },
    resolve: (_root, args, ctx) => ctx.fleet.sessions.find(String(args.id)),
  }),
  tunnels: t.field({
    type: [TunnelRef],
    description: 'Open tunnels (port forwards) with their counters.',
    resolve: (_root, _args, ctx) => ctx.fleet.tunnels.list(),
  }),
}));

builder.mutationFields((t) => ({
  closeSession: idMutation(t, SessionRef, {
    description:
      'Ends an open shell session at once (its processes get SIGHUP); recorded as session.closed. NOT_FOUND when it is not open.',
    id: 'The session id (ses_…).',
    act: (fleet, id, caller) => fleet.sessions.close(id, caller),
  }),
  closeTunnel: idMutation(t, TunnelRef, {
    description:
      'Closes an open tunnel and every connection it carries; the operator’s `etphonehome forward` ends. Recorded as tunnel.closed. NOT_FOUND when it is not open.',
    id: 'The tunnel id (tun_…).',
    act: (fleet, id, caller) => fleet.tunnels.close(id, caller),
  }),
}));
