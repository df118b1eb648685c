// discardWebhookDeliveries: drops queued deliveries that should not be sent any more — those
// still pending for a client's old webhookUrl, say (issue 17 item 25). Thin over
// fleet.webhooks.discard; DELIVERED rows are never touched (they are the record of what was sent).

import { builder } from '../builder.js';
import { idOrNull } from '../ids.js';

const DiscardWebhookDeliveriesInput = builder.inputType('DiscardWebhookDeliveriesInput', {
  description:
    'Which queued deliveries to drop; every given condition must hold, and at least one of clientId, url or event is required.',
  fields: (t) => ({
    clientId: t.id({
      required: false,
      description: 'Only deliveries about this client (uuid, clientId or display name).',
    }),
    url: t.string({
      required: false,
      description: 'Only deliveries addressed to exactly this URL (e.g. the old webhookUrl).',
    }),
    event: t.string({ required: false, description: 'Only this event name.' }),
    includeFailed: t.boolean({
      required: false,
      description: 'Also drop FAILED (dead-lettered) deliveries; PENDING only by default.',
    }),
  }),
});

const DiscardWebhookDeliveriesPayload = builder.objectRef<{ discarded: number }>(
  'DiscardWebhookDeliveriesPayload',
);
DiscardWebhookDeliveriesPayload.implement({
  description: 'What discardWebhookDeliveries did.',
  fields: (t) => ({
    discarded: t.exposeInt('discarded', {
      description:
        'How many deliveries were deleted (a delivery being attempted at that moment is left to finish).',
    }),
  }),
});

builder.mutationFields((t) => ({
  discardWebhookDeliveries: t.field({
    type: DiscardWebhookDeliveriesPayload,
    description:
      'Drops queued (PENDING, and FAILED when asked) webhook deliveries matching the input, e.g. those still waiting for a URL that was replaced. They are deleted, not sent.',
    args: {
      input: t.arg({
        type: DiscardWebhookDeliveriesInput,
        required: true,
        description: 'Which queued deliveries to discard (at least one condition).',
      }),
    },
    resolve: async (_root, { input }, ctx) => ({
      discarded: await ctx.fleet.webhooks.discard({
        clientId: idOrNull(input.clientId),
        url: input.url ?? null,
        event: input.event ?? null,
        includeFailed: input.includeFailed ?? false,
      }),
    }),
  }),
}));
