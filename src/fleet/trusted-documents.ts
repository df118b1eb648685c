// Trusted documents (issue 15): with ETPHONEHOME_TRUSTED_DOCUMENTS=1 the server runs only the
// GraphQL documents the project ships (the CLI's, the MCP tools', GraphiQL's tabs: a manifest
// generated at build time, src/generated/trusted-documents.ts) and those an admin registered
// (the store, so every server on one database agrees); without it, only keys marked
// `trustedDocumentsOnly` are held to that. Documents are known by the SHA-256 of their normal
// form (lib/document-hash.ts); the doors hash what they are about to run and ask `admit` first.

import { AppError, ErrorCode } from '../errors.js';
import { hashNormalisedDocument, isDocumentHash, normaliseDocument } from '../lib/document-hash.js';
import { quote } from '../lib/quote.js';
import type { Store, TrustedDocumentRecord } from '../store/index.js';
import type { Caller } from './caller.js';

/** The longest document an admin may register (bytes of its normal form). */
export const MAX_TRUSTED_DOCUMENT_BYTES = 100_000;

export interface RegisterTrustedDocumentInput {
  /** The document's text (any formatting: it is normalised). */
  document: string;
  /** A label for lists (at most 128 characters). */
  name?: string | null | undefined;
}

/** A registered document as the doors show it. */
export type TrustedDocumentView = TrustedDocumentRecord;

export interface TrustedDocumentSettings {
  /** ETPHONEHOME_TRUSTED_DOCUMENTS: every key is held to trusted documents. */
  enforced: boolean;
  /** Hashes of the documents the project ships (the build's manifest). */
  shipped: ReadonlySet<string>;
}

function bad(message: string): AppError {
  return new AppError(ErrorCode.badUserInput, message);
}

/** The normal form of `text`; BAD_USER_INPUT when it is empty, too long or not GraphQL. */
function normalised(text: string): string {
  if (text.trim() === '') throw bad('The document is empty: pass the text of a GraphQL operation.');
  let normal: string;
  try {
    normal = normaliseDocument(text);
  } catch (error) {
    throw bad(`The document is not GraphQL: ${(error as Error).message}. Fix its syntax.`);
  }
  if (Buffer.byteLength(normal) > MAX_TRUSTED_DOCUMENT_BYTES)
    throw bad(
      `The document is ${Buffer.byteLength(normal)} bytes once normalised; at most ${MAX_TRUSTED_DOCUMENT_BYTES} may be registered.`,
    );
  return normal;
}

function checkedHash(hash: string): string {
  if (!isDocumentHash(hash))
    throw bad(
      `${quote(hash, 80)} is not a document hash: pass the 64 lowercase hex digits trustedDocuments lists.`,
    );
  return hash;
}

export function createTrustedDocuments(deps: {
  store: Store;
  /** Default: enforced for no key but those marked, nothing shipped. */
  settings?: TrustedDocumentSettings | undefined;
}) {
  const { store } = deps;
  const settings = deps.settings ?? { enforced: false, shipped: new Set<string>() };
  return {
    /** Registers a document (idempotent: the same document again returns the first record). */
    async register(
      input: RegisterTrustedDocumentInput,
      caller: Caller,
    ): Promise<TrustedDocumentView> {
      const document = normalised(input.document);
      const name = input.name?.trim() || null;
      if (name !== null && name.length > 128)
        throw bad(`The name is ${name.length} characters long; at most 128.`);
      const hash = hashNormalisedDocument(document);
      const record: TrustedDocumentRecord = {
        hash,
        name,
        document,
        createdAt: new Date(),
        createdBy: caller.principal?.name ?? caller.actor,
      };
      if (await store.trustedDocuments.insert(record)) return record;
      return (await store.trustedDocuments.get(hash)) ?? record;
    },

    /** Registered documents, newest first (the shipped ones are built in, not listed). */
    async list(): Promise<TrustedDocumentView[]> {
      return store.trustedDocuments.list();
    },

    /** Removes a registered document; NOT_FOUND when none has this hash. */
    async remove(hash: string, _caller: Caller): Promise<TrustedDocumentView> {
      const removed = await store.trustedDocuments.remove(checkedHash(hash));
      if (removed) return removed;
      throw new AppError(
        ErrorCode.notFound,
        settings.shipped.has(hash)
          ? `The document ${hash} is one the project ships; it cannot be removed.`
          : `No registered document has hash ${hash}. Call trustedDocuments to list them.`,
      );
    },

    /**
     * Nothing when the caller may run the document with this hash; UNTRUSTED_DOCUMENT when the
     * server or the caller's key needs trusted documents and it is neither shipped nor registered.
     */
    async admit(hash: string, caller: Caller): Promise<void> {
      if (!settings.enforced && !caller.principal?.trustedDocumentsOnly) return;
      if (settings.shipped.has(hash)) return;
      if (await store.trustedDocuments.get(hash)) return;
      const who = settings.enforced
        ? 'This server admits only trusted documents (ETPHONEHOME_TRUSTED_DOCUMENTS=1)'
        : `The API key ${quote(caller.principal?.name ?? '')} admits only trusted documents`;
      throw new AppError(
        ErrorCode.untrustedDocument,
        `${who}, and this document (sha256 ${hash}) is neither one the CLI, the MCP tools or GraphiQL's tabs send nor one an admin registered. Send a shipped document unchanged, or have an admin register it: registerTrustedDocument(input: {document}) or \`etphonehome documents register FILE\`.`,
        { documentHash: hash },
      );
    },
  };
}

export type TrustedDocuments = ReturnType<typeof createTrustedDocuments>;
