// The agent's end of open_stream (../../protocol/stream.ts): answers the request line with the
// ready reply (the channel stays open) or an error reply (the channel ends), then hands the
// channel to the shell or the forward. Nothing is dialled or spawned before its checks pass.

import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { replyLine, RpcErrorCode, type RpcErrorObject } from '../../protocol/rpc.js';
import type { StreamHeader, StreamReady } from '../../protocol/stream.js';
import { AgentError } from '../handlers/types.js';
import { checkForwardAllowed, dialTarget, relay } from './forward.js';
import { runShell } from './shell.js';

export interface StreamContext {
  logger: Logger;
  /** config.yaml allowed_forwards; null = none. */
  allowedForwards: readonly string[] | null;
  /** Aborts when the hub abandons the request (or the link dies). */
  signal: AbortSignal;
}

function errorReply(channel: Duplex, id: number, error: RpcErrorObject): void {
  if (!channel.destroyed && channel.writable) channel.end(replyLine(id, { error }));
}

function readyLine(id: number, result: StreamReady): string {
  return replyLine(id, { result });
}

export async function serveStream(
  channel: Duplex,
  id: number,
  header: StreamHeader,
  context: StreamContext,
): Promise<void> {
  const log = context.logger.child({ stream: header.kind });
  try {
    if (header.kind === 'forward') {
      checkForwardAllowed(context.allowedForwards, header);
      const socket = await dialTarget(header, context.signal);
      if (channel.destroyed) return void socket.destroy();
      channel.write(readyLine(id, { kind: 'forward' }));
      await relay(channel, socket);
      return;
    }
    await runShell(channel, header, log, (ready) => channel.write(readyLine(id, ready)));
  } catch (error) {
    if (error instanceof AgentError) {
      errorReply(channel, id, {
        code: RpcErrorCode.applicationError,
        message: error.message,
        data: { ...error.data, code: error.code },
      });
      return;
    }
    log.error({ err: error }, 'stream failed unexpectedly');
    errorReply(channel, id, {
      code: RpcErrorCode.internalError,
      message: `internal error in open_stream: ${(error as Error).message}`,
    });
  }
}
