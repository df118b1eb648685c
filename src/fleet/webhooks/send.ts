// One delivery attempt over HTTP: check the target (url-guard), connect to exactly the checked
// address, POST the signed body, and report what happened. Redirects are never followed (the
// place they point to was not checked): a 3xx is a failed attempt that says where it pointed.

import http from 'node:http';
import https from 'node:https';
import { checkTarget, pinnedLookup, UrlRefused, type UrlPolicy } from './url-guard.js';
import { parseRetryAfter } from './retry-schedule.js';
import type { SignedHeaders } from './sign.js';

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  retryAfterMs: number | null;
}

const MAX_ERROR_BODY = 300;
const MAX_BODY_BYTES = 1024 * 1024;

export function createSender(options: {
  /** For the user-agent header. */
  version: string;
  policy: UrlPolicy;
  timeoutMs: number;
  maxSockets: number;
}) {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: options.maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: options.maxSockets }),
  };

  const active = new Set<http.ClientRequest>();

  async function send(url: string, body: string, headers: SignedHeaders): Promise<AttemptResult> {
    let target;
    try {
      target = await checkTarget(url, options.policy);
    } catch (error) {
      if (error instanceof UrlRefused)
        return {
          ok: false,
          statusCode: null,
          error: `refused: ${error.message}`,
          retryAfterMs: null,
        };
      throw error;
    }
    const module = target.url.protocol === 'https:' ? https : http;
    return new Promise<AttemptResult>((resolve) => {
      let settled = false;
      const finish = (result: AttemptResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        active.delete(request);
        resolve(result);
      };
      const request = module.request(
        target.url,
        {
          method: 'POST',
          agent: agents[target.url.protocol as 'http:' | 'https:'],
          lookup: pinnedLookup(target),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'user-agent': `etphonehome-webhooks/${options.version}`,
            ...headers,
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          let size = 0;
          // The status decides; a body is read only for the error message, and a receiver that
          // streams more than MAX_BODY_BYTES has its connection cut.
          if (status >= 200 && status < 300)
            finish({ ok: true, statusCode: status, error: null, retryAfterMs: null });
          // Whatever the status, the body must end within the timeout too (it holds a socket).
          const drain = setTimeout(() => request.destroy(), options.timeoutMs);
          response.on('close', () => clearTimeout(drain));
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_ERROR_BODY) chunks.push(chunk);
            size += chunk.length;
            if (size > MAX_BODY_BYTES) response.destroy();
          });
          response.on('error', (error) =>
            finish({
              ok: false,
              statusCode: status,
              error: `response broke: ${error.message}`,
              retryAfterMs: null,
            }),
          );
          response.on('close', () =>
            finish({
              ok: false,
              statusCode: status,
              error: `the answer was cut off (HTTP ${status})`,
              retryAfterMs: null,
            }),
          );
          response.on('end', () => {
            if (status >= 200 && status < 300) {
              finish({ ok: true, statusCode: status, error: null, retryAfterMs: null });
              return;
            }
            const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_ERROR_BODY).trim();
            const header = response.headers['retry-after'];
            const retryAfter = parseRetryAfter(
              Array.isArray(header) ? header[0] : header,
              Date.now(),
            );
            let error = `HTTP ${status}${text ? `: ${text}` : ''}`;
            if (status >= 300 && status < 400) {
              const location = response.headers.location ?? '(no Location)';
              error = `HTTP ${status} redirect to ${location.slice(0, 200)} not followed: webhooks never follow redirects; set the final URL`;
            }
            finish({ ok: false, statusCode: status, error, retryAfterMs: retryAfter });
          });
        },
      );
      const timer = setTimeout(() => {
        request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      request.on('error', (error: NodeJS.ErrnoException) =>
        finish({
          ok: false,
          statusCode: null,
          error: `${error.code ? `${error.code}: ` : ''}${error.message}`,
          retryAfterMs: null,
        }),
      );
      active.add(request);
      request.end(body);
    });
  }

  return {
    send,
    /** Cuts every request in flight (server shutdown): each fails with `reason`. */
    abortAll(reason: string): void {
      for (const request of active) request.destroy(new Error(reason));
    },
    close(): void {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

export type Sender = ReturnType<typeof createSender>;
