// The agent's side of a call: read one JSON-RPC request line from a channel the hub opened,
// dispatch it to a handler, write one reply line, end the channel. The channel closing first
// means the hub gave up: the handler's signal aborts and it stops (killing a command's group).
// A notification (no id) gets no reply: the hub's `notice` (../protocol/notice.ts) is passed on.

import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { LineTooLongError, readLine } from '../lib/line-reader.js';
import {
  AgentErrorCode,
  JSONRPC_VERSION,
  MAX_MESSAGE_BYTES,
  RpcErrorCode,
  type AgentFacts,
  type RpcErrorObject,
  type RpcMethods,
} from '../protocol/rpc.js';
import { NOTICE_METHOD, parseNotice, type Notice } from '../protocol/notice.js';
import { OPEN_STREAM_METHOD, type StreamHeader } from '../protocol/stream.js';
import { describeIssues, rpcSchemas } from '../protocol/schemas.js';
import { createStreamReader, writeWithBackpressure } from '../lib/stream-reader.js';
import {
  handlers,
  isStreamed,
  streamHandlers,
  type HandledMethod,
  type StreamedMethod,
} from './handlers/index.js';
import { AgentError, type Handler, type StreamHandler } from './handlers/types.js';
import { serveStream } from './streams/serve-stream.js';

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
}

function reply(
  channel: Duplex,
  id: number | null,
  body: { result: unknown } | { error: RpcErrorObject },
): void {
  if (channel.destroyed || !channel.writable) return;
  channel.end(JSON.stringify({ jsonrpc: JSONRPC_VERSION, id, ...body }) + '\n');
}

export async function serveChannel(channel: Duplex, deps: RpcServerDeps): Promise<void> {
  const controller = new AbortController();
  const onLinkClosed = (): void => controller.abort();
  channel.once('close', () => {
    controller.abort();
    deps.linkClosed?.removeEventListener('abort', onLinkClosed);
  });
  if (deps.linkClosed?.aborted) controller.abort();
  deps.linkClosed?.addEventListener('abort', onLinkClosed, { once: true });
  channel.on('error', () => controller.abort());

  let line: string;
  try {
    line = await readLine(channel, MAX_MESSAGE_BYTES);
  } catch (error) {
    if (error instanceof LineTooLongError) {
      reply(channel, null, {
        error: { code: RpcErrorCode.invalidRequest, message: error.message },
      });
    } else channel.destroy();
    return;
  }
  let request: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    request = parsed as Record<string, unknown>;
  } catch {
    return reply(channel, null, {
      error: { code: RpcErrorCode.parseError, message: 'request is not a JSON object' },
    });
  }
  if (!('id' in request) && request['jsonrpc'] === JSONRPC_VERSION) {
    // A notification: never answered (JSON-RPC 2.0 §4.1), never counted as a request.
    const notice = request['method'] === NOTICE_METHOD ? parseNotice(request['params']) : null;
    if (notice) deps.onNotice?.(notice);
    channel.end();
    return;
  }
  const id = typeof request['id'] === 'number' ? request['id'] : null;
  const method = request['method'];
  if (request['jsonrpc'] !== JSONRPC_VERSION || id === null || typeof method !== 'string') {
    return reply(channel, id, {
      error: { code: RpcErrorCode.invalidRequest, message: 'not a JSON-RPC 2.0 request' },
    });
  }
  if (!(method in rpcSchemas)) {
    return reply(channel, id, {
      error: {
        code: RpcErrorCode.methodNotFound,
        message: `unknown method "${method.slice(0, 64)}"`,
      },
    });
  }
  const name = method as keyof RpcMethods;
  const params = rpcSchemas[name].params.safeParse(request['params'] ?? {});
  if (!params.success) {
    return reply(channel, id, {
      error: {
        code: RpcErrorCode.invalidParams,
        message: `invalid params: ${describeIssues(params.error)}`,
        data: { code: AgentErrorCode.badInput },
      },
    });
  }

  if (name === OPEN_STREAM_METHOD) {
    // A shell or a forwarded connection: the channel becomes its byte stream (../protocol/stream.ts).
    deps.onRequest?.(name);
    await serveStream(channel, id, params.data as StreamHeader, {
      logger: deps.logger,
      allowedForwards: deps.allowedForwards ?? null,
      signal: controller.signal,
    });
    return;
  }

  const context = { signal: controller.signal, allowedPaths: deps.allowedPaths };
  if (isStreamed(name)) {
    // A transfer reads on from the channel itself; its end before the reply aborts it too.
    channel.once('end', () => controller.abort());
    if (name === 'download_file') {
      // Nothing follows a download's request line, and a channel nobody reads never ends: a
      // download blocked on the SSH window (the hub stopped reading, then left) would wait
      // forever with its file open. Reading on (and discarding) lets the hub's close through.
      channel.on('data', () => undefined);
      channel.resume();
    }
  } else {
    // Keep reading (and discarding): ssh2 reports the hub closing the channel only once the
    // stream has ended, and a paused stream never ends. The hub never half-closes, so the end of
    // the stream before our reply means the call was abandoned.
    channel.on('data', () => undefined);
    channel.once('end', () => controller.abort());
    channel.resume();
  }

  deps.onRequest?.(name);
  try {
    let result: unknown;
    if (name === 'hello') result = await deps.facts();
    else if (isStreamed(name)) {
      const link = {
        reader: createStreamReader(channel, controller.signal),
        write: (chunk: Buffer | string) => writeWithBackpressure(channel, chunk, controller.signal),
      };
      result = await (streamHandlers[name] as StreamHandler<StreamedMethod>)(
        params.data as never,
        context,
        link,
      );
    } else {
      result = await (handlers[name as HandledMethod] as Handler<HandledMethod>)(
        params.data as never,
        context,
      );
    }
    reply(channel, id, { result });
  } catch (error) {
    if (error instanceof AgentError) {
      reply(channel, id, {
        error: {
          code: RpcErrorCode.applicationError,
          message: error.message,
          data: { ...error.data, code: error.code },
        },
      });
      return;
    }
    deps.logger.error({ err: error, method: name }, 'handler failed unexpectedly');
    reply(channel, id, {
      error: {
        code: RpcErrorCode.internalError,
        message: `internal error in ${name}: ${(error as Error).message}`,
      },
    });
  }
}
