// Turns errors into what GraphQL clients see. AppErrors are expected failures: their message
// and code go out as is (`extensions.code`). GraphQL's own errors (syntax, validation) pass
// through. Anything else is a bug: logged with a reference id, shown only as that id.

import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { isAppError } from '../errors.js';

export function createMaskError(logger: Logger) {
  return (error: unknown): Error => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const located = error instanceof GraphQLError ? error : undefined;
    if (isAppError(original)) {
      return new GraphQLError(original.message, {
        nodes: located?.nodes ?? null,
        source: located?.source ?? null,
        positions: located?.positions ?? null,
        path: located?.path ?? null,
        // No originalError: yoga would take the error for an unexpected one (HTTP 500 on SSE).
        extensions: { ...original.details, code: original.code },
      });
    }
    const refused = refusedInput(original);
    if (refused) return refused;
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
      return operationLimitError(error) ?? variableError(error) ?? error;
    }
    const ref = randomUUID().slice(0, 8);
    logger.error(
      { err: original, ref, path: located?.path },
      'unexpected error in a GraphQL operation',
    );
    return new GraphQLError(`Internal error (ref ${ref}). The server log has the details.`, {
      nodes: located?.nodes ?? null,
      path: located?.path ?? null,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ref },
    });
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
  return new GraphQLError(
    `${match[1]}${found}. Ask for less in one operation (fewer nested levels, fields, aliases, directives or a smaller page), or split it into several.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: true } },
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
    return new GraphQLError(
      'The operation nests too deeply to read (lists, objects or selections inside each other). Flatten it and retry.',
      { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
    );
  }
  if (original instanceof SyntaxError && /JSON/i.test(original.message)) {
    return new GraphQLError(
      `The request's variables or extensions are not valid JSON (${original.message.slice(0, 120)}).`,
      { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
    );
  }
  return null;
}

/** Variables that do not fit their declared types are bad input like any other. */
function variableError(error: GraphQLError): GraphQLError | null {
  if (error.extensions['code'] !== undefined || !/^Variable "\$/.test(error.message)) return null;
  return new GraphQLError(error.message, {
    nodes: error.nodes ?? null,
    source: error.source ?? null,
    positions: error.positions ?? null,
    path: error.path ?? null,
    extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
  });
}
