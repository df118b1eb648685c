// A fleet monitor in 30 lines: prints every fleet event as it happens, over graphql-ws.
// Usage: ETPHONEHOME_URL=http://127.0.0.1:8765 ETPHONEHOME_API_KEY=… node docs/examples/monitor.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = new URL('/graphql', process.env.ETPHONEHOME_URL ?? 'http://127.0.0.1:8765');
url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
const client = createClient({
  url: url.toString(),
  webSocketImpl: WebSocket,
  connectionParams: { authorization: `Bearer ${process.env.ETPHONEHOME_API_KEY}` },
  retryAttempts: Infinity, // keep watching across server restarts
});

const query = `subscription {
  clientEvents { event timestamp client { clientId displayName online } data }
}`;

client.subscribe(
  { query },
  {
    next: ({ data, errors }) => {
      if (errors) return console.error('error:', errors[0]?.message);
      const { event, timestamp, client: c } = data.clientEvents;
      console.log(
        `${timestamp}  ${event.padEnd(20)} ${c.clientId} (${c.displayName ?? '-'}) online=${c.online}`,
      );
    },
    error: (error) => console.error('subscription failed:', error?.message ?? error),
    complete: () => console.log('subscription ended'),
  },
);
console.error(`watching ${url} …`);
