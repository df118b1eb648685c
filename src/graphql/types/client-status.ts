// One client's status, live: its state when the subscription starts, then again on every change
// of online, health, key or decommissioned state — each time the whole Client.

import type { StatusChange } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';
import { withFreshLoaders } from '../subscription-event.js';
import { ClientRef, clientRefDescription } from './client.js';

const ClientStatusChangeRef = builder.objectRef<StatusChange>('ClientStatusChange');
ClientStatusChangeRef.implement({
  description: 'A client’s state after a change (or when the subscription began).',
  fields: (t) => ({
    cause: t.exposeString('cause', {
      description:
        '"current" for the first message, then the event that changed it (client.connected, client.disconnected, client.unhealthy, client.recovered, client.key_mismatch, client.key_accepted, client.decommissioned, client.restored).',
    }),
    timestamp: isoTimeField(t, 'When the change happened (ISO 8601).', (s) => s.at),
    client: t.field({
      type: ClientRef,
      description: 'The client as it is after the change.',
      resolve: (s) => s.client,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  clientStatus: t.field({
    type: ClientStatusChangeRef,
    description:
      'One client’s online, health and key state: first as it is now, then on every change.',
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
    },
    subscribe: (_root, args, ctx) => ctx.fleet.events.subscribeStatus(String(args.id)),
    resolve: withFreshLoaders,
  }),
}));
