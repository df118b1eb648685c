// Webhook deliveries: the outbox as a query, replays, test deliveries, and failed attempts as
// they happen. Resolvers are thin over fleet.webhooks (fleet/index.ts FleetWebhooks).

import type { AttemptRecord, WebhookDeliveryView as WebhookDelivery } from '../../fleet/index.js';
import { MAX_DELIVERIES_LIST } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { isoTimeField, isoTimeOrNullField } from '../iso-time-fields.js';
import { idOrNull } from '../ids.js';
import { withFreshLoaders } from '../subscription-event.js';
import { ClientRef } from './client.js';

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { value: 'PENDING', description: 'Not delivered yet: waiting for its next attempt.' },
    DELIVERED: { value: 'DELIVERED', description: 'The receiver answered 2xx.' },
    FAILED: {
      value: 'FAILED',
      description:
        'Dead letter: every attempt of the retry schedule failed. replayWebhookDelivery sends it again.',
    },
  },
});

const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery');
WebhookDeliveryRef.implement({
  description:
    'One event on its way to one webhook URL (the outbox row). Signed per Standard Webhooks; see docs/webhooks.md.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description: 'The webhook-id header: the same on every attempt, so receivers can dedupe.',
    }),
    event: t.exposeString('event', {
      description: 'The event name, e.g. "client.connected" ("webhook.test" for test deliveries).',
    }),
    eventId: t.id({
      nullable: true,
      description: 'The audit event (ClientEvent.id) it carries; null for test deliveries.',
      resolve: (d) => idOrNull(d.eventId),
    }),
    client: t.field({
      type: ClientRef,
      nullable: true,
      description: 'The client the event is about, as it is now (null for a test without one).',
      resolve: (d, _args, ctx) =>
        d.clientUuid ? ctx.loaders.clientByUuid.load(d.clientUuid) : null,
    }),
    url: t.exposeString('url', { description: 'Where it goes.' }),
    status: t.field({
      type: WebhookDeliveryStatusEnum,
      description: 'PENDING, DELIVERED or FAILED.',
      resolve: (d) => d.status as 'PENDING' | 'DELIVERED' | 'FAILED',
    }),
    attempts: t.exposeInt('attempts', {
      description: 'Attempts made (since the last replay).',
    }),
    lastError: t.exposeString('lastError', {
      nullable: true,
      description:
        'Why the last attempt failed: the HTTP status and the start of the answer, a network error, a refused target, or a redirect not followed.',
    }),
    lastStatusCode: t.exposeInt('lastStatusCode', {
      nullable: true,
      description: 'The HTTP status of the last attempt (null when no answer came).',
    }),
    lastAttemptAt: isoTimeOrNullField(
      t,
      'When the last attempt was made (ISO 8601).',
      (d) => d.lastAttemptAt,
    ),
    nextAttemptAt: isoTimeOrNullField(
      t,
      'When the next attempt is due (ISO 8601); null unless PENDING.',
      (d) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
    ),
    createdAt: isoTimeField(
      t,
      'When the event was recorded and the delivery queued (ISO 8601).',
      (d) => d.createdAt,
    ),
    deliveredAt: isoTimeOrNullField(
      t,
      'When the receiver accepted it (ISO 8601).',
      (d) => d.deliveredAt,
    ),
    replayedAt: isoTimeOrNullField(
      t,
      'When it was last replayed after failing (ISO 8601).',
      (d) => d.replayedAt,
    ),
    payload: t.exposeString('payload', {
      description:
        'The exact JSON body sent: {event, timestamp, client: {uuid, display_name, hostname}, data}.',
    }),
  }),
});

const WebhookDeliveryFilterInput = builder.inputType('WebhookDeliveryFilter', {
  description: 'Which deliveries; every given condition must hold.',
  fields: (t) => ({
    status: t.field({
      type: WebhookDeliveryStatusEnum,
      required: false,
      description: 'Only deliveries in this state.',
    }),
    clientId: t.id({
      required: false,
      description: 'Only deliveries about this client (uuid, clientId or display name).',
    }),
    event: t.string({
      required: false,
      description: 'Only this event name, e.g. "client.disconnected".',
    }),
  }),
});

const WebhookReplayFilterInput = builder.inputType('WebhookReplayFilter', {
  description: 'Which FAILED deliveries to replay; every given condition must hold.',
  fields: (t) => ({
    clientId: t.id({
      required: false,
      description: 'Only deliveries about this client (uuid, clientId or display name).',
    }),
    event: t.string({ required: false, description: 'Only this event name.' }),
  }),
});

