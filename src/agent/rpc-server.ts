// The agent's side of a call: read one JSON-RPC request line from a channel the hub opened,
// dispatch it to a handler, write one reply line, end the channel. A `call_line` request turns
// the channel into the call line instead (./call-line.ts), served with the same parsing and
// handlers (./requests.ts). The channel closing first means the hub gave up: the handler's
// signal aborts and it stops (killing a command's group). A notification (no id) gets no reply:
// the hub's `notice` (../protocol/notice.ts) is passed on.

import type { Duplex } from 'node:stream';
import { LineTooLongError, readLine } from '../lib/line-reader.js';
import { MAX_MESSAGE_BYTES, replyLine, RpcErrorCode, type RpcReplyBody } from '../protocol/rpc.js';
import { OPEN_STREAM_METHOD, type StreamHeader } from '../protocol/stream.js';
import { BEATS_METHOD, CALL_LINE_METHOD } from '../protocol/call-line.js';
import { createStreamReader, writeWithBackpressure } from '../lib/stream-reader.js';
import { isStreamed, streamHandlers, type StreamedMethod } from './handlers/index.js';
import type { StreamHandler } from './handlers/types.js';
import { serveStream } from './streams/serve-stream.js';
import { serveCallLine } from './call-line.js';
import { answer, heardNotification, parseRequest, settle, type RpcServerDeps } from './requests.js';

export type { RpcServerDeps } from './requests.js';

function reply(channel: Duplex, id: number | null, body: RpcReplyBody): void {
  if (channel.destroyed || !channel.writable) return;
  channel.end(replyLine(id, body));
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
  const request = parseRequest(line);
  if (request.kind === 'notification') {
    heardNotification(request, deps);
    channel.end();
    return;
  }
  if (request.kind === 'refused') return reply(channel, request.id, { error: request.error });
  if (request.kind === 'answer') {
    // Nothing of the agent's travels on a channel of its own: no answer is awaited here.
    const error = { code: RpcErrorCode.invalidRequest, message: 'not a JSON-RPC 2.0 request' };
    return reply(channel, request.id, { error });
  }
  const { id, name } = request;

  if (name === CALL_LINE_METHOD) {
    // The channel becomes the call line (../protocol/call-line.ts) until the connection ends;
    // without it (tests), refused as an agent from before it refuses an unknown method.
    if (deps.callLine === false) {
      const error = { code: RpcErrorCode.methodNotFound, message: 'this agent has no call line' };
      return reply(channel, id, { error });
    }
    return serveCallLine(channel, id, controller.signal, deps);
  }
  if (name === BEATS_METHOD) {
    const message = 'beats are sent on the call line only: ask for the call line first';
    return reply(channel, id, { error: { code: RpcErrorCode.invalidRequest, message } });
  }
  if (name === OPEN_STREAM_METHOD) {
    // A shell or a forwarded connection: the channel becomes its byte stream (../protocol/stream.ts).
    deps.onRequest?.(name);
    await serveStream(channel, id, request.params as StreamHeader, {
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
    deps.onRequest?.(name);
    const link = {
      reader: createStreamReader(channel, controller.signal),
      write: (chunk: Buffer | string) => writeWithBackpressure(channel, chunk, controller.signal),
    };
    const handler = streamHandlers[name] as StreamHandler<StreamedMethod>;
    return reply(
      channel,
      id,
      await settle(name, deps, () => handler(request.params as never, context, link)),
    );
  }
  // Keep reading (and discarding): ssh2 reports the hub closing the channel only once the
  // stream has ended, and a paused stream never ends. The hub never half-closes, so the end of
  // the stream before our reply means the call was abandoned.
  channel.on('data', () => undefined);
  channel.once('end', () => controller.abort());
  channel.resume();
  deps.onRequest?.(name);
  reply(channel, id, await answer(name, request.params, context, deps));
}
