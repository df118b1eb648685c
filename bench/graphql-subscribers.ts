// Many graphql-ws subscribers on `clientEvents`, each on its own WebSocket, recording when each
// event reaches it. Receive times use this process's clock (performance.timeOrigin + now()),
// which on one machine is the server's clock too, so they compare with an event's `timestamp`.

import { performance } from 'node:perf_hooks';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Delivery {
  id: number;
  event: string;
  /** The event's `timestamp` (server clock, ms resolution), as epoch ms. */
  timestampMs: number;
  /** Epoch ms (fractional) at which each subscriber had it, in arrival order. */
  received: number[];
}

export interface SubscriberPool {
  readonly size: number;
  /** Resolves when every subscriber has the first event after `afterId` matching `event`. */
  waitForAll(event: string, afterId: number, timeoutMs: number): Promise<Delivery>;
  /** Deliveries so far, by event id (for diagnostics). */
  deliveries(): Delivery[];
  close(): Promise<void>;
}

interface EventPayload {
  clientEvents?: { id: string; event: string; timestamp: string };
}

const epochNow = (): number => performance.timeOrigin + performance.now();

function connect(url: string, apiKey: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${apiKey}` },
      lazy: false,
      retryAttempts: 0,
      on: { error: () => undefined },
    });
    const offConnected = client.on('connected', () => {
      offConnected();
      offClosed();
      resolve(client);
    });
    const offClosed = client.on('closed', (event) => {
      offConnected();
      offClosed();
      reject(new Error(`graphql-ws closed before connecting: ${JSON.stringify(event)}`));
    });
  });
}

/**
 * Opens `size` WebSockets (`batch` handshakes at a time) and subscribes each to `query`, which
 * must select `clientEvents { id event timestamp }` (and may select more).
 */
export async function createSubscriberPool(options: {
  url: string;
  apiKey: string;
  size: number;
  query: string;
  batch?: number;
}): Promise<SubscriberPool> {
  const clients: Client[] = [];
  const byId = new Map<number, Delivery>();
  const errors: string[] = [];
  const waiters = new Set<() => void>();
  const batch = options.batch ?? 50;

  const pool: SubscriberPool = {
    size: options.size,
    async waitForAll(event, afterId, timeoutMs) {
      const find = () =>
        [...byId.values()]
          .filter((d) => d.event === event && d.id > afterId)
          .sort((a, b) => a.id - b.id)[0];
      return new Promise((resolve, reject) => {
        const check = () => {
          if (errors.length > 0) {
            finish();
            reject(new Error(`subscription error: ${errors[0]}`));
            return;
          }
          const delivery = find();
          if (delivery && delivery.received.length >= options.size) {
            finish();
            resolve(delivery);
          }
        };
        const timer = setTimeout(() => {
          finish();
          const delivery = find();
          reject(
            new Error(
              `${event} after #${afterId} reached ${delivery?.received.length ?? 0} of ${options.size} subscribers in ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    deliveries: () => [...byId.values()],
    async close() {
      await Promise.all(clients.map((client) => client.dispose()));
    },
  };

  try {
    for (let start = 0; start < options.size; start += batch) {
      const count = Math.min(batch, options.size - start);
      const opened = await Promise.all(
        Array.from({ length: count }, () => connect(options.url, options.apiKey)),
      );
      clients.push(...opened);
    }
  } catch (error) {
    await pool.close();
    throw error;
  }

  for (const client of clients) {
    client.subscribe<EventPayload>(
      { query: options.query },
      {
        next: (result) => {
          const at = epochNow();
          const payload = result.data?.clientEvents;
          if (result.errors || !payload) {
            errors.push(JSON.stringify(result.errors ?? result));
          } else {
            const id = Number(payload.id);
            let delivery = byId.get(id);
            if (!delivery) {
              delivery = {
                id,
                event: payload.event,
                timestampMs: Date.parse(payload.timestamp),
                received: [],
              };
              byId.set(id, delivery);
            }
            delivery.received.push(at);
          }
          for (const waiter of waiters) waiter();
        },
        error: (error) => {
          errors.push(error instanceof Error ? error.message : JSON.stringify(error));
          for (const waiter of waiters) waiter();
        },
        complete: () => undefined,
      },
    );
  }
  return pool;
}
