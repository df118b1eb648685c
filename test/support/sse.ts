// Subscribing over Server-Sent Events, as a script with nothing but `fetch` would: POST (or GET)
// /graphql with `Accept: text/event-stream`, then read the `event: next` / `data:` frames yoga
// writes. Returns the same shape as the graphql-ws `Subscription` of ./server.ts.

import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { GraphQLErrorItem } from '../../src/client/index.js';
import { createAsyncQueue } from '../../src/lib/async-queue.js';
import { nextMatching, type Subscription, type TestServer } from './server.js';

export interface SseOptions {
  /** The Authorization header; `null` sends none. Default: `Bearer <the server's key>`. */
  authorization?: string | null;
  /** POST with a JSON body (default), or GET with the operation in the query string. */
  method?: 'GET' | 'POST';
}

/** The server answered with something other than an event stream (e.g. 401). */
export class SseRefusedError extends Error {
  readonly status: number;
  readonly errors: GraphQLErrorItem[];

  constructor(status: number, body: string) {
    let errors: GraphQLErrorItem[] = [];
    try {
      errors = (JSON.parse(body) as { errors?: GraphQLErrorItem[] }).errors ?? [];
    } catch {
      // not JSON: the status says enough
    }
    super(`SSE refused with HTTP ${status}: ${body.slice(0, 300)}`);
    this.name = 'SseRefusedError';
    this.status = status;
    this.errors = errors;
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * Resolves once the response headers arrived: yoga answers only after the subscription's
 * resolver ran, so unlike graphql-ws this is an acknowledgement. `close()` aborts the request.
 */
export async function subscribeSse<R, V>(
  server: TestServer,
  document: TypedDocumentNode<R, V>,
  variables?: V,
  options: SseOptions = {},
): Promise<Subscription<R>> {
  const query = print(document);
  const vars = JSON.stringify(variables ?? {});
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  const authorization =
    options.authorization === undefined ? `Bearer ${server.apiKey}` : options.authorization;
  if (authorization !== null) headers['authorization'] = authorization;
  const controller = new AbortController();
  let url = `${server.url}/graphql`;
  const init: RequestInit = { headers, signal: controller.signal };
  if (options.method === 'GET') {
    url += `?${new URLSearchParams({ query, variables: vars }).toString()}`;
  } else {
    init.method = 'POST';
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify({ query, variables: variables ?? {} });
  }

  const response = await fetch(url, init);
  if (
    response.status !== 200 ||
    !(response.headers.get('content-type') ?? '').includes('text/event-stream') ||
    !response.body
  ) {
    const body = await response.text();
    throw new SseRefusedError(response.status, body);
  }

  const results = createAsyncQueue<{ data?: R; errors?: unknown[] }>({ maxBuffered: 10_000 });
  let closing = false;
  void readFrames(response.body, (event, data) => {
    if (event === 'next') results.push(JSON.parse(data) as { data?: R; errors?: unknown[] });
    else if (event === 'complete') results.end();
  }).then(
    () => results.end(),
    (error: unknown) =>
      results.end(closing ? undefined : error instanceof Error ? error : new Error(String(error))),
  );

  return {
    results,
    next: (match, timeoutMs) => nextMatching(results, match, timeoutMs),
    close() {
      closing = true;
      controller.abort();
      results.end();
    },
  };
}

/** Calls `onFrame` for every complete frame; comment lines (`:` pings) are skipped. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrame: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of frame.split('\n')) {
        if (line === '' || line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const raw = colon === -1 ? '' : line.slice(colon + 1);
        const text = raw.startsWith(' ') ? raw.slice(1) : raw;
        if (field === 'event') event = text;
        else if (field === 'data') data.push(text);
      }
      if (data.length > 0 || event !== 'message') onFrame(event, data.join('\n'));
    }
  }
}
