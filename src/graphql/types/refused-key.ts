// Client.lastRefusedKey: the newest key the server turned away for this client (an impostor, or
// an agent whose new key nobody admitted), read from the audit trail's `client.key_mismatch`
// events with `refused: true` (issue 17 item 7; fleet/refused-keys.ts records them, one event
// per client per minute at most, `attempts` counting the tries it stands for).

import { FleetEventType } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { ClientRef } from './client.js';

/** Recent key_mismatch events searched for a refused one (accepted mismatches are rare). */
const SEARCHED_EVENTS = 20;

interface RefusedKey {
  fingerprint: string;
  at: string;
  remoteAddress: string | null;
  count: number;
  reason: string | null;
}

const RefusedKeyRef = builder.objectRef<RefusedKey>('RefusedKey');
RefusedKeyRef.implement({
  description:
    'A key the server refused for a client that already has a pinned one (recorded as a client.key_mismatch event with refused: true).',
  fields: (t) => ({
    fingerprint: t.exposeString('fingerprint', {
      description: 'SHA256 fingerprint of the refused key (it proved it holds the key).',
    }),
    at: t.exposeString('at', {
      description:
        'When this record was made (ISO 8601); attempts within a minute are folded into one record.',
    }),
    remoteAddress: t.exposeString('remoteAddress', {
      nullable: true,
      description: 'The address the refused connection came from.',
    }),
    count: t.exposeInt('count', {
      description: 'How many refused attempts this record stands for (one record per minute).',
    }),
    reason: t.exposeString('reason', {
      nullable: true,
      description: 'Why it was refused: not admitted, or the pinned key was online.',
    }),
  }),
});

builder.objectFields(ClientRef, (t) => ({
  lastRefusedKey: t.field({
    type: RefusedKeyRef,
    nullable: true,
    description:
      'The newest key refused for this client (an impostor, or a new key nobody admitted); null when none was. Its history: recentEvents(events: ["client.key_mismatch"]).',
    resolve: async (client, _args, ctx) => {
      const events = await ctx.loaders.recentEvents.load({
        uuid: client.uuid,
        limit: SEARCHED_EVENTS,
        types: [FleetEventType.keyMismatch],
      });
      const event = events.find((e) => e.data['refused'] === true);
      if (!event) return null;
      const data = event.data;
      return {
        fingerprint: String(data['new_fingerprint'] ?? ''),
        at: event.at.toISOString(),
        remoteAddress: typeof data['remote_address'] === 'string' ? data['remote_address'] : null,
        count: typeof data['attempts'] === 'number' ? data['attempts'] : 1,
        reason: typeof data['reason'] === 'string' ? data['reason'] : null,
      };
    },
  }),
}));
