// confirmAction: the server side of MCP confirmations (docs/access.md, "Confirmations"). The MCP
// door asks it whether a fleet-wide or destructive tool call may run; the stdio bridge reaches
// it over HTTP like every other operation, so tokens are made and checked by the server only.

import { AppError, ErrorCode } from '../../errors.js';
import type { Confirmation } from '../../fleet/index.js';
import { MAX_CONFIRMATION_TOKEN_CHARS, MAX_IDEMPOTENCY_KEY_CHARS } from '../../fleet/limits.js';
import { builder } from '../builder.js';

const ConfirmActionPayloadRef = builder.objectRef<Confirmation>('ConfirmActionPayload');
ConfirmActionPayloadRef.implement({
  description:
    'Whether the call may run now; when not, a token bound to it. Nothing else happens either way.',
  fields: (t) => ({
    confirmed: t.boolean({
      description:
        'True: run the call now (the token was valid and is now used, or the call repeats a keyed request).',
      resolve: (c) => c.confirmed,
    }),
    repeat: t.boolean({
      description:
        'True when no token was needed: the idempotency key is already held, so the call can only read the first outcome (or be CONFLICT).',
      resolve: (c) => c.confirmed && c.repeat,
    }),
    confirmationToken: t.string({
      nullable: true,
      description:
        'When not confirmed: the token to repeat the exact call with (single use; bound to the action, the arguments and this API key).',
      resolve: (c) => (c.confirmed ? null : c.token),
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the token stops being accepted.',
      resolve: (c) => (c.confirmed ? null : c.expiresAt),
    }),
  }),
});

const ConfirmActionInput = builder.inputType('ConfirmActionInput', {
  description: 'A call a door wants confirmed, as it will be made.',
  fields: (t) => ({
    action: t.string({
      required: true,
      description: 'The call’s name (the MCP tool: run_bulk_command, decommission_client …).',
    }),
    arguments: t.field({
      type: 'JSON',
      required: true,
      description: 'Its arguments as an object, without the token (key order does not matter).',
    }),
    confirmationToken: t.string({
      required: false,
      description: `The token of an earlier answer (at most ${MAX_CONFIRMATION_TOKEN_CHARS} characters); absent: ask for one.`,
    }),
    idempotencyKey: t.string({
      required: false,
      description: `The call’s idempotency key, if any (at most ${MAX_IDEMPOTENCY_KEY_CHARS} characters): a key already held makes it a repeat, which needs no token.`,
    }),
  }),
});

builder.mutationFields((t) => ({
  confirmAction: t.field({
    type: ConfirmActionPayloadRef,
    description:
      'For MCP doors: whether a fleet-wide or destructive call may run now. With the token of an earlier answer it checks it (same action, same arguments, same API key, not expired, not used) and uses it up; otherwise it returns a new token (valid ETPHONEHOME_CONFIRMATION_TTL_S, default 300 s). CONFIRMATION_INVALID says why a token does not fit. Needs OPERATOR.',
    args: {
      input: t.arg({ type: ConfirmActionInput, required: true, description: 'The call.' }),
    },
    resolve: (_root, { input }, ctx) => {
      const args = input.arguments;
      if (args === null || typeof args !== 'object' || Array.isArray(args))
        throw new AppError(ErrorCode.badUserInput, 'arguments must be a JSON object.');
      if ((input.idempotencyKey?.length ?? 0) > MAX_IDEMPOTENCY_KEY_CHARS)
        throw new AppError(
          ErrorCode.badUserInput,
          `idempotencyKey is longer than ${MAX_IDEMPOTENCY_KEY_CHARS} characters.`,
        );
      return ctx.fleet.confirmations.confirm(
        {
          action: input.action,
          arguments: args as Record<string, unknown>,
          token: input.confirmationToken ?? null,
          idempotencyKey: input.idempotencyKey ?? null,
        },
        ctx.caller,
      );
    },
  }),
}));
