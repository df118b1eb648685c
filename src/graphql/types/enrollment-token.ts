// Enrollment tokens: how a new machine's key is admitted without editing authorized_keys.

import type { TokenView } from '../../fleet/index.js';
import { DEFAULT_TOKEN_LIFETIME_S, DEFAULT_TOKEN_USES } from '../../fleet/limits.js';
import { builder } from '../builder.js';
import { isoTimeField, isoTimeOrNullField } from '../iso-time-fields.js';
import { idMutation } from '../id-mutation.js';

export const EnrollmentTokenRef = builder.objectRef<TokenView>('EnrollmentToken');
EnrollmentTokenRef.implement({
  description:
    'A token that admits new agents (`phonehome --enroll TOKEN`). Only its hash is stored.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Identifier (for revoking).' }),
    prefix: t.exposeString('prefix', {
      description: 'The first characters of the token, to tell tokens apart.',
    }),
    name: t.exposeString('name', { nullable: true, description: 'What the token is for.' }),
    displayName: t.exposeString('displayName', {
      nullable: true,
      description: 'Preset display name for the client that enrolls.',
    }),
    purpose: t.exposeString('purpose', { nullable: true, description: 'Preset purpose.' }),
    tags: t.exposeStringList('tags', { description: 'Preset tags.' }),
    maxUses: t.exposeInt('maxUses', {
      nullable: true,
      description: 'How many enrollments it admits; null = unlimited.',
    }),
    uses: t.exposeInt('uses', { description: 'Enrollments so far.' }),
    expiresAt: isoTimeOrNullField(t, 'Expiry (ISO 8601); null = never.', (v) => v.expiresAt),
    createdAt: isoTimeField(t, 'Creation time (ISO 8601).', (v) => v.createdAt),
    createdBy: t.exposeString('createdBy', { nullable: true, description: 'Who created it.' }),
    revokedAt: isoTimeOrNullField(t, 'Revocation time, if revoked.', (v) => v.revokedAt),
    lastUsedAt: isoTimeOrNullField(t, 'Last enrollment with it.', (v) => v.lastUsedAt),
    active: t.exposeBoolean('active', {
      description: 'True when it can still admit an agent (not revoked, expired or used up).',
    }),
  }),
});

const CreatedEnrollmentTokenRef = builder.objectRef<{ token: string; view: TokenView }>(
  'CreatedEnrollmentToken',
);
CreatedEnrollmentTokenRef.implement({
  description: 'A new token. The token string is shown only here, once.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'The secret to pass to `phonehome --enroll`. Not retrievable later.',
    }),
    enrollmentToken: t.field({
      type: EnrollmentTokenRef,
      description: 'Its stored description.',
      resolve: (v) => v.view,
    }),
  }),
});

const CreateEnrollmentTokenInput = builder.inputType('CreateEnrollmentTokenInput', {
  description: 'Options of a new enrollment token; all optional.',
  fields: (t) => ({
    name: t.string({
      required: false,
      description: 'What the token is for (up to 256 characters).',
    }),
    displayName: t.string({
      required: false,
      description: 'Display name for the client that enrolls.',
    }),
    purpose: t.string({ required: false, description: 'Purpose for the client that enrolls.' }),
    tags: t.stringList({ required: false, description: 'Tags for the client that enrolls.' }),
    maxUses: t.int({
      required: false,
      description: `Enrollments admitted (default ${DEFAULT_TOKEN_USES}; null for unlimited).`,
    }),
    expiresInSeconds: t.int({
      required: false,
      description: `Lifetime in seconds (default ${DEFAULT_TOKEN_LIFETIME_S}; null for none).`,
    }),
  }),
});

builder.queryFields((t) => ({
  enrollmentTokens: t.field({
    type: [EnrollmentTokenRef],
    description: 'Enrollment tokens, newest first.',
    args: {
      includeInactive: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: 'Also list revoked, expired and used-up tokens.',
      }),
    },
    resolve: (_root, args, ctx) => ctx.fleet.tokens.list(args.includeInactive ?? false),
  }),
}));

builder.mutationFields((t) => ({
  createEnrollmentToken: t.field({
    type: CreatedEnrollmentTokenRef,
    description: `Creates a token that admits new agents: ${DEFAULT_TOKEN_USES === 1 ? 'single use' : `${DEFAULT_TOKEN_USES} uses`} and valid ${DEFAULT_TOKEN_LIFETIME_S / 3600} h unless told otherwise.`,
    args: {
      input: t.arg({ type: CreateEnrollmentTokenInput, required: false, description: 'Options.' }),
    },
    resolve: (_root, args, ctx) => {
      const input = args.input ?? {};
      return ctx.fleet.tokens.create(
        {
          name: input.name,
          displayName: input.displayName,
          purpose: input.purpose,
          tags: input.tags,
          // An explicit null means "unlimited" / "never": keep it distinct from "not given".
          maxUses: input.maxUses === undefined ? undefined : input.maxUses,
          expiresInSeconds:
            input.expiresInSeconds === undefined ? undefined : input.expiresInSeconds,
        },
        ctx.caller,
      );
    },
  }),
  revokeEnrollmentToken: idMutation(t, EnrollmentTokenRef, {
    description: 'Revokes a token (by id or prefix); clients already enrolled stay.',
    id: 'Token id or prefix.',
    act: (fleet, id) => fleet.tokens.revoke(id),
  }),
}));
