// What the agent does with a request line, wherever it came (a channel of its own or the call
// line): parse and validate it, run `hello` or a handler, and shape the reply's body.

import type { Logger } from 'pino';
import {
  AgentErrorCode,
  JSONRPC_VERSION,
  RpcErrorCode,
  type AgentFacts,
  type RpcErrorObject,
  type RpcMethods,
  type RpcReplyBody,
} from '../protocol/rpc.js';
import { NOTICE_METHOD, parseNotice, type Notice } from '../protocol/notice.js';
import { BEATS_FEATURE, CALL_LINE_FEATURE } from '../protocol/call-line.js';
import { describeIssues, rpcSchemas } from '../protocol/schemas.js';
import { handlers, type HandledMethod } from './handlers/index.js';
import { AgentError, type Handler, type HandlerContext } from './handlers/types.js';
import type { BeatLink } from './beats.js';

export interface RpcServerDeps {
  logger: Logger;
  allowedPaths: readonly string[] | null;
  /** The owner's ceiling on port forwards (config.yaml allowed_forwards); null = none. */
  allowedForwards?: readonly string[] | null | undefined;
  /** Answers `hello`: the agent's facts, gathered per connection. */
  facts(): Promise<AgentFacts>;
  /** Fires when the connection to the hub is gone. */
  linkClosed?: AbortSignal;
  /** Told about each valid request before it runs. */
  onRequest?(method: keyof RpcMethods): void;
  /** Told what the server decided (why it closes the session, a retry hint, quarantine). */
  onNotice?(notice: Notice): void;
  /** false: serve no call line, like an agent from before it (tests); default true. */
  callLine?: boolean | undefined;
  /** The link, for the agent's own beats; without it (tests) the call line's traffic stands in. */
  link?: BeatLink | undefined;
}

/** A request line, read: a notification, a refusal to send back, or a request to run. */
export type ParsedRequest =
  | { kind: 'notification'; method: unknown; params: unknown }
  | { kind: 'refused'; id: number | null; error: RpcErrorObject }
  /** An answer from the hub to a request of the agent's (a beat that asked for one). */
  | { kind: 'answer'; id: number }
  | { kind: 'request'; id: number; name: keyof RpcMethods; params: unknown };

/** Parses and validates one request line (its params against the method's schema). */
export function parseRequest(line: string): ParsedRequest {
  let request: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    request = parsed as Record<string, unknown>;
  } catch {
    return refused(null, RpcErrorCode.parseError, 'request is not a JSON object');
  }
  if (!('id' in request) && request['jsonrpc'] === JSONRPC_VERSION) {
    // A notification: never answered (JSON-RPC 2.0 §4.1), never counted as a request.
    return { kind: 'notification', method: request['method'], params: request['params'] };
  }
  const id = typeof request['id'] === 'number' ? request['id'] : null;
  const method = request['method'];
  if (id !== null && method === undefined && ('result' in request || 'error' in request))
    return { kind: 'answer', id };
  if (request['jsonrpc'] !== JSONRPC_VERSION || id === null || typeof method !== 'string')
    return refused(id, RpcErrorCode.invalidRequest, 'not a JSON-RPC 2.0 request');
  if (!(method in rpcSchemas))
    return refused(id, RpcErrorCode.methodNotFound, `unknown method "${method.slice(0, 64)}"`);
  const name = method as keyof RpcMethods;
  const params = rpcSchemas[name].params.safeParse(request['params'] ?? {});
  if (!params.success) {
    return {
      kind: 'refused',
      id,
      error: {
        code: RpcErrorCode.invalidParams,
        message: `invalid params: ${describeIssues(params.error)}`,
        data: { code: AgentErrorCode.badInput },
      },
    };
  }
  return { kind: 'request', id, name, params: params.data };
}

function refused(id: number | null, code: number, message: string): ParsedRequest {
  return { kind: 'refused', id, error: { code, message } };
}

/** What this agent's side of the protocol offers, told to the hub in `hello`. */
function features(deps: RpcServerDeps): string[] {
  return deps.callLine === false ? [] : [CALL_LINE_FEATURE, BEATS_FEATURE];
}

/** Runs `hello` or a one-line method (not a transfer or a stream); its reply's body. */
export async function answer(
  name: 'hello' | HandledMethod,
  params: unknown,
  context: HandlerContext,
  deps: RpcServerDeps,
): Promise<RpcReplyBody> {
  return settle(name, deps, async () =>
    name === 'hello'
      ? { ...(await deps.facts()), features: features(deps) }
      : (handlers[name] as Handler<HandledMethod>)(params as never, context),
  );
}

/** The work's result, or its failure as an error body (an AgentError with its code). */
export async function settle(
  name: keyof RpcMethods,
  deps: RpcServerDeps,
  work: () => Promise<unknown>,
): Promise<RpcReplyBody> {
  try {
    return { result: await work() };
  } catch (error) {
    if (error instanceof AgentError) {
      return {
        error: {
          code: RpcErrorCode.applicationError,
          message: error.message,
          data: { ...error.data, code: error.code },
        },
      };
    }
    deps.logger.error({ err: error, method: name }, 'handler failed unexpectedly');
    return {
      error: {
        code: RpcErrorCode.internalError,
        message: `internal error in ${name}: ${(error as Error).message}`,
      },
    };
  }
}

/** A notification from the hub: a notice is passed on; anything else is ignored. */
export function heardNotification(
  request: Extract<ParsedRequest, { kind: 'notification' }>,
  deps: RpcServerDeps,
): void {
  const notice = request.method === NOTICE_METHOD ? parseNotice(request.params) : null;
  if (notice) deps.onNotice?.(notice);
}
