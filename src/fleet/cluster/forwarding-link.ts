// A link to a client another server holds (issue 14): the gate talks to it as to a local one
// (../agent-link.ts), and every call goes over the peer channel (./peer-pool.ts) to the holder,
// which calls its own link with the same timeout. The caller's abort, or a deadline passing
// here first, sends `cancel`: the holder aborts its call, which cancels it on the agent as a
// local abort does. Errors come back with AgentCallError's fields, so failures.ts maps them
// exactly as for a local link. Permits come from the holder's limiter (`limiter`).
//
// Byte streams (shells, tunnel connections) and transfers each go over a peer connection of
// their own (./peer-stream.ts). A transfer's channel crosses as bytes, unread by the holder:
// this side speaks protocol/transfer.ts to the agent through it exactly as over a local
// channel (the holder says which request id the agent's replies carry), so an agent's refusal
// arrives as the same line and becomes the same AgentCallError. close() closes the socket,
// which closes the holder's channel to the agent (before the reply: cancels the transfer).

import { AgentCallError, AgentCallFailure } from '../../hub/errors.js';
import type { Notice } from '../../protocol/notice.js';
import type { RpcMethods } from '../../protocol/rpc.js';
import type {
  AgentLink,
  AgentStream,
  HolderLimiter,
  LimiterAnswer,
  LinkCallOptions,
  TransferMethod,
} from '../agent-link.js';
import type { StreamHeader, StreamReady } from '../../protocol/stream.js';
import { createTransferChannel, type TransferChannel } from '../../hub/transfer-channel.js';
import { parseAgentReply } from '../../hub/agent-reply.js';
import { entryBytes, entryStream } from './peer-stream.js';
import { AppError, ErrorCode } from '../../errors.js';
import type { PeerConnection } from './peer-pool.js';
import { transferReady, type EntryFrame, type HolderFrame } from './peer-protocol.js';

/**
 * How long past the caller's deadline this side waits for the holder's own `timeout` answer
 * (which carries the same words a local timeout has) before giving up on its own.
 */
const DEADLINE_GRACE_MS = 1_000;

/**
 * How long the holder may take to open a transfer's channel: its own opening gives up after
 * 30 s (hub/agent-session.ts), and answers with the error a local one gives.
 */
const TRANSFER_OPEN_MS = 30_000 + DEADLINE_GRACE_MS;

function callError(frame: Extract<HolderFrame, { t: 'error' }>): AgentCallError {
  return new AgentCallError(
    frame.kind,
    frame.message,
    frame.remoteCode !== undefined
      ? { remoteCode: frame.remoteCode, remoteData: frame.remoteData }
      : undefined,
  );
}

/**
 * The limiter's answer a `permitted` or `refused` frame carries (null for any other frame);
 * `release` returns a permit (called once at most).
 */
function answerOf(frame: HolderFrame, release: () => void): LimiterAnswer | null {
  if (frame.t === 'permitted') {
    let released = false;
    return {
      permit: {
        breaches: frame.breaches,
        release() {
          if (released) return;
          released = true;
          release();
        },
      },
      refusal: null,
      figures: frame.figures,
    };
  }
  if (frame.t !== 'refused') return null;
  return {
    permit: null,
    refusal: new AppError(ErrorCode.rateLimited, frame.message, frame.details, frame.steps),
    figures: frame.figures,
  };
}

