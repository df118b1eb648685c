// Caps on open subscriptions: per connection (one graphql-ws socket, one SSE request's socket)
// and per server. Without them one key holder opened 40,000 subscriptions on one socket (API
// latency 5.6 s, +2 GB; issue 17, item 8). A subscription over a cap is refused before it starts
// with RATE_LIMITED naming the cap and the next step; the others carry on. Refusals are logged
// through a throttle, so a flood of them is a few lines and a summary.

import type { Socket } from 'node:net';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { ErrorCode } from '../errors.js';
import { createLogThrottle } from '../lib/log-throttle.js';
import type { SubscriptionCaps } from './defaults.js';
import { codedError } from './errors.js';

export function useSubscriptionCaps(caps: SubscriptionCaps, logger: Logger): Plugin {
  const perSocket = new WeakMap<Socket, number>();
  let open = 0;
  const throttle = createLogThrottle({
    intervalMs: 60_000,
    burst: 5,
    summary: (summary) => logger.warn(summary, 'subscriptions refused over a cap (summary)'),
  });

  const refusal = (message: string, limit: string) => ({
    errors: [codedError(ErrorCode.rateLimited, message, { extensions: { limit } })],
  });

  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const context = args.contextValue as { req?: { socket?: Socket } } | undefined;
      const socket = context?.req?.socket;
      const mine = socket ? (perSocket.get(socket) ?? 0) : 0;
      const remoteAddress = socket?.remoteAddress ?? 'unknown';
      let message: string | null = null;
      let limit = 'subscriptionsPerConnection';
      if (mine >= caps.maxSubscriptionsPerConnection)
        message = `Too many subscriptions on this connection: ${mine} open, the cap is ${caps.maxSubscriptionsPerConnection}. Complete some (or watch with one subscription and a wider filter) before starting another.`;
      else if (open >= caps.maxSubscriptions) {
        limit = 'subscriptions';
        message = `Too many subscriptions on this server: ${open} open, the cap is ${caps.maxSubscriptions}. Retry later, or ask the operator to raise ETPHONEHOME_GRAPHQL_MAX_SUBSCRIPTIONS.`;
      }
      if (message) {
        if (throttle.admit(remoteAddress))
          logger.warn(
            { remoteAddress, open, onConnection: mine },
            'subscription refused: over a cap',
          );
        setResultAndStopExecution(refusal(message, limit));
        return;
      }
      open += 1;
      if (socket) perSocket.set(socket, mine + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        open -= 1;
        if (socket) perSocket.set(socket, Math.max(0, (perSocket.get(socket) ?? 1) - 1));
      };
      return {
        // An answer that is not a stream (errors) ends at once; a stream, when it ends, however.
        onSubscribeResult: ({ result }) => {
          if (!isAsyncIterable(result)) {
            release();
            return;
          }
          return { onEnd: release };
        },
        onSubscribeError: release,
      };
    },
  };
}
