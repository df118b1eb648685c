// A fleet monitor: prints every fleet event as it happens, over graphql-ws, and keeps watching
// across server restarts: it retries on every failure (a refused connection too) with backoff,
// and on reconnecting prints the events it missed from the audit trail.
// Install: npm install graphql-ws ws
// Usage: ETPHONEHOME_URL=http://127.0.0.1:8765 ETPHONEHOME_API_KEY=… node monitor.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const httpUrl = new URL('/graphql', process.env.ETPHONEHOME_URL ?? 'http://127.0.0.1:8765');
const wsUrl = new URL(httpUrl);
wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
const authorization = `Bearer ${process.env.ETPHONEHOME_API_KEY}`;
const fields = 'id event timestamp client { clientId displayName online } data';

const seen = new Set(); // ids printed lately: an event is printed once, live or caught up
let lastId = 0; // the newest event printed: where a reconnection resumes
function print(e) {
  if (seen.has(e.id)) return;
  seen.add(e.id);
  if (seen.size > 10_000) seen.delete(seen.values().next().value);
  lastId = Math.max(lastId, Number(e.id));
  const c = e.client;
  console.log(
    `${e.timestamp}  ${e.event.padEnd(20)} ${c.clientId} (${c.displayName ?? '-'}) online=${c.online}`,
  );
}

// The audit trail's newest events (newest first); on a reconnection, those after resumeAfter.
async function catchUp(resumeAfter) {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: `{ events(limit: 1000) { ${fields} } }` }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(errors[0].message);
  if (resumeAfter === null) return void (lastId = Number(data.events[0]?.id ?? 0));
  const missed = data.events.filter((e) => Number(e.id) > resumeAfter).reverse();
  if (missed.length > 0) console.error(`${missed.length} event(s) while disconnected:`);
  missed.forEach(print);
}

let connectedBefore = false;
let up = false;
const client = createClient({
  url: wsUrl.toString(),
  webSocketImpl: WebSocket,
  connectionParams: { authorization },
  retryAttempts: Infinity,
  // graphql-ws retries only close events by default; a server that is down refuses the
  // connection instead. Retry everything but a refused key (4401/4403).
  shouldRetry: (e) => !(e && (e.code === 4401 || e.code === 4403)),
  retryWait: (retries) =>
    new Promise((r) => setTimeout(r, Math.min(30_000, 500 * 2 ** retries) * Math.random())),
  on: {
    connected: () => {
      const resumeAfter = connectedBefore ? lastId : null;
      connectedBefore = up = true;
      catchUp(resumeAfter).catch((error) => console.error('catch-up failed:', error.message));
    },
    closed: () => up && !(up = false) && console.error('disconnected; reconnecting …'),
  },
});

(function watch() {
  client.subscribe(
    { query: `subscription { clientEvents { ${fields} } }` },
    {
      next: ({ data, errors }) =>
        errors ? console.error('error:', errors[0]?.message) : print(data.clientEvents),
      error: (error) => {
        console.error('subscription failed:', error?.message ?? error?.reason ?? error);
        if (error?.code === 4401 || error?.code === 4403) process.exit(1);
        setTimeout(watch, 1000); // ended by the server (e.g. fell behind): subscribe again
      },
      complete: () => setTimeout(watch, 1000),
    },
  );
})();
console.error(`watching ${wsUrl} …`);
