// Retiring a client (the guide's decommissioning checklist in one mutation), and undoing it.

import type { ClientView, ServiceStop } from '../../fleet/index.js';
import { DEFAULT_STOP_COMMAND, MAX_REASON_CHARS } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { ClientRef, clientMutation, clientRefDescription } from './client.js';
import { CommandResultRef } from './command.js';
import { OperationErrorRef } from './operation-error.js';

const ServiceStopRef = builder.objectRef<ServiceStop>('ServiceStop');
ServiceStopRef.implement({
  description:
    'What the stop command did. Stopping the agent usually cuts its own link, so AGENT_UNAVAILABLE here often means it worked.',
  fields: (t) => ({
    result: t.field({
      type: CommandResultRef,
      nullable: true,
      description: 'The command’s outcome, when it finished.',
      resolve: (s) => s.result,
    }),
    error: t.field({
      type: OperationErrorRef,
      nullable: true,
      description: 'Why it could not run or finish (offline, key mismatch, link closed …).',
      resolve: (s) => s.error,
    }),
  }),
});

const DecommissionResultRef = builder.objectRef<{
  client: ClientView;
  serviceStop: ServiceStop | null;
}>('DecommissionResult');
DecommissionResultRef.implement({
  description: 'A decommissioned client and what its service stop did.',
  fields: (t) => ({
    client: t.field({
      type: ClientRef,
      description: 'The client, now decommissioned (history kept).',
      resolve: (r) => r.client,
    }),
    serviceStop: t.field({
      type: ServiceStopRef,
      nullable: true,
      description:
        'The stop command’s outcome; null when stopService was false or the client was offline.',
      resolve: (r) => r.serviceStop,
    }),
  }),
});

builder.mutationFields((t) => ({
  decommissionClient: t.field({
    type: DecommissionResultRef,
    description:
      'Retires a client in one step: runs stopCommand on it (unless stopService is false; only when it is online), clears its webhook, marks it decommissioned and closes its link. Its record and history stay; it disappears from lists and is refused when it connects, until restoreClient.',
    args: {
      id: t.arg.id({ required: true, description: clientRefDescription }),
      stopService: t.arg.boolean({
        required: false,
        defaultValue: true,
        description:
          'Stop the agent’s service on the client first (when it is online; its outcome is reported, and does not stop the decommissioning).',
      }),
      stopCommand: t.arg.string({
        required: false,
        description: `The command that stops it (default "${DEFAULT_STOP_COMMAND}").`,
      }),
      reason: t.arg.string({
        required: false,
        description: `Why, for the audit trail (up to ${MAX_REASON_CHARS} characters).`,
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.fleet.clients.decommission(
        String(args.id),
        { stopService: args.stopService, stopCommand: args.stopCommand, reason: args.reason },
        ctx.caller,
      ),
  }),
  restoreClient: clientMutation(t, {
    description:
      'Undoes decommissionClient: the client may connect again and appears in lists (its webhook stays cleared).',
    act: (fleet, id, caller) => fleet.clients.restore(id, caller),
  }),
}));
