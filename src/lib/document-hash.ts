// The identity of a GraphQL document for trusted documents (docs/access.md): its normal form is
// graphql-js's `print` of the parsed document — comments, commas and insignificant whitespace
// dropped, two-space indentation, definitions and selections in the order written — and its
// hash is the lowercase hex SHA-256 of that text (UTF-8). The CLI, the MCP tools and GraphiQL
// send `print(document)` or the tab's text, so what the server computes from the parsed request
// is what the build computed from the same document (scripts/print-trusted-documents.ts).

import { createHash } from 'node:crypto';
import { parse, print, type DocumentNode } from 'graphql';

/** The normal form of a document: `print(parse(text))`; throws GraphQLError on bad syntax. */
export function normaliseDocument(document: string | DocumentNode): string {
  return print(typeof document === 'string' ? parse(document, { noLocation: true }) : document);
}

/** The lowercase hex SHA-256 of a normalised document. */
export function hashNormalisedDocument(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

const hashes = new WeakMap<DocumentNode, string>();

/** The hash of a parsed document (memoised per document object: servers cache parsed ones). */
export function documentHash(document: DocumentNode): string {
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = hashNormalisedDocument(normaliseDocument(document));
    hashes.set(document, hash);
  }
  return hash;
}

/** A SHA-256 as this module writes it: 64 lowercase hex digits. */
export function isDocumentHash(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
