// serverInfo: what an agent needs to attach to this server (its SSH port and host-key
// fingerprint), so that `etphonehome token create` and scripts can print the whole attach
// command, as the first-start banner does.

import type { ServerInfo } from '../context.js';
import { builder } from '../builder.js';

const ServerInfoRef = builder.objectRef<ServerInfo>('ServerInfo');
ServerInfoRef.implement({
  description:
    'This server as agents reach it: `phonehome --init -s <host> -p <sshPort> --server-fingerprint <hostKeyFingerprint>`.',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'The server’s version.' }),
    sshHost: t.exposeString('sshHost', {
      description:
        'The address the SSH port listens on ("0.0.0.0" or "::" for every address: agents use the server’s own name).',
    }),
    sshPort: t.exposeInt('sshPort', { description: 'The SSH port agents connect to.' }),
    hostKeyFingerprint: t.exposeString('hostKeyFingerprint', {
      description:
        'The server’s SSH host-key fingerprint (SHA256:…), for `phonehome --server-fingerprint`.',
    }),
    openEnrollment: t.exposeBoolean('openEnrollment', {
      description: 'True when any key is admitted (no enrollment token needed).',
    }),
  }),
});

builder.queryFields((t) => ({
  serverInfo: t.field({
    type: ServerInfoRef,
    nullable: true,
    description:
      'This server as agents reach it: SSH port and host-key fingerprint, for a full attach command. Null before the SSH port listens.',
    resolve: (_root, _args, ctx) => ctx.serverInfo?.() ?? null,
  }),
}));
