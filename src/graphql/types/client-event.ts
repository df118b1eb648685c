// Fleet events: the audit trail as a query, and live as a subscription. Each event carries the
// same Client type as queries, so a monitor needs no second query.

import type { FleetEvent } from '../../fleet/events.js';
import { fleetEventTypes } from '../../fleet/events.js';
import { builder } from '../builder.js';
import { ClientRef } from './client.js';

export const ClientEventRef = builder.objectRef<FleetEvent>('ClientEvent');
ClientEventRef.implement({
  description: `Something that happened to a client. Event names: ${fleetEventTypes.join(', ')}.`,
  fields: (t) => ({
    id: t.id({
      description: 'Position in the audit trail (increasing).',
      resolve: (e) => String(e.id),
    }),
    event: t.exposeString('type', { description: 'The event name, e.g. "client.connected".' }),
    timestamp: t.string({
      description: 'When it happened (ISO 8601).',
      resolve: (e) => e.at.toISOString(),
    }),
    client: t.field({
      type: ClientRef,
      description: 'The client, as it is now.',
      resolve: (e, _args, ctx) => ctx.fleet.getClient(e.clientUuid),
    }),
    data: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Event details (platform, fingerprints, command, exit code …).',
      resolve: (e) => e.data,
    }),
    actor: t.exposeString('actor', {
      nullable: true,
      description: 'Who caused it, for operations (door and address).',
    }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    events: t.stringList({
      required: false,
      description: `Only these event names (${fleetEventTypes.join(', ')}).`,
    }),
    clientId: t.id({
      required: false,
      description: 'Only events of this client (uuid, clientId or display name).',
    }),
    tags: t.stringList({
      required: false,
      description: 'Only events of clients carrying ALL of these tags.',
    }),
  }),
});

builder.queryFields((t) => ({
  events: t.field({
    type: [ClientEventRef],
    description:
      'The audit trail, newest first. Page backwards by passing the last id you saw as `before`.',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      limit: t.arg.int({
        required: false,
        defaultValue: 50,
        description: 'At most this many (1 to 1000).',
      }),
      before: t.arg.id({ required: false, description: 'Only events older than this event id.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.listEvents(
        args.filter ?? {},
        args.limit ?? 50,
        args.before === null || args.before === undefined ? null : String(args.before),
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  clientEvents: t.field({
    type: ClientEventRef,
    description:
      'Fleet events as they happen: connected, disconnected, key mismatches, commands, …',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
    },
    subscribe: (_root, args, ctx) => ctx.fleet.subscribeEvents(args.filter ?? {}),
    resolve: (event) => event,
  }),
}));
