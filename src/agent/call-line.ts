// The agent's end of the call line (../protocol/call-line.ts): after accepting it, read request
// lines for as long as the connection lasts, run each one at once (several may be in flight), and
// write each reply when it is ready. A `cancel` notification aborts its call, which then sends
// nothing. The line closing — the connection ending, or the hub giving it up — aborts them all.

import type { Duplex } from 'node:stream';
import { readLines } from '../lib/line-reader.js';
import { CANCEL_METHOD, servedOnCallLine } from '../protocol/call-line.js';
import { MAX_MESSAGE_BYTES, replyLine, RpcErrorCode, type RpcReplyBody } from '../protocol/rpc.js';
import type { HandledMethod } from './handlers/index.js';
import { answer, heardNotification, parseRequest, type RpcServerDeps } from './requests.js';

/** Serves the line on `channel` (its opening request was `id`) until it closes. */
export function serveCallLine(
  channel: Duplex,
  id: number,
  closed: AbortSignal,
  deps: RpcServerDeps,
): Promise<void> {
  const inFlight = new Map<number, AbortController>();
  const send = (replyId: number | null, body: RpcReplyBody): void => {
    if (!channel.destroyed && channel.writable) channel.write(replyLine(replyId, body));
  };
  const abortAll = (): void => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  };
  closed.addEventListener('abort', abortAll, { once: true });

  const received = (line: string): void => {
    const request = parseRequest(line);
    if (request.kind === 'notification') {
      if (request.method !== CANCEL_METHOD) return heardNotification(request, deps);
      const cancelled = (request.params as { id?: unknown } | null)?.id;
      if (typeof cancelled !== 'number') return;
      inFlight.get(cancelled)?.abort();
      inFlight.delete(cancelled);
      return;
    }
    if (request.kind === 'refused') return send(request.id, { error: request.error });
    const { id: callId, name } = request;
    if (!servedOnCallLine(name) || inFlight.has(callId)) {
      const message = inFlight.has(callId)
        ? `id ${callId} is already in flight on the call line`
        : `"${name}" has a channel of its own, not the call line`;
      return send(callId, { error: { code: RpcErrorCode.invalidRequest, message } });
    }
    const controller = new AbortController();
    inFlight.set(callId, controller);
    deps.onRequest?.(name);
    const context = { signal: controller.signal, allowedPaths: deps.allowedPaths };
    void answer(name as HandledMethod, request.params, context, deps).then((body) => {
      if (controller.signal.aborted) return; // cancelled: the hub expects nothing
      inFlight.delete(callId);
      send(callId, body);
    });
  };

  send(id, { result: {} });
  deps.logger.debug('call line open');
  return new Promise((resolve) => {
    readLines(channel, MAX_MESSAGE_BYTES, received, (error) => {
      // A line over the cap cannot be answered by id: the hub learns it from the line's end.
      if (error) deps.logger.warn({ err: error.message }, 'call line closed: unreadable request');
      channel.destroy();
      closed.removeEventListener('abort', abortAll);
      abortAll();
      resolve();
    });
  });
}
