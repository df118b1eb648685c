// Rate-limit breaches as they happen: every request over a client's limits, whether it ran
// anyway (WARN) or was refused (ENFORCE). Each is a client.rate_limited event in the audit trail.

import type { FleetEvent } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { idOrNull } from '../ids.js';
import { isoTimeField } from '../iso-time-fields.js';
import { withFreshLoaders } from '../subscription-event.js';
import { RateLimitModeEnum } from './client.js';
import { eventClientField } from './client-event.js';

const RateLimitKindEnum = builder.enumType('RateLimitKind', {
  description: 'Which limit a request went over.',
  values: {
    RPM: { value: 'rpm', description: 'Requests in the rolling 60-second window.' },
    CONCURRENT: { value: 'concurrent', description: 'Requests in flight at once.' },
  } as const,
});

const num = (e: FleetEvent, key: string): number => Number(e.data[key] ?? 0);

const RateLimitWarningRef = builder.objectRef<FleetEvent>('RateLimitWarning');
RateLimitWarningRef.implement({
  description: 'A request that went over a client’s rate limit.',
  fields: (t) => ({
    id: t.id({ description: 'The audit event id.', resolve: (e) => String(e.id) }),
    timestamp: isoTimeField(t, 'When (ISO 8601).', (e) => e.at),
    client: eventClientField(t),
    limit: t.field({
      type: RateLimitKindEnum,
      description: 'The limit it went over.',
      resolve: (e) => (e.data['limit'] === 'concurrent' ? 'concurrent' : 'rpm'),
    }),
    enforced: t.boolean({
      description: 'True when the request was refused (ENFORCE); false when it ran (WARN).',
      resolve: (e) => e.data['enforced'] === true,
    }),
    mode: t.field({
      type: RateLimitModeEnum,
      description: 'The client’s mode at the time.',
      resolve: (e) => (e.data['mode'] === 'ENFORCE' ? 'ENFORCE' : 'WARN'),
    }),
    operation: t.string({
      description: 'The agent method asked for (run_command, get_metrics, …).',
      resolve: (e) => String(e.data['operation'] ?? ''),
    }),
    requestsPerMinute: t.int({
      description: 'Requests in the window at the time, this one included.',
      resolve: (e) => num(e, 'requests_per_minute'),
    }),
    currentConcurrent: t.int({
      description: 'Requests in flight at the time.',
      resolve: (e) => num(e, 'current_concurrent'),
    }),
    rpmLimit: t.int({ description: 'The per-minute limit.', resolve: (e) => num(e, 'rpm_limit') }),
    concurrentLimit: t.int({
      description: 'The in-flight limit.',
      resolve: (e) => num(e, 'concurrent_limit'),
    }),
    actor: t.exposeString('actor', {
      nullable: true,
      description: 'Who made the request (door and address).',
    }),
  }),
});

builder.subscriptionFields((t) => ({
  rateLimitWarnings: t.field({
    type: RateLimitWarningRef,
    description:
      'Requests over a client’s rate limits as they happen (warned in WARN mode, refused in ENFORCE mode).',
    args: {
      clientId: t.arg.id({
        required: false,
        description: 'Only this client (uuid, clientId or display name).',
      }),
      tags: t.arg.stringList({
        required: false,
        description: 'Only clients carrying ALL these tags.',
      }),
    },
    subscribe: (_root, args, ctx) =>
      ctx.fleet.events.subscribeRateLimitWarnings({
        clientId: idOrNull(args.clientId),
        tags: args.tags ?? null,
      }),
    resolve: withFreshLoaders,
  }),
}));