const WebhookFailureFilterInput = builder.inputType('WebhookFailureFilter', {
  description: 'Which failed attempts to report.',
  fields: (t) => ({
    clientId: t.id({
      required: false,
      description: 'Only deliveries about this client (uuid, clientId or display name).',
    }),
    deadLetteredOnly: t.boolean({
      required: false,
      description: 'Only failures that ended the retry schedule (the delivery is now FAILED).',
    }),
  }),
});

const WebhookReplayResultRef = builder.objectRef<{ count: number }>('WebhookReplayResult');
WebhookReplayResultRef.implement({
  description: 'What replayFailedWebhookDeliveries did.',
  fields: (t) => ({
    count: t.exposeInt('count', {
      description: 'How many FAILED deliveries went back to PENDING, due now.',
    }),
  }),
});

const WebhookFailureRef = builder.objectRef<AttemptRecord>('WebhookDeliveryFailure');
WebhookFailureRef.implement({
  description: 'A failed delivery attempt.',
  fields: (t) => ({
    delivery: t.field({
      type: WebhookDeliveryRef,
      description: 'The delivery after the attempt (lastError, attempts, nextAttemptAt).',
      resolve: (r) => r.delivery,
    }),
    deadLettered: t.exposeBoolean('deadLettered', {
      description: 'True when the retry schedule is spent: the delivery is now FAILED.',
    }),
  }),
});

builder.queryFields((t) => ({
  webhookDeliveries: t.field({
    type: [WebhookDeliveryRef],
    description: 'Webhook deliveries, newest first: pending, delivered or failed.',
    args: {
      filter: t.arg({
        type: WebhookDeliveryFilterInput,
        required: false,
        description: 'Which deliveries.',
      }),
      limit: t.arg.int({
        required: false,
        // Not DEFAULT_DELIVERY_LIMIT: fleet/limits.ts says 50 where the API, the CLI and the docs
        // have always said 100. The two are to be reconciled in limits.ts, not here.
        defaultValue: 100,
        description: `At most this many (1 to ${MAX_DELIVERIES_LIST}).`,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.webhooks.list(
        {
          status: args.filter?.status ?? null,
          clientId: idOrNull(args.filter?.clientId),
          event: args.filter?.event ?? null,
        },
        args.limit ?? 100,
      ),
  }),
  webhookDelivery: t.field({
    type: WebhookDeliveryRef,
    description: 'One webhook delivery by id (the webhook-id header).',
    args: { id: t.arg.id({ required: true, description: 'The delivery id (msg_…).' }) },
    resolve: (_root, args, ctx) => ctx.fleet.webhooks.get(String(args.id)),
  }),
}));

builder.mutationFields((t) => ({
  replayWebhookDelivery: t.field({
    type: WebhookDeliveryRef,
    description:
      'Sends a FAILED (dead-lettered) delivery again: back to PENDING with a fresh retry schedule and the same webhook-id.',
    args: { id: t.arg.id({ required: true, description: 'The delivery id (msg_…).' }) },
    resolve: (_root, args, ctx) => ctx.fleet.webhooks.replay(String(args.id)),
  }),
  replayFailedWebhookDeliveries: t.field({
    type: WebhookReplayResultRef,
    description:
      'Sends every FAILED delivery matching the filter again (all of them when the filter is empty).',
    args: {
      filter: t.arg({
        type: WebhookReplayFilterInput,
        required: false,
        description: 'Which failed deliveries.',
      }),
    },
    resolve: async (_root, args, ctx) => ({
      count: await ctx.fleet.webhooks.replayFailed({
        clientId: idOrNull(args.filter?.clientId),
        event: args.filter?.event ?? null,
      }),
    }),
  }),
  sendTestWebhook: t.field({
    type: WebhookDeliveryRef,
    description:
      'Sends a signed "webhook.test" delivery now and returns it after its one attempt (status DELIVERED, or FAILED with lastError). Give clientId (its URL and secret), url, or both.',
    args: {
      clientId: t.arg.id({
        required: false,
        description: 'Send as this client’s events are sent: to its webhook URL, with its secret.',
      }),
      url: t.arg.string({
        required: false,
        description: 'Send here instead (checked like a webhookUrl).',
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.webhooks.sendTest({
        clientId: idOrNull(args.clientId),
        url: args.url ?? null,
      }),
  }),
}));

builder.subscriptionFields((t) => ({
  webhookDeliveryFailed: t.field({
    type: WebhookFailureRef,
    description:
      'Failed webhook delivery attempts as they happen (for alerting on a dead receiver).',
    args: {
      filter: t.arg({
        type: WebhookFailureFilterInput,
        required: false,
        description: 'Which failures.',
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.fleet.webhooks.subscribeFailures({
        clientId: idOrNull(args.filter?.clientId),
        deadLetteredOnly: args.filter?.deadLetteredOnly ?? false,
      }),
    resolve: withFreshLoaders,
  }),
}));
