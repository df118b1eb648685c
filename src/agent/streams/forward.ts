// One forwarded TCP connection on the agent (../../protocol/stream.ts): the target is checked
// against the agent's own ceiling (`allowed_forwards`, none by default) before anything is
// dialled, then connected, then the channel and the socket are piped both ways. Each direction
// ends on its own (half-close: the operator's side may finish sending and still read), and
// either side's failure destroys both.

import net from 'node:net';
import type { Duplex } from 'node:stream';
import {
  findForwardRule,
  formatTarget,
  parseForwardRules,
  type ForwardRule,
} from '../../protocol/forward-target.js';
import { AgentErrorCode } from '../../protocol/rpc.js';
import type { ForwardHeader } from '../../protocol/stream.js';
import { coalesceWrites } from '../../lib/coalesce-writes.js';
import { AgentError } from '../handlers/types.js';

/** What the target socket may hold before the channel pauses (the channel's window is 2 MiB). */
const RELAY_HIGH_WATER_BYTES = 256 * 1024;

/** How long dialling the target may take. */
const CONNECT_TIMEOUT_MS = 10_000;

/** The agent's rules, parsed once per list (config.yaml is read at start). */
const parsed = new WeakMap<readonly string[], ForwardRule[]>();

function rulesOf(allowed: readonly string[]): ForwardRule[] {
  let rules = parsed.get(allowed);
  if (!rules) {
    const result = parseForwardRules(allowed);
    // A bad rule in config.yaml admits nothing rather than something unintended.
    rules = 'problem' in result ? [] : result;
    parsed.set(allowed, rules);
  }
  return rules;
}

/** AgentError FORWARD_DENIED unless a rule of `allowed_forwards` admits the target. */
export function checkForwardAllowed(
  allowed: readonly string[] | null,
  header: ForwardHeader,
): void {
  const target = formatTarget(header.host, header.port);
  if (allowed === null || allowed.length === 0) {
    throw new AgentError(
      AgentErrorCode.forwardDenied,
      `this machine allows no port forwards (allowed_forwards is empty in its config.yaml); refused ${target}. Its owner can allow targets with "phonehome --allowed-forwards host:port,…".`,
      { rule: 'allowed_forwards', target, allowed: [] },
    );
  }
  if (!findForwardRule(rulesOf(allowed), header.host, header.port)) {
    throw new AgentError(
      AgentErrorCode.forwardDenied,
      `${target} is outside this machine's allowed_forwards (${allowed.join(', ')}). Its owner can change them with "phonehome --allowed-forwards host:port,…".`,
      { rule: 'allowed_forwards', target, allowed: [...allowed] },
    );
  }
}

/** Dials the target; rejects with an AgentError saying why it could not. */
export function dialTarget(header: ForwardHeader, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const options = {
      host: header.host,
      port: header.port,
      allowHalfOpen: true,
      // Room for every packet one read of the link delivers (two of 32 KiB, or more in a turn),
      // so they coalesce into one write rather than pausing the channel after the first. Node
      // hands the socket's options to its Duplex (the type does not list the stream options).
      writableHighWaterMark: RELAY_HIGH_WATER_BYTES,
    };
    const socket = net.connect(options);
    const timer = setTimeout(
      () => fail(new Error(`no answer within ${CONNECT_TIMEOUT_MS} ms`)),
      CONNECT_TIMEOUT_MS,
    );
    const onAbort = (): void => fail(new Error('the server gave up'));
    const fail = (error: Error): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(
        new AgentError(
          AgentErrorCode.failed,
          `cannot connect to ${header.host}:${header.port} from this client: ${error.message}`,
        ),
      );
    };
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.off('error', fail);
      socket.setNoDelay(true);
      coalesceWrites(socket);
      resolve(socket);
    });
  });
}

/**
 * Pipes the channel and the socket both ways until both directions have ended, then closes the
 * channel — only once everything the socket sent has been written to it (ending alone sends
 * just EOF from this side of SSH; closing earlier would drop what is still queued).
 */
export function relay(channel: Duplex, socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let socketClosed = false;
    let channelFinished = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      channel.destroy();
      resolve();
    };
    const maybeDone = (): void => {
      if (socketClosed && channelFinished) finish();
    };
    socket.on('error', finish);
    channel.on('error', finish);
    socket.once('close', () => {
      socketClosed = true;
      // A reset socket never ends the channel through the pipe.
      if (!channel.writableEnded) finish();
      else maybeDone();
    });
    channel.once('finish', () => {
      channelFinished = true;
      maybeDone();
    });
    channel.once('close', finish); // the server closed it: everything goes
    // pipe() ends the destination when the source ends: that is the half-close.
    channel.pipe(socket);
    socket.pipe(channel);
  });
}
