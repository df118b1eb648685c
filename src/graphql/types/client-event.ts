// Fleet events: the audit trail as a query, and live as a subscription. Each event carries the
// same Client type as queries, so a monitor needs no second query.

import { FleetEventType, fleetEventTypes } from '../../fleet/index.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { ClientView, EventFilter, FleetEvent } from '../../fleet/index.js';
import {
  DEFAULT_EVENT_LIMIT,
  DEFAULT_RECENT_EVENTS,
  MAX_EVENT_LIMIT,
  MAX_EVENT_REPLAY,
  MAX_RECENT_EVENTS,
} from '../../fleet/limits.js';
import { builder } from '../builder.js';
import type { ObjectFields } from '../builder-types.js';
import { idOrNull } from '../ids.js';
import { isoTimeField } from '../iso-time-fields.js';
import { withFreshLoaders } from '../subscription-event.js';
import type { GraphQLContext } from '../context.js';
import { eventWindow } from '../event-window.js';
import { ClientRef } from './client.js';

const enumName = (type: string): string => type.replace(/[.]/g, '_').toUpperCase();

export const ClientEventTypeEnum = builder.enumType('ClientEventType', {
  description:
    'Event names as enum values: CLIENT_CONNECTED is "client.connected", COMMAND_EXECUTED is "command_executed", and so on.',
  values: Object.fromEntries(
    fleetEventTypes.map((type) => [enumName(type), { value: type, description: `"${type}"` }]),
  ),
});

/** An event's client as it is now: shared by every subscriber of a live event, else batched. */
export async function clientOfEvent(e: FleetEvent, ctx: GraphQLContext): Promise<ClientView> {
  const client =
    (await ctx.fleet.events.liveEventClient(e)) ??
    (await ctx.loaders.clientByUuid.load(e.clientUuid));
  if (!client) throw new Error(`event ${e.id} names unknown client ${e.clientUuid}`);
  return client;
}

/** The `client` field of a type read from a fleet event: the event's client as it is now. */
export function eventClientField(t: ObjectFields<FleetEvent>) {
  return t.field({
    type: ClientRef,
    description: 'The client, as it is now.',
    resolve: (e, _args, ctx) => clientOfEvent(e, ctx),
  });
}

export const ClientEventRef = builder.objectRef<FleetEvent>('ClientEvent');
ClientEventRef.implement({
  description: `Something that happened to a client. Event names: ${fleetEventTypes.join(', ')}.`,
  fields: (t) => ({
    id: t.id({
      description:
        'Position in the audit trail (increasing); also the event’s cursor: subscribe with clientEvents(after: this id) to resume after it, missing nothing.',
      resolve: (e) => String(e.id),
    }),
    event: t.exposeString('type', { description: 'The event name, e.g. "client.connected".' }),
    type: t.field({
      type: ClientEventTypeEnum,
      description: 'The event name as an enum value.',
      resolve: (e) => e.type,
    }),
    timestamp: isoTimeField(t, 'When it happened (ISO 8601).', (e) => e.at),
    client: eventClientField(t),
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
    principal: t.field({
      type: EventPrincipalRef,
      nullable: true,
      description:
        'The API key that caused it (its id and name); null for what the server or an agent did.',
      resolve: (e) =>
        e.actorKeyId ? { keyId: e.actorKeyId, keyName: e.actorKeyName ?? e.actorKeyId } : null,
    }),
    hash: t.string({
      nullable: true,
      description:
        'Its link in the audit chain: sha256 of the previous hash and this event (docs/design/0006-audit-chain.md).',
      resolve: (e) => e.hash ?? null,
    }),
  }),
});