/** Waits for `connection` to be authenticated, or for the caller to give up. */
function whenReady(connection: PeerConnection, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return connection.ready;
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void =>
      reject(new AgentCallError(AgentCallFailure.aborted, 'call aborted by the caller'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    connection.ready
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The socket of a connection that carries one byte stream, and where its messages go. */
type Carrier = NonNullable<PeerConnection['stream']>;

/**
 * Opens a byte stream or a transfer over `own`, a peer connection of its own: sends what
 * `request` builds, and once `ready` accepts the holder's first answer (null: refused), settles
 * with what `open` makes of it and of the connection's socket. Any other answer, the deadline,
 * the caller's abort or the connection closing first closes `own` and rejects.
 */
async function openDedicated<R, T>(
  own: PeerConnection,
  signal: AbortSignal | undefined,
  deadline: { ms: number; message: string },
  request: (id: number) => EntryFrame,
  ready: (frame: HolderFrame) => R | null,
  open: (ready: R, carrier: Carrier) => T,
): Promise<T> {
  try {
    await whenReady(own, signal);
  } catch (error) {
    own.close();
    throw error;
  }
  const carrier = own.stream;
  if (!carrier) throw new AgentCallError(AgentCallFailure.closed, 'no peer connection');
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (error: AgentCallError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      own.close();
      reject(error);
    };
    const onAbort = (): void =>
      fail(new AgentCallError(AgentCallFailure.aborted, 'abandoned by the caller'));
    const timer = setTimeout(
      () => fail(new AgentCallError(AgentCallFailure.timeout, deadline.message)),
      deadline.ms,
    );
    own.onClose(fail);
    own.request(request, (frame) => {
      if (settled) return;
      const accepted = ready(frame);
      if (accepted === null) {
        return fail(
          frame.t === 'error'
            ? callError(frame)
            : new AgentCallError(AgentCallFailure.protocol, 'peer answered out of turn'),
        );
      }
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // Synchronously, before the next message: the bytes that follow go to the stream.
      resolve(open(accepted, carrier));
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function createForwardingLink(
  uuid: string,
  connection: PeerConnection,
  /** A new connection to the same holder, for one byte stream. */
  dedicated: () => PeerConnection = () => connection,
): AgentLink {
  const limiter: HolderLimiter = {
    async acquire(uuid, clientName, limits): Promise<LimiterAnswer> {
      await connection.ready;
      return new Promise<LimiterAnswer>((resolve, reject) => {
        const stop = connection.onClose(reject);
        const id = connection.request(
          (id) => ({ t: 'permit', id, uuid, clientName, limits }),
          (frame) => {
            connection.forget(id);
            stop();
            const answer = answerOf(frame, () => connection.send({ t: 'release', id }));
            if (answer) resolve(answer);
            else if (frame.t === 'error') reject(callError(frame));
          },
        );
      });
    },
  };

  return {
    limiter,
    get closed() {
      return connection.closed;
    },
    async call<M extends keyof RpcMethods>(
      method: M,
      params: RpcMethods[M]['params'],
      options: LinkCallOptions,
    ): Promise<RpcMethods[M]['result']> {
      const { signal, timeoutMs } = options;
      const started = Date.now();
      await whenReady(connection, signal);
      return new Promise<RpcMethods[M]['result']>((resolve, reject) => {
        let id = 0;
        let stop: () => void = () => undefined;
        const finish = (): void => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          stop();
          connection.forget(id);
        };
        const giveUp = (error: AgentCallError): void => {
          finish();
          connection.send({ t: 'cancel', id });
          reject(error);
        };
        const onAbort = (): void =>
          giveUp(new AgentCallError(AgentCallFailure.aborted, 'call aborted by the caller'));
        const remaining = Math.max(1, timeoutMs - (Date.now() - started));
        const timer = setTimeout(
          () =>
            giveUp(
              new AgentCallError(
                AgentCallFailure.timeout,
                `no reply within ${Math.round(timeoutMs / 1000)} s`,
              ),
            ),
          remaining + DEADLINE_GRACE_MS,
        );
        stop = connection.onClose((error) => {
          finish();
          reject(error);
        });
        if (connection.closed) return;
        const { permit } = options;
        id = connection.request(
          (id) => ({
            t: 'call',
            id,
            uuid,
            method,
            params,
            timeoutMs: remaining,
            ...(permit ? { permit: { clientName: permit.clientName, limits: permit.limits } } : {}),
          }),
          (frame) => {
            // The holder releases a permit it took with the call when the call ends.
            const answer = permit ? answerOf(frame, () => undefined) : null;
            if (answer) {
              permit?.answered(answer);
              if (answer.permit) return; // the call's own answer follows
              finish();
              return reject(answer.refusal);
            }
            finish();
            if (frame.t === 'result') resolve(frame.result as RpcMethods[M]['result']);
            else if (frame.t === 'error') reject(callError(frame));
            else reject(new AgentCallError(AgentCallFailure.protocol, 'peer answered out of turn'));
          },
        );
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    async openTransfer<M extends TransferMethod>(
      method: M,
      params: RpcMethods[M]['params'],
    ): Promise<TransferChannel> {
      const own = dedicated();
      return openDedicated(
        own,
        undefined,
        // The holder's own opening gives up within its channel timeout; this is the backstop.
        {
          ms: TRANSFER_OPEN_MS,
          message: `server ${own.server} did not open the transfer within ${TRANSFER_OPEN_MS / 1000} s`,
        },
        (id) => ({ t: 'transfer', id, uuid, method, params }),
        (frame) => {
          const ready = frame.t === 'ready' ? transferReady.safeParse(frame.ready) : null;
          return ready?.success ? ready.data : null;
        },
        ({ requestId }, carrier) => {
          // A peer connection that drops does not always end the bytes with an error.
          const linkClosed = new AbortController();
          own.onClose(() => linkClosed.abort());
          const { channel } = entryBytes(carrier.socket, carrier.divert);
          return createTransferChannel(
            channel,
            requestId,
            (line) => parseAgentReply(method, requestId, line),
            () => own.close(),
            linkClosed.signal,
          );
        },
      );
    },
    async openStream(header: StreamHeader, options: LinkCallOptions): Promise<AgentStream> {
      const { signal, timeoutMs } = options;
      return openDedicated(
        dedicated(),
        signal,
        {
          ms: timeoutMs + DEADLINE_GRACE_MS,
          message: `no answer within ${Math.round(timeoutMs / 1000)} s`,
        },
        (id) => ({ t: 'stream', id, uuid, header, timeoutMs }),
        (frame) => (frame.t === 'ready' ? (frame.ready as StreamReady) : null),
        (ready, carrier) => entryStream(carrier.socket, carrier.divert, ready),
      );
    },
    onClose(listener) {
      return connection.onClose((error) => listener(error.message));
    },
    close(reason: string, notice?: Notice) {
      // A link made for this request may still be authenticating.
      connection.ready.then(
        () => connection.send({ t: 'close', uuid, reason, ...(notice ? { notice } : {}) }),
        () => undefined,
      );
    },
  };
}
