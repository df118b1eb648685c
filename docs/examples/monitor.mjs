// A fleet monitor: prints every fleet event as it happens, over graphql-ws, and keeps watching
// across server restarts: it retries on every failure (a refused connection too) with backoff,
// and resubscribes with clientEvents(after: the last event it printed), so the server replays the
// events it missed, oldest first, then goes on live — none missed, none repeated.
// Install: npm install graphql-ws ws
// Usage: ETPHONEHOME_URL=http://127.0.0.1:8765 ETPHONEHOME_API_KEY=… node monitor.mjs
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const httpUrl = new URL('/graphql', process.env.ETPHONEHOME_URL ?? 'http://127.0.0.1:8765');
const wsUrl = new URL(httpUrl);
wsUrl.protocol = httpUrl.protocol === 'https:' ? 'wss:' : 'ws:';
const authorization = `Bearer ${process.env.ETPHONEHOME_API_KEY}`;
const fields = 'id event timestamp client { clientId displayName online } data';
const refusedKey = (e) => e?.code === 4401 || e?.code === 4403;

let lastId = null; // the newest event printed (its id is its cursor): where a resubscription resumes
function print(e) {
  if (lastId !== null && BigInt(e.id) <= BigInt(lastId)) return; // already printed
  lastId = e.id;
  const c = e.client;
  console.log(
    `${e.timestamp}  ${e.event.padEnd(20)} ${c.clientId} (${c.displayName ?? '-'}) online=${c.online}`,
  );
}

// Before the first subscription: the newest recorded event, so that a restart before any event
// arrives still resumes from here (not from the start of the audit trail).
async function startingCursor() {
  const response = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: '{ events(limit: 1) { id } }' }),
  });
  const { data, errors } = await response.json();
  if (errors) throw Object.assign(new Error(errors[0].message), { fatal: response.status === 401 });
  return data.events[0]?.id ?? '0';
}

let up = false;
let failures = 0;
const client = createClient({
  url: wsUrl.toString(),
  webSocketImpl: WebSocket,
  connectionParams: { authorization },
  // The monitor retries itself (below), so that each new subscription carries the newest cursor;
  // graphql-ws's own retries would resend the first subscription as it was.
  retryAttempts: 0,
  on: {
    connected: () => {
      up = true;
      failures = 0;
    },
    closed: () => up && !(up = false) && console.error('disconnected; reconnecting …'),
  },
});

function retry(error) {
  if (refusedKey(error) || error?.fatal) {
    console.error('the server refused the API key:', error?.reason ?? error?.message);
    process.exit(1);
  }
  // Every other failure (refused connection, restart, replay refused …) is retried, with backoff.
  const waitMs = Math.min(30_000, 500 * 2 ** failures++) * (0.5 + Math.random() / 2);
  setTimeout(watch, waitMs);
}

async function watch() {
  try {
    lastId ??= await startingCursor();
  } catch (error) {
    return retry(error);
  }
  client.subscribe(
    {
      query: `subscription ($after: ID) { clientEvents(after: $after) { ${fields} } }`,
      variables: { after: lastId },
    },
    {
      next: ({ data, errors }) =>
        errors ? console.error('error:', errors[0]?.message) : print(data.clientEvents),
      error: (error) => {
        if (Array.isArray(error)) {
          // Refused by the server (e.g. more missed than it replays): say so, go on live.
          console.error('resume refused:', error[0]?.message, '— watching live from now');
          lastId = null;
        }
        retry(error);
      },
      complete: () => retry(), // ended by the server (e.g. fell behind): subscribe again
    },
  );
}
watch();
console.error(`watching ${wsUrl} …`);
