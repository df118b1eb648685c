// How a tool reaches the fleet: one GraphQL operation through an executor. Two of them:
//
//   in-process (Streamable HTTP at /mcp)   graphql `execute` against the server's own schema,
//                                          with a context built for this MCP session as caller
//   over HTTP  (`etphonehome mcp`, stdio)  POST /graphql of a running server with the API key
//
// Either way a failure comes back as a ToolError carrying the error catalog's code and a message
// safe to show; the tools never see GraphQL's shapes.

import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { execute, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { catalogueCode, createGraphQLClient, GraphQLRequestError } from '../client/index.js';
import { ErrorCode, isAppError, localise, type ErrorCodeName } from '../errors.js';
import type { Caller, Principal } from '../fleet/index.js';

/** A tool's failure: a catalogue code and a message safe to show (the `isError` result's text). */
export class ToolError extends Error {
  readonly code: ErrorCodeName;
  constructor(code: ErrorCodeName, message: string) {
    super(message);
    this.name = 'ToolError';
    this.code = code;
  }
}

export interface RequestOptions {
  /** Who is asking, for the audit trail (used in-process; the HTTP door names its own caller). */
  actor: string;
  /** The session's key (in-process; over HTTP the server authenticates the bearer key). */
  principal?: Principal | undefined;
  signal?: AbortSignal | undefined;
}

export interface Executor {
  request<R, V>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    options: RequestOptions,
  ): Promise<R>;
}

/** In-process: the server's schema, a fresh context per operation (fresh batching loaders). */
export function createSchemaExecutor(options: {
  schema: GraphQLSchema;
  contextFor: (caller: Caller) => unknown;
  /** Refuses a document the caller may not run (trusted documents), before it runs. */
  admit?: (document: DocumentNode, caller: Caller) => Promise<void>;
  logger: Logger;
  /** Resolves once this server reads what other servers wrote before now (fleet.caughtUp). */
  caughtUp?: (() => Promise<void>) | undefined;
}): Executor {
  return {
    async request(document, variables, { actor, principal, signal }) {
      try {
        await options.admit?.(document, { actor, principal, signal });
      } catch (error) {
        if (isAppError(error))
          throw new ToolError(error.code, localise(error.message, error.steps, 'mcp'));
        throw error;
      }
      await options.caughtUp?.();
      const result = await execute({
        schema: options.schema,
        document,
        variableValues: variables as Record<string, unknown>,
        contextValue: options.contextFor({ actor, principal, signal }),
      });
      const [first] = result.errors ?? [];
      if (first) throw toolErrorOf(first, options.logger);
      return result.data as never;
    },
  };
}

function toolErrorOf(error: GraphQLError, logger: Logger): ToolError {
  const original = error.originalError;
  if (isAppError(original))
    return new ToolError(original.code, localise(original.message, original.steps, 'mcp'));
  if (!original || original instanceof GraphQLError) {
    // GraphQL's own refusals (a variable of the wrong type …) are bad input.
    const code = error.extensions['code'];
    const known = typeof code === 'string' ? catalogueCode(code) : undefined;
    return new ToolError(known ?? ErrorCode.badUserInput, error.message);
  }
  const ref = randomUUID().slice(0, 8);
  logger.error({ err: original, ref, path: error.path }, 'unexpected error in an MCP tool call');
  return new ToolError(
    ErrorCode.internal,
    `Internal error (ref ${ref}). The server log has the details.`,
  );
}

/**
 * Over HTTP to a running server (the stdio bridge), with the shared GraphQL client (node:http, no
 * response deadline: run_command with timeout: 600 must get 600 s).
 */
export function createHttpExecutor(options: { url: string; apiKey: string }): Executor {
  const client = createGraphQLClient(options);
  return {
    async request(document, variables, { signal }) {
      try {
        return await client.request(document, variables, signal ? { signal } : {});
      } catch (error) {
        if (error instanceof GraphQLRequestError) {
          // A code the catalogue does not know (GraphQL's own validation codes) is bad input.
          if (error.code)
            throw new ToolError(error.errorCode ?? ErrorCode.badUserInput, error.messageFor('mcp'));
          throw new ToolError(
            error.status === 401 ? ErrorCode.unauthenticated : ErrorCode.internal,
            `The server at ${options.url} answered ${error.message.slice(0, 200)}`,
          );
        }
        if (signal?.aborted || (error as Error).name === 'AbortError') {
          throw new ToolError(ErrorCode.timeout, 'The request was cancelled by the MCP client.');
        }
        throw new ToolError(
          ErrorCode.serverUnreachable,
          `Cannot reach the ET Phone Home server at ${options.url} (${(error as Error).message}). Check that it is running and that --url / ETPHONEHOME_URL points at it.`,
        );
      }
    },
  };
}
