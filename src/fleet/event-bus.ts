// The in-process event bus. Events are published after they are persisted (the audit row is
// the source of truth); each subscriber gets a bounded queue, so a stalled subscriber is cut off
// instead of growing the server's memory.

import { createAsyncQueue, type AsyncQueue } from '../lib/async-queue.js';
import type { FleetEvent } from './event-types.js';

export interface EventBus {
  publish(event: FleetEvent): void;
  /** Events matching `accept`, from now on, until the iterator is returned. */
  subscribe(
    accept: (event: FleetEvent) => boolean,
    options?: { maxBuffered?: number },
  ): AsyncQueue<FleetEvent>;
}

export function createEventBus(): EventBus {
  const subscribers = new Set<{
    accept: (event: FleetEvent) => boolean;
    queue: AsyncQueue<FleetEvent>;
  }>();
  return {
    publish(event) {
      for (const subscriber of subscribers) {
        if (subscriber.accept(event)) subscriber.queue.push(event);
      }
    },
    subscribe(accept, options) {
      const subscriber = {
        accept,
        queue: createAsyncQueue<FleetEvent>({
          maxBuffered: options?.maxBuffered ?? 1000,
          onClose: () => subscribers.delete(subscriber),
        }),
      };
      subscribers.add(subscriber);
      return subscriber.queue;
    },
  };
}
