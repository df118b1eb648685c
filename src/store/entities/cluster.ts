// What servers sharing one database share (issue 14): the cluster's secrets (SSH host key,
// webhook signing secret, the peer credential), created once by whichever server starts first,
// and the servers themselves (name, peer URL, version, last renewal). On SQLite (one server)
// the tables exist too, so both dialects keep one schema, but only a shared database needs them.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ClusterSecretEntity = defineEntity({
  name: 'ClusterSecret',
  tableName: 'cluster_secret',
  properties: {
    name: p.string().length(64).primary(),
    value: p.text(),
    createdAt: p.datetime(),
  },
});

export const ClusterServerEntity = defineEntity({
  name: 'ClusterServer',
  tableName: 'cluster_server',
  properties: {
    name: p.string().length(255).primary(),
    peerUrl: p.string().length(2048).nullable(),
    version: p.string().length(64),
    startedAt: p.datetime(),
    renewedAt: p.datetime(),
    clientsHeld: p.integer().default(0),
    /** Set by `etphonehome server --drain`: the server hands its agents to the others. */
    drainingSince: p.datetime().nullable(),
  },
});

export type ClusterSecret = InferEntity<typeof ClusterSecretEntity>;
export type ClusterServer = InferEntity<typeof ClusterServerEntity>;