const EventPrincipalRef = builder.objectRef<{ keyId: string; keyName: string }>('EventPrincipal');
EventPrincipalRef.implement({
  description: 'The API key behind an event.',
  fields: (t) => ({
    keyId: t.exposeID('keyId', {
      description: 'The key\'s id ("bootstrap" for the bootstrap key).',
    }),
    keyName: t.exposeString('keyName', { description: "The key's name." }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Every given condition must hold.',
  fields: (t) => ({
    events: t.stringList({
      required: false,
      description: `Only these event names (${fleetEventTypes.join(', ')}).`,
    }),
    types: t.field({
      type: [ClientEventTypeEnum],
      required: false,
      description: 'Only these event types (the enum form of `events`; both may be given).',
    }),
    clientId: t.id({
      required: false,
      description: 'Only events of this client (uuid, clientId or display name).',
    }),
    tags: t.stringList({
      required: false,
      description: 'Only events of clients carrying ALL of these tags.',
    }),
    actor: t.string({
      required: false,
      description:
        'Only events caused by this API key (its id or name), or with this actor text ("graphql 127.0.0.1").',
    }),
  }),
});

/** `events` and `types` name the same thing two ways: either may be given, or both. */
function toEventFilter(
  filter:
    | {
        events?: readonly string[] | null | undefined;
        types?: readonly string[] | null | undefined;
        clientId?: string | number | null | undefined;
        tags?: readonly string[] | null | undefined;
        actor?: string | null | undefined;
      }
    | null
    | undefined,
): EventFilter {
  if (!filter) return {};
  const names = [...(filter.events ?? []), ...(filter.types ?? [])];
  return {
    events: names.length > 0 ? names : null,
    clientId: idOrNull(filter.clientId),
    tags: filter.tags ?? null,
    actor: filter.actor ?? null,
  };
}

builder.queryFields((t) => ({
  events: t.field({
    type: [ClientEventRef],
    description:
      'The audit trail, newest first. Page backwards by passing the last id you saw as `before`.',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      limit: t.arg.int({
        required: false,
        defaultValue: DEFAULT_EVENT_LIMIT,
        description: `At most this many (1 to ${MAX_EVENT_LIMIT}).`,
      }),
      before: t.arg.id({ required: false, description: 'Only events older than this event id.' }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.events.list(
        toEventFilter(args.filter),
        args.limit ?? DEFAULT_EVENT_LIMIT,
        idOrNull(args.before),
      ),
  }),
}));

builder.subscriptionFields((t) => ({
  clientEvents: t.field({
    type: ClientEventRef,
    description: `Fleet events as they happen: connected, disconnected, key mismatches, commands, … With after (an event id, e.g. the last one received before a disconnection), the recorded events after it that match the filter come first, oldest first, then live events, with none missed or repeated at the seam; at most ${MAX_EVENT_REPLAY} are replayed (more is refused: read the audit trail with events(before:)).`,
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      after: t.arg.id({
        required: false,
        description:
          'Resume after this event id (a ClientEvent’s id; 0: from the first recorded event); without it, live events only.',
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.fleet.events.subscribe(toEventFilter(args.filter), idOrNull(args.after)),
    resolve: withFreshLoaders,
  }),
}));

builder.subscriptionFields((t) => ({
  recentClientEvents: t.field({
    type: [ClientEventRef],
    description:
      'The latest events matching the filter as one list, newest first: the audit trail’s latest when the subscription starts, then the whole list again after every new event (the oldest drops out). For views that keep a rolling window, such as GraphiQL’s live tab; clientEvents sends each event once.',
    args: {
      filter: t.arg({ type: EventFilterInput, required: false, description: 'Which events.' }),
      limit: t.arg.int({
        required: false,
        defaultValue: DEFAULT_RECENT_EVENTS,
        description: `How many the list keeps (1 to ${MAX_RECENT_EVENTS}).`,
      }),
    },
    subscribe: async (_root, args, ctx) => {
      const limit = checkLimit(args.limit ?? DEFAULT_RECENT_EVENTS);
      const filter = toEventFilter(args.filter);
      // On the bus before reading the trail, so that nothing falls between the two.
      const live = await ctx.fleet.events.subscribe(filter);
      try {
        return eventWindow(await ctx.fleet.events.list(filter, limit, null), live, limit);
      } catch (error) {
        await live.return?.();
        throw error;
      }
    },
    resolve: withFreshLoaders,
  }),
}));

builder.objectFields(ClientRef, (t) => ({
  recentEvents: t.field({
    type: [ClientEventRef],
    description: 'This client’s latest events, newest first.',
    args: {
      limit: t.arg.int({
        required: false,
        defaultValue: DEFAULT_RECENT_EVENTS,
        description: `At most this many (1 to ${MAX_RECENT_EVENTS}).`,
      }),
      events: t.arg.stringList({ required: false, description: 'Only these event names.' }),
    },
    resolve: (client, args, ctx) => {
      const limit = checkLimit(args.limit ?? DEFAULT_RECENT_EVENTS);
      const types = args.events && args.events.length > 0 ? [...args.events].sort() : null;
      return ctx.loaders.recentEvents.load({ uuid: client.uuid, limit, types });
    },
  }),
  recentCommands: t.field({
    type: [ClientEventRef],
    description:
      'This client’s latest command_executed events (command, cwd, exit code, duration), newest first.',
    args: {
      limit: t.arg.int({
        required: false,
        defaultValue: DEFAULT_RECENT_EVENTS,
        description: `At most this many (1 to ${MAX_RECENT_EVENTS}).`,
      }),
    },
    resolve: (client, args, ctx) =>
      ctx.loaders.recentEvents.load({
        uuid: client.uuid,
        limit: checkLimit(args.limit ?? DEFAULT_RECENT_EVENTS),
        types: [FleetEventType.commandExecuted],
      }),
  }),
}));

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RECENT_EVENTS)
    throw new AppError(
      ErrorCode.badUserInput,
      `limit must be from 1 to ${MAX_RECENT_EVENTS} (got ${limit}).`,
    );
  return limit;
}
