// Trusted documents (docs/access.md): the GraphQL documents an admin registered, beside the ones
// the project ships, which ETPHONEHOME_TRUSTED_DOCUMENTS=1 (or a key marked
// trustedDocumentsOnly) limits a caller to. Registering checks the document against the schema
// here, so that a typo is refused now rather than trusted and failing later.

import { GraphQLError, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import { AppError, ErrorCode } from '../../errors.js';
import { requireRole } from '../../fleet/access.js';
import type { TrustedDocumentView } from '../../fleet/index.js';
import { builder } from '../builder.js';
import { isoTimeField } from '../iso-time-fields.js';

export const TrustedDocumentRef = builder.objectRef<TrustedDocumentView>('TrustedDocument');
TrustedDocumentRef.implement({
  description:
    'A GraphQL document an admin registered as trusted: admitted where only trusted documents run.',
  fields: (t) => ({
    hash: t.exposeString('hash', {
      description:
        'SHA-256 (lowercase hex) of the normalised document: the text graphql-js `print` gives for it.',
    }),
    name: t.exposeString('name', { nullable: true, description: 'The label it was given.' }),
    document: t.exposeString('document', { description: 'The normalised document.' }),
    createdAt: isoTimeField(t, 'When it was registered (ISO 8601).', (d) => d.createdAt),
    createdBy: t.exposeString('createdBy', {
      nullable: true,
      description: 'The key that registered it.',
    }),
  }),
});

const TrustedDocumentPayload = builder
  .objectRef<{ trustedDocument: TrustedDocumentView }>('TrustedDocumentPayload')
  .implement({
    description: 'The trusted document a mutation registered or removed.',
    fields: (t) => ({
      trustedDocument: t.field({
        type: TrustedDocumentRef,
        description: 'The document.',
        resolve: (p) => p.trustedDocument,
      }),
    }),
  });

const RegisterTrustedDocumentInput = builder.inputType('RegisterTrustedDocumentInput', {
  description: 'A document to trust.',
  fields: (t) => ({
    document: t.string({
      required: true,
      description:
        'The document as your client sends it (whitespace, commas and comments do not matter).',
    }),
    name: t.string({ required: false, description: 'A label for lists (up to 128 characters).' }),
  }),
});

const RemoveTrustedDocumentInput = builder.inputType('RemoveTrustedDocumentInput', {
  description: 'A registered document to stop trusting.',
  fields: (t) => ({
    hash: t.string({ required: true, description: 'Its hash, as trustedDocuments lists it.' }),
  }),
});

/** BAD_USER_INPUT unless `text` is a GraphQL document with an operation that fits `schema`. */
function assertRunnable(text: string, schema: GraphQLSchema): void {
  if (text.trim() === '') return; // the fleet words the empty document's refusal
  let document;
  try {
    document = parse(text, { noLocation: true });
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return; // the fleet words the syntax error
  }
  if (!document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION))
    throw new AppError(
      ErrorCode.badUserInput,
      'The document holds no operation (only fragments): register the operation that uses them, fragments included.',
    );
  const errors = validate(schema, document);
  if (errors.length > 0)
    throw new AppError(
      ErrorCode.badUserInput,
      `The document does not fit the schema: ${errors
        .slice(0, 3)
        .map((e) => e.message)
        .join(' ')} Fix it (GraphiQL's Docs pane shows the schema) and register it again.`,
    );
}

builder.queryFields((t) => ({
  trustedDocuments: t.field({
    type: [TrustedDocumentRef],
    description:
      'The documents admins registered as trusted, newest first (the shipped ones are built in and not listed). Needs ADMIN.',
    resolve: (_root, _args, ctx) => ctx.fleet.documents.list(),
  }),
}));

builder.mutationFields((t) => ({
  registerTrustedDocument: t.field({
    type: TrustedDocumentPayload,
    description:
      'Trusts a document on every server sharing this database; registering it again keeps the first record. Needs ADMIN.',
    args: {
      input: t.arg({ type: RegisterTrustedDocumentInput, required: true, description: 'It.' }),
    },
    resolve: async (_root, { input }, ctx, info) => {
      // The role first: a key that may not register learns nothing about its document.
      requireRole(ctx.caller.principal!, 'documents.register');
      assertRunnable(input.document, info.schema);
      const trustedDocument = await ctx.fleet.documents.register(
        { document: input.document, name: input.name ?? null },
        ctx.caller,
      );
      return { trustedDocument };
    },
  }),
  removeTrustedDocument: t.field({
    type: TrustedDocumentPayload,
    description:
      'Stops trusting a registered document; where only trusted documents run it is refused at once. Needs ADMIN.',
    args: {
      input: t.arg({ type: RemoveTrustedDocumentInput, required: true, description: 'Which.' }),
    },
    resolve: async (_root, { input }, ctx) => ({
      trustedDocument: await ctx.fleet.documents.remove(input.hash, ctx.caller),
    }),
  }),
}));
