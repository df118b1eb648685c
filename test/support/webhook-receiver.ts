// A real webhook receiver on loopback for the tests: it verifies every delivery with the
// official `standardwebhooks` library (and the X-ETPhoneHome-Signature HMAC), records what
// arrived, and answers as the test tells it (status, Retry-After, down entirely).

import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedDelivery {
  id: string;
  at: number;
  headers: IncomingHttpHeaders;
  body: string;
  /** The parsed payload when the signature verified; null when it did not. */
  payload: WebhookBody | null;
  verified: boolean;
  /** The X-ETPhoneHome-Signature check. */
  plainVerified: boolean;
  path: string;
}

export interface WebhookBody {
  event: string;
  timestamp: string;
  client: { uuid: string; display_name: string; hostname: string };
  data: Record<string, unknown>;
}

export type Answer = { status: number; headers?: Record<string, string>; delayMs?: number };

export interface Receiver {
  port: number;
  url(path?: string): string;
  /** Every request, in arrival order (retries included). */
  all: ReceivedDelivery[];
  /** Verified deliveries, deduplicated by webhook-id (first arrival wins). */
  unique(): Map<string, ReceivedDelivery>;
  /** How to answer the next requests (default 200); called per request. */
  answer: (request: ReceivedDelivery) => Answer;
  /** Stops listening (connections refused) until up() is called. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A verifier for `secret` as the server interprets it: whsec_ base64, or raw bytes. */
export function verifierFor(secret: string): Webhook {
  return secret.startsWith('whsec_')
    ? new Webhook(secret)
    : new Webhook(new Uint8Array(Buffer.from(secret, 'utf8')), { format: 'raw' });
}

export function plainKey(secret: string): Buffer {
  return secret.startsWith('whsec_')
    ? Buffer.from(secret.slice(6), 'base64')
    : Buffer.from(secret, 'utf8');
}

export async function startReceiver(
  secrets: Record<string, string> | string,
  host = '127.0.0.1',
): Promise<Receiver> {
  // Per path a secret (so one receiver can stand in for several endpoints); '' is the default.
  const byPath = typeof secrets === 'string' ? { '': secrets } : secrets;
  let server: Server | null = null;
  let port = 0;
  const receiver: Receiver = {
    port: 0,
    url: (path = '/hook') => `http://${host.includes(':') ? `[${host}]` : host}:${port}${path}`,
    all: [],
    unique() {
      const seen = new Map<string, ReceivedDelivery>();
      for (const d of receiver.all) if (d.verified && !seen.has(d.id)) seen.set(d.id, d);
      return seen;
    },
    answer: () => ({ status: 200 }),
    async down() {
      const s = server;
      server = null;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    async up() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const path = req.url ?? '/';
          const secret = byPath[path] ?? byPath[''] ?? '';
          let payload: WebhookBody | null = null;
          try {
            payload = verifierFor(secret).verify(
              body,
              req.headers as Record<string, string>,
            ) as WebhookBody;
          } catch {
            payload = null;
          }
          const expected = `sha256=${createHmac('sha256', plainKey(secret)).update(body).digest('hex')}`;
          const delivery: ReceivedDelivery = {
            id: String(req.headers['webhook-id']),
            at: Date.now(),
            headers: req.headers,
            body,
            payload,
            verified: payload !== null,
            plainVerified: req.headers['x-etphonehome-signature'] === expected,
            path,
          };
          receiver.all.push(delivery);
          const answer = receiver.answer(delivery);
          setTimeout(() => {
            res.writeHead(answer.status, answer.headers ?? {});
            res.end(answer.status >= 300 ? 'not now' : 'ok');
          }, answer.delayMs ?? 0);
        });
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve());
      });
      port = (server.address() as AddressInfo).port;
      receiver.port = port;
    },
    async close() {
      await receiver.down();
    },
  };
  await receiver.up();
  return receiver;
}
