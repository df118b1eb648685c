// Turns errors into what GraphQL clients see, with an `extensions.code` from the catalogue
// (src/errors.ts) on every one of them. AppErrors are expected failures: their message and code go
// out as is. GraphQL's own errors (syntax, validation, variables, operation selection) pass
// through with the catalogue's code for them. Anything else is a bug: logged with a reference id,
// shown only as that id.

import { randomUUID } from 'node:crypto';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode, errorCatalog, isAppError, isErrorCode, type ErrorCodeName } from '../errors.js';

// Every GraphQLError this program builds states a catalogue code, or none: a code typed anywhere
// else fails to compile.
declare module 'graphql' {
  interface GraphQLErrorExtensions {
    /** A code of the error catalogue (src/errors.ts, docs/errors.md). */
    code?: ErrorCodeName;
  }
}

interface CodedErrorOptions {
  /** Where the error was found: its location and path are kept. */
  at?: GraphQLError | undefined;
  /** More extensions beside the code (`ref`, `limit`, the AppError's details …). */
  extensions?: Record<string, unknown> | undefined;
  /** Answer a plain HTTP request with the code's status (request errors, not field errors). */
  httpStatus?: boolean;
}

/** A GraphQLError carrying a catalogue code. */
export function codedError(
  code: ErrorCodeName,
  message: string,
  options: CodedErrorOptions = {},
): GraphQLError {
  const { at } = options;
  const status = options.httpStatus ? errorCatalog[code].httpStatus : null;
  return new GraphQLError(message, {
    nodes: at?.nodes ?? null,
    source: at?.source ?? null,
    positions: at?.positions ?? null,
    path: at?.path ?? null,
    extensions: {
      ...options.extensions,
      code,
      ...(status === null ? {} : { http: { status } }),
    },
  });
}

/** The JSON body of a refusal answered before GraphQL runs (401, 411, 413 …). */
export function refusalBody(code: ErrorCodeName, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

export function createMaskError(logger: Logger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const located = error instanceof GraphQLError ? error : undefined;
    if (isAppError(original)) {
      // No originalError: yoga would take the error for an unexpected one (HTTP 500 on SSE).
      return codedError(original.code, original.message, {
        at: located,
        // The steps the message names, for the doors built on GraphQL to word in their own names.
        extensions:
          original.steps.length > 0
            ? { ...original.details, nextSteps: original.steps }
            : original.details,
      });
    }
    const refused = refusedInput(original);
    if (refused) return refused;
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      return operationLimitError(error) ?? variableError(error) ?? withCatalogueCode(error);
    }
    const ref = randomUUID().slice(0, 8);
    logger.error(
      { err: original, ref, path: located?.path },
      'unexpected error in a GraphQL operation',
    );
    return codedError(
      ErrorCode.internal,
      `Internal error (ref ${ref}). The server log has the details.`,
      { at: located, extensions: { ref } },
    );
  };
}

/**
 * graphql-armor reports a refused operation as "Syntax Error: Query depth limit of 10 exceeded,
 * found 12." without a code: give it the validation code and say what to do.
 */
function operationLimitError(error: GraphQLError): GraphQLError | null {
  const match = /^Syntax Error: (.* limit of \d+ exceeded)(?:, found (\S+?))?\.?$/.exec(
    error.message,
  );
  if (!match) return null;
  const found = match[2] === undefined ? '' : `, found ${formatFound(match[2])}`;
  return codedError(
    ErrorCode.graphqlValidationFailed,
    `${match[1]}${found}. Ask for less in one operation (fewer nested levels, fields, aliases, directives or a smaller page), or split it into several.`,
    { extensions: { limit: true } },
  );
}

function formatFound(raw: string): string {
  const value = Number(raw);
  return Number.isFinite(value) && value < 1e15 ? String(Math.ceil(value)) : 'far more';
}

/**
 * Failures of the request itself rather than of our code: a document nested too deeply to
 * parse, or request parameters that are not JSON. They are bad input, not internal errors.
 */
function refusedInput(original: unknown): GraphQLError | null {
  if (original instanceof RangeError && /call stack/i.test(original.message)) {
    return codedError(
      ErrorCode.badUserInput,
      'The operation nests too deeply to read (lists, objects or selections inside each other). Flatten it and retry.',
      { httpStatus: true },
    );
  }
  if (original instanceof SyntaxError && /JSON/i.test(original.message)) {
    return codedError(
      ErrorCode.badUserInput,
      `The request's variables or extensions are not valid JSON (${original.message.slice(0, 120)}).`,
      { httpStatus: true },
    );
  }
  return null;
}

/** Variables that do not fit their declared types are bad input like any other. */
function variableError(error: GraphQLError): GraphQLError | null {
  if (error.extensions.code !== undefined || !/^Variable "\$/.test(error.message)) return null;
  return codedError(ErrorCode.badUserInput, error.message, {
    at: error,
    extensions: error.extensions,
  });
}

/**
 * GraphQL's own errors keep their message; their code is the catalogue's. Yoga codes them on
 * HTTP but not always on graphql-ws (a syntax error there has none), and a code of its own that
 * the catalogue does not list is a refusal of the request (BAD_REQUEST).
 */
function withCatalogueCode(error: GraphQLError): GraphQLError {
  const given: unknown = error.extensions.code;
  if (given === ErrorCode.operationResolutionFailure && /^Could not determine/.test(error.message))
    return codedError(
      ErrorCode.operationResolutionFailure,
      'Could not determine what operation to execute: operationName must name one of the document’s operations (it is missing while the document holds several, or names none of them).',
      { at: error, extensions: error.extensions },
    );
  if (isErrorCode(given)) return error;
  const code = given === undefined ? uncodedCode(error) : ErrorCode.badRequest;
  return codedError(code, error.message, { at: error, extensions: error.extensions });
}

function uncodedCode(error: GraphQLError): ErrorCodeName {
  if (/^Syntax Error:/.test(error.message)) return ErrorCode.graphqlParseFailed;
  if (
    /operation name|Unknown operation named|Could not determine what operation/i.test(error.message)
  )
    return ErrorCode.operationResolutionFailure;
  // Validation names the document's nodes, before any field ran (no path).
  if ((error.nodes?.length ?? 0) > 0 && error.path === undefined)
    return ErrorCode.graphqlValidationFailed;
  return ErrorCode.badRequest;
}

/**
 * A document whose operation cannot be chosen: several and no operationName, or an
 * operationName it does not hold. The message keeps graphql-ws's words and names the operations.
 */
export function operationChoiceError(
  document: DocumentNode,
  operationName: string | null | undefined,
): GraphQLError {
  const names = document.definitions.flatMap((d) =>
    d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
  );
  const held = names.length === 0 ? 'no operation' : `the operations ${names.join(', ')}`;
  return codedError(
    ErrorCode.operationResolutionFailure,
    operationName
      ? `Unable to identify operation: the document holds no operation named "${operationName.slice(0, 100)}" (it holds ${held}). Send operationName naming one of them.`
      : `Unable to identify operation: the document holds ${held}; send operationName naming the one to run.`,
  );
}
