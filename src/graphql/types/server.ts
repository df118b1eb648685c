// The servers sharing one database (issue 14): who they are, where their peers reach them, how
// many agents each holds and when each last renewed its row. One row on SQLite.

import type { ServerView } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';

export const ServerRef = builder.objectRef<ServerView>('Server');
ServerRef.implement({
  description:
    'A server of the cluster (the servers sharing one database); on SQLite, this server alone.',
  fields: (t) => ({
    name: t.exposeString('name', {
      description: 'Its name (`--server-name`, default the hostname).',
    }),
    peerUrl: t.exposeString('peerUrl', {
      nullable: true,
      description: 'Where the other servers reach it (`--peer-url`); null when not given.',
    }),
    version: t.exposeString('version', { description: 'The etphonehome version it runs.' }),
    startedAt: isoTimeField(t, 'When it started (ISO 8601).', (server) => server.startedAt),
    lastRenewalAt: isoTimeField(
      t,
      'Its last renewal (ISO 8601); servers renew every 5 s.',
      (server) => server.renewedAt,
    ),
    clientsHeld: t.exposeInt('clientsHeld', {
      description: 'Agents connected to it at its last renewal.',
    }),
    alive: t.exposeBoolean('alive', {
      description: 'Renewed within the last 15 s; false: killed or cut off from the database.',
    }),
    self: t.exposeBoolean('self', { description: 'The server answering this query.' }),
    drainingSince: t.string({
      nullable: true,
      description:
        'Since when it hands its agents to the others (`etphonehome server --drain`, ISO 8601); null when it does not. Cleared when it starts again.',
      resolve: (server) => server.drainingSince?.toISOString() ?? null,
    }),
  }),
});

builder.queryFields((t) => ({
  servers: t.field({
    type: [ServerRef],
    description:
      'The servers sharing this database, by name: clients held, last renewal, version. A server that stopped cleanly is gone; one killed shows alive: false until it starts again under its name.',
    resolve: (_root, _args, ctx) => ctx.fleet.cluster.servers(),
  }),
}));
