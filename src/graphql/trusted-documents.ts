// Trusted documents at the GraphQL door (docs/access.md): before an operation runs — over HTTP
// POST or GET, SSE or graphql-ws, which all execute through this envelope — the fleet is asked
// whether the caller may run the document (its hash: lib/document-hash.ts). A refusal answers
// UNTRUSTED_DOCUMENT and nothing runs.
//
// An operation that reads only the schema (`__schema`, `__type`, `__typename` at its root) is
// admitted without asking: it reaches nothing of the fleet, and GraphiQL needs it to load (its
// introspection query, the login form's `{ __typename }`). The schema is public in the package;
// ETPHONEHOME_GRAPHQL_INTROSPECTION=0 still hides it.

import { Kind, type DocumentNode, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isAppError } from '../errors.js';
import { documentHash } from '../lib/document-hash.js';
import type { GraphQLContext } from './context.js';
import { codedError } from './errors.js';

const SCHEMA_FIELDS = new Set(['__schema', '__type', '__typename']);

/** Every operation selects only schema fields at its root (fragments spread there do not count). */
export function readsOnlySchema(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  return (
    operations.length > 0 &&
    operations.every((operation) =>
      operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && SCHEMA_FIELDS.has(selection.name.value),
      ),
    )
  );
}

/** The refusal of `document` for this context's caller, or null when it may run. */
async function refusalOf(document: DocumentNode, context: unknown): Promise<GraphQLError | null> {
  if (readsOnlySchema(document)) return null;
  const { fleet, caller } = context as GraphQLContext;
  try {
    await fleet.documents.admit(documentHash(document), caller);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return codedError(error.code, error.message, { extensions: error.details, httpStatus: true });
  }
}

export const trustedDocumentsPlugin: Plugin = {
  async onExecute({ args, setResultAndStopExecution }) {
    const refusal = await refusalOf(args.document, args.contextValue);
    if (refusal) setResultAndStopExecution({ errors: [refusal] });
  },
  async onSubscribe({ args, setResultAndStopExecution }) {
    const refusal = await refusalOf(args.document, args.contextValue);
    if (refusal) setResultAndStopExecution({ errors: [refusal] });
  },
};
