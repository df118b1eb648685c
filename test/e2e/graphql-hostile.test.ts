// More than a thousand malformed or hostile GraphQL requests against a real server with two
// real agents online (the corpus is in test/support/hostile-graphql.ts). Each must get a clear
// error — an `errors` entry whose message names the problem, with the catalog's
// `extensions.code` where the contract has one, never a stack trace or a masked internal
// error — and none may change anything: the fleet's settable fields, the enrollment tokens, the
// audit trail and a canary file a command would create are compared before and after. The
// server must stay up throughout, and graphql-ws sockets fed garbage must not disturb others.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Client as WsClient } from 'graphql-ws';
import { createAgent, type TestAgent } from '../support/agent.js';
import {
  createCorpus,
  createPolicyCases,
  type CorpusTarget,
  type HostileCase,
  type HttpRequest,
} from '../support/hostile-graphql.js';
import { openStore } from '../../src/store/open.js';
import { isAlive, killAll } from '../support/processes.js';
import { startServer, wsClientFor, type TestServer } from '../support/server.js';

after(killAll);

const CONCURRENCY = 8;
const TWIN = 'twin-node';
const SHARED_TAG = 'hostile';

/** A GraphQL result as it came back. */
interface GraphQLBody {
  errors?: unknown;
  data?: unknown;
}

/** What came back for one case, over either transport. */
interface Outcome {
  status?: number;
  contentType?: string | null;
  text: string;
  json?: GraphQLBody;
  failure?: string;
}

interface Failure {
  kase: HostileCase;
  transport: 'http' | 'graphql-ws';
  problem: string;
  outcome: Outcome;
}

describe('hostile GraphQL operations', () => {
  let server: TestServer;
  let agentA: TestAgent;
  let agentB: TestAgent;
  let work: string;
  let target: CorpusTarget & { outsideDir: string; allowedDir: string; aTag: string };
  let snapshotBefore: unknown;
  const wsClients: WsClient[] = [];

  const endpoint = (): string => `${server.url}/graphql`;

  /** A GraphQL request that must succeed (setup and snapshots). */
  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(endpoint(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  }

  /** Everything a hostile request could change, in one answer. */
  async function snapshot(options: { online?: boolean } = {}): Promise<unknown> {
    const data = await graphql<Record<string, unknown>>(`{
      clients(filter: { includeDecommissioned: true }) {
        uuid clientId displayName purpose tags { name } allowedPaths webhookUrl
        rateLimitRpm rateLimitConcurrent rateLimitMode decommissioned keyMismatch
        publicKeyFingerprint ${options.online === false ? '' : 'online'}
      }
      enrollmentTokens(includeInactive: true) {
        id prefix name displayName purpose tags maxUses uses expiresAt revokedAt
      }
      tags { name clientCount }
      commands: events(filter: { events: ["command_executed"] }, limit: 1000) { id }
      updates: events(filter: { events: ["client.updated"] }, limit: 1000) { id }
      others: events(
        filter: { events: ["client.decommissioned", "client.restored", "client.key_accepted", "file_accessed"] }
        limit: 1000
      ) { id }
    }`);
    return {
      ...data,
      commands: (data['commands'] as unknown[]).length,
      updates: (data['updates'] as unknown[]).length,
      others: (data['others'] as unknown[]).length,
    };
  }

  before(async () => {
    server = await startServer({
      openEnrollment: true,
      // Debug logs of 900 KB variables would fill the test's memory; errors are enough.
      // The corpus is built around a cost limit of 5000 (the default is higher, for big pages).
      env: { ETPHONEHOME_LOG_LEVEL: 'info', ETPHONEHOME_GRAPHQL_MAX_COST: '5000' },
    });
    work = await mkdtemp(join(tmpdir(), 'etph-ghostile-'));
    const allowedDir = join(work, 'allowed');
    await mkdir(allowedDir);
    agentA = await createAgent(server, { displayName: 'ghostile-a' });
    agentB = await createAgent(server, { displayName: 'ghostile-b' });
    await agentA.start();
    await agentB.start();
    await agentA.waitOnline(server);
    await agentB.waitOnline(server);

    // Two clients with the same display name (an ambiguous name), settings on every settable
    // field, and an enrollment token: all part of the snapshot.
    await graphql(
      `mutation($a: ID!, $b: ID!, $allowed: String!) {
        a: updateClient(id: $a, input: { displayName: "${TWIN}", purpose: "hostile target", tags: ["${SHARED_TAG}", "alpha"], allowedPaths: [$allowed] }) { uuid }
        b: updateClient(id: $b, input: { purpose: "hostile bystander", tags: ["${SHARED_TAG}", "beta"] }) { uuid }
        c: configureClient(id: $a, input: { webhookUrl: "https://hooks.example.invalid/etph", rateLimitRpm: 100000, rateLimitConcurrent: 50, rateLimitMode: WARN }) { uuid }
      }`,
      { a: agentA.uuid, b: agentB.uuid, allowed: allowedDir },
    );
    // The API refuses a display name another client holds (issue 17 item 2), so the twin is
    // written straight into the database, as a server from before that rule would have allowed.
    // The server keeps its clients in memory: write while it is stopped, then start it again.
    await server.stop();
    const direct = await openStore({ file: join(server.dataDir, 'etphonehome.db') });
    await direct.clients.update(agentB.uuid, { displayName: TWIN });
    await direct.close();
    await server.restart();
    await agentA.waitOnline(server);
    await agentB.waitOnline(server);
    const { createEnrollmentToken } = await graphql<{
      createEnrollmentToken: { enrollmentToken: { id: string } };
    }>(
      'mutation { createEnrollmentToken(input: { name: "hostile-token", maxUses: 5, tags: ["hostile"] }) { enrollmentToken { id } } }',
    );
    const { clients } = await graphql<{
      clients: {
        uuid: string;
        clientId: string;
        displayName: string;
        purpose: string;
        hostname: string;
      }[];
    }>('{ clients { uuid clientId displayName purpose hostname } }');
    const find = (uuid: string) => {
      const client = clients.find((c) => c.uuid === uuid);
      assert.ok(client, `client ${uuid} listed`);
      return client;
    };
    target = {
      apiKey: server.apiKey,
      a: find(agentA.uuid),
      b: find(agentB.uuid),
      twinName: TWIN,
      sharedTag: SHARED_TAG,
      aTag: 'alpha',
      canary: join(work, 'canary'),
      tokenId: createEnrollmentToken.enrollmentToken.id,
      clients,
      allowedDir,
      outsideDir: work,
    };
    snapshotBefore = await snapshot();
  });

  after(async () => {
    for (const client of wsClients) await client.dispose();
    await agentA?.close();
    await agentB?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  // ── sending ───────────────────────────────────────────────────────────────────────────────

  async function sendHttp(request: HttpRequest): Promise<Outcome> {
    const headers = new Headers();
    for (const [name, value] of request.headers) headers.append(name, value);
    const init: RequestInit & { duplex?: 'half' } = {
      method: request.method,
      headers,
      signal: AbortSignal.timeout(20_000),
    };
    if (request.body !== undefined) {
      const bytes =
        typeof request.body === 'string' ? new TextEncoder().encode(request.body) : request.body;
      if (request.chunked) {
        init.body = new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < bytes.length; i += 64 * 1024)
              controller.enqueue(bytes.subarray(i, i + 64 * 1024));
            controller.close();
          },
        });
        init.duplex = 'half';
      } else {
        init.body = new Uint8Array(bytes);
      }
    }
    try {
      const response = await fetch(`${endpoint()}${request.search ?? ''}`, init);
      const text = await response.text();
      const contentType = response.headers.get('content-type');
      return {
        status: response.status,
        contentType,
        text,
        ...withJson(parseGraphQLBody(contentType, text)),
      };
    } catch (error) {
      return { text: '', failure: `no answer: ${describeError(error)}` };
    }
  }

  function sendWs(client: WsClient, kase: HostileCase): Promise<Outcome> {
    const operation = kase.operation;
    assert.ok(operation);
    return new Promise((resolve) => {
      const errors: unknown[] = [];
      const events: string[] = [];
      let data: unknown;
      let settled = false;
      // Settles on `complete` or `error`: unsubscribing after a `next` races the server's own
      // `complete`, and graphql-ws's client then releases its socket lock twice and closes the
      // socket under the other operations. Only a case that never ends is unsubscribed.
      const finish = (failure?: string): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const json = { errors: errors.length > 0 ? errors : undefined, data };
        const text = `${JSON.stringify(json)} (${events.join(', ')})`;
        resolve({ text, json, ...(failure ? { failure } : {}) });
      };
      const timer = setTimeout(() => {
        unsubscribe();
        finish('no answer over graphql-ws within 15 s');
      }, 15_000);
      const unsubscribe = client.subscribe<unknown>(
        {
          query: operation.query,
          variables: operation.variables ?? {},
          ...(operation.operationName ? { operationName: operation.operationName } : {}),
        },
        {
          next(result) {
            events.push('next');
            if (result.data !== undefined && result.data !== null) data = result.data;
            if (result.errors) errors.push(...result.errors);
          },
          error(error) {
            events.push(`error ${Array.isArray(error) ? error.length : typeof error}`);
            if (Array.isArray(error)) {
              errors.push(...(error as unknown[]));
              finish();
            } else {
              finish(`graphql-ws failed: ${describeError(error)}`);
            }
          },
          complete: () => {
            events.push('complete');
            finish();
          },
        },
      );
    });
  }

  // ── judging ───────────────────────────────────────────────────────────────────────────────

  /** Server log lines for a masked error's reference, so a failure shows the real cause. */
  function loggedCause(ref: string): string {
    const line = server.process.stderr.find((l) => l.includes(`"ref":"${ref}"`));
    if (!line) return 'not in the server log';
    try {
      const entry = JSON.parse(line) as { err?: { type?: string; message?: string } };
      return `${entry.err?.type ?? '?'}: ${(entry.err?.message ?? '').slice(0, 200)}`;
    } catch {
      return line.slice(0, 200);
    }
  }

  function carriesNul(kase: HostileCase): boolean {
    const sent = JSON.stringify([kase.operation ?? null, kase.http ?? null]);
    return sent.includes('\\u0000') || sent.includes('\\\\u0000');
  }

  function judge(
    kase: HostileCase,
    outcome: Outcome,
    transport: 'http' | 'graphql-ws',
  ): string | null {
    const expect = kase.expect;
    if (
      outcome.failure &&
      expect.kind === 'error' &&
      expect.orReset &&
      /EPIPE|ECONNRESET|other side closed/.test(outcome.failure)
    )
      return null;
    if (outcome.failure) return outcome.failure;
    const status = outcome.status ?? 0;
    if (transport === 'http' && status >= 500) return `HTTP ${status} for a client error`;
    const json = outcome.json;
    if (!json)
      return `not a GraphQL response (HTTP ${outcome.status}, content-type ${outcome.contentType ?? 'none'}, ${outcome.text.length === 0 ? 'empty body' : `body ${JSON.stringify(outcome.text.slice(0, 120))}`})`;
    if (
      /\n\s+at |\bat (?:async )?\S+ \((?:file:\/\/|\/|node:)[^)]*:\d+:\d+\)|"stack"\s*:/.test(
        outcome.text,
      )
    )
      return 'the answer carries a stack trace';
    const errors = Array.isArray(json.errors) ? (json.errors as Record<string, unknown>[]) : [];
    for (const error of errors) {
      const message = error['message'];
      const code = (error['extensions'] as Record<string, unknown> | undefined)?.['code'];
      if (typeof message !== 'string' || message.trim() === '') return 'an error without a message';
      if (code === 'INTERNAL_SERVER_ERROR' || /Unexpected error|Internal error/i.test(message)) {
        const ref = (error['extensions'] as Record<string, unknown> | undefined)?.['ref'];
        // The cause is looked up in the server log when the report is written (pino writes
        // asynchronously, so the line may not be there yet).
        return `masked internal error (${typeof ref === 'string' ? `{{ref:${ref}}}` : message})`;
      }
    }
    if (transport === 'http' && expect.status && !expect.status.includes(status))
      return `HTTP ${status}, expected ${expect.status.join(' or ')}`;
    const data = (json.data ?? null) as Record<string, unknown> | null;
    if (expect.kind === 'data') {
      if (errors.length > 0) return `errors: ${JSON.stringify(errors).slice(0, 300)}`;
      if (!data) return 'no data';
      return expect.check(data);
    }
    if (errors.length === 0) {
      if (transport === 'graphql-ws' && json.data === undefined)
        return `completed without a result (${outcome.text.slice(0, 80)})`;
      if (expect.orData && data) return expect.orData(data);
      return `no error: it was accepted (data ${JSON.stringify(data)?.slice(0, 200)})`;
    }
    const messages = errors.map((e) => String(e['message']));
    const codes = errors.map(
      (e) => (e['extensions'] as Record<string, unknown> | undefined)?.['code'] ?? null,
    );
    if (expect.code && !codes.some((c) => typeof c === 'string' && expect.code?.includes(c)))
      return `extensions.code ${expect.code.join(' or ')} expected, got ${JSON.stringify(codes)}`;
    // Any string carrying a NUL is refused up front, for every field alike (src/graphql/nul-guard.ts).
    const nulRefusal =
      carriesNul(kase) &&
      codes.includes('BAD_USER_INPUT') &&
      messages.some((m) => /Strings must not contain NUL bytes \(found in /.test(m));
    if (!nulRefusal && !messages.some((m) => expect.message.test(m)))
      return `message should match ${expect.message}, got ${JSON.stringify(messages.map((m) => m.slice(0, 160)))}`;
    if (data && Object.values(data).some((v) => v !== null))
      return `errors came with data ${JSON.stringify(data).slice(0, 200)}`;
    return null;
  }

  /** The first `max` failures, a few per category in turn, readable in one assertion message. */
  function report(
    failures: Failure[],
    total: number,
    // GRAPHQL_HOSTILE_REPORT=all lists every failure.
    max = process.env['GRAPHQL_HOSTILE_REPORT'] === 'all' ? Infinity : 20,
  ): string {
    const byCategory = new Map<string, Failure[]>();
    for (const f of failures) {
      const list = byCategory.get(f.kase.category) ?? [];
      list.push(f);
      byCategory.set(f.kase.category, list);
    }
    const picked: Failure[] = [];
    for (let round = 0; picked.length < Math.min(max, failures.length); round += 1) {
      for (const list of byCategory.values()) {
        const next = list[round];
        if (next && picked.length < max) picked.push(next);
      }
    }
    const counts = [...byCategory].map(([category, list]) => `${category}: ${list.length}`);
    const lines = [
      `${failures.length} of ${total} hostile cases did not get a clear refusal (${counts.join(', ')}).`,
      `The first ${picked.length}, a few per category:`,
    ];
    for (const f of picked) {
      const request = f.kase.http;
      const body =
        f.transport === 'graphql-ws' || !request
          ? JSON.stringify(f.kase.operation)
          : typeof request.body === 'string'
            ? request.body
            : request.body
              ? `<${request.body.length} bytes>`
              : '';
      const problem = f.problem.replace(/\{\{ref:(\w+)\}\}/g, (_, ref: string) => loggedCause(ref));
      lines.push(
        `- [${f.kase.category}] ${f.kase.name} (${f.transport})`,
        `    problem:  ${problem}`,
        `    request:  ${f.transport === 'http' && request ? `${request.method} /graphql${(request.search ?? '').slice(0, 120)} ` : ''}${body.slice(0, 240)}${body.length > 240 ? `… (${body.length} chars)` : ''}`,
        `    response: ${f.outcome.status ?? ''} ${f.outcome.text.slice(0, 360)}`,
      );
    }
    return lines.join('\n');
  }

  async function pool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < items.length) {
          const item = items[next] as T;
          next += 1;
          await work(item);
        }
      }),
    );
  }

  function countBy(cases: readonly HostileCase[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    return counts;
  }

  // ── the corpus over HTTP ──────────────────────────────────────────────────────────────────

  test('every malformed or hostile request over HTTP gets a clear error', async (t) => {
    const corpus = createCorpus(target).filter((c) => c.http !== null);
    const startedAt = Date.now();
    const failures: Failure[] = [];
    let longest = { length: 0, name: '' };
    await pool(corpus, async (kase) => {
      const outcome = await sendHttp(kase.http as HttpRequest);
      const problem = judge(kase, outcome, 'http');
      if (problem) failures.push({ kase, transport: 'http', problem, outcome });
      for (const error of (outcome.json?.errors as { message?: unknown }[] | undefined) ?? []) {
        const length = String(error.message).length;
        if (length > longest.length) longest = { length, name: `[${kase.category}] ${kase.name}` };
      }
    });
    t.diagnostic(`longest error message: ${longest.length} characters (${longest.name})`);
    for (const [category, count] of countBy(corpus)) t.diagnostic(`http ${category}: ${count}`);
    t.diagnostic(`${corpus.length} HTTP cases in ${Date.now() - startedAt} ms`);
    assert.ok(corpus.length >= 1000, `only ${corpus.length} cases`);
    assert.equal(failures.length, 0, report(failures, corpus.length));
  });

  // ── the same operations over graphql-ws ───────────────────────────────────────────────────

  test('the operations that fit a graphql-ws message get the same errors there', async (t) => {
    const corpus = createCorpus(target).filter((c) => c.ws && c.operation);
    const client = wsClientFor(server);
    wsClients.push(client);
    const closes: string[] = [];
    client.on('closed', (event) => closes.push(describeError(event)));
    // A live subscription held for the whole run: the socket must carry it through every case
    // (and graphql-ws's client closes an idle socket, which would hide a close by the server).
    const hold = client.subscribe(
      { query: 'subscription { clientEvents(filter: { events: ["client.restored"] }) { id } }' },
      {
        next: () => undefined,
        error: (e) => closes.push(describeError(e)),
        complete: () => undefined,
      },
    );
    const startedAt = Date.now();
    const failures: Failure[] = [];
    await pool(corpus, async (kase) => {
      const outcome = await sendWs(client, kase);
      const problem = judge(kase, outcome, 'graphql-ws');
      if (problem) failures.push({ kase, transport: 'graphql-ws', problem, outcome });
    });
    for (const [category, count] of countBy(corpus)) t.diagnostic(`ws ${category}: ${count}`);
    t.diagnostic(`${corpus.length} graphql-ws cases in ${Date.now() - startedAt} ms`);
    hold();
    assert.deepEqual(closes, [], 'the graphql-ws socket of the run was closed under it');
    assert.equal(failures.length, 0, report(failures, corpus.length));
  });

  // ── graphql-ws: bad keys and garbage frames ───────────────────────────────────────────────

  interface SocketResult {
    acked: boolean;
    closed: { code: number; reason: string } | null;
    /** The socket answered a query after the garbage. */
    alive: boolean;
  }

  /** Opens a raw graphql-ws socket, initialises it (or not), sends `frames`, then a probe. */
  function rawSocket(options: {
    payload?: unknown;
    init?: boolean;
    search?: string;
    frames?: { data: string | Buffer; binary?: boolean }[];
  }): Promise<SocketResult> {
    return new Promise((resolve) => {
      const ws = new WebSocket(
        `ws://127.0.0.1:${server.httpPort}/graphql${options.search ?? ''}`,
        'graphql-transport-ws',
      );
      const result: SocketResult = { acked: false, closed: null, alive: false };
      const done = (): void => {
        clearTimeout(timer);
        ws.removeAllListeners();
        ws.on('error', () => undefined);
        if (ws.readyState === WebSocket.OPEN) ws.close();
        resolve(result);
      };
      const timer = setTimeout(done, 5000);
      const sendFrames = (): void => {
        for (const frame of options.frames ?? []) {
          ws.send(frame.data, { binary: frame.binary ?? false });
        }
        ws.send(
          JSON.stringify({ type: 'subscribe', id: 'probe', payload: { query: '{ __typename }' } }),
        );
      };
      ws.on('error', () => undefined);
      ws.on('open', () => {
        if (options.init === false) return sendFrames();
        const init: Record<string, unknown> = { type: 'connection_init' };
        if (options.payload !== undefined) init['payload'] = options.payload;
        ws.send(JSON.stringify(init));
      });
      ws.on('message', (raw) => {
        const message = JSON.parse(String(raw)) as { type?: string; id?: string };
        if (message.type === 'connection_ack' && !result.acked) {
          result.acked = true;
          if (options.frames) sendFrames();
          else done();
        } else if (message.id === 'probe' && message.type === 'next') {
          result.alive = true;
          done();
        }
      });
      ws.on('close', (code, reason) => {
        result.closed = { code, reason: reason.toString() };
        done();
      });
    });
  }

  test('graphql-ws: a bad key closes with 4403; garbage closes only its own socket', async (t) => {
    const key = server.apiKey;
    const witness = wsClientFor(server);
    wsClients.push(witness);
    let witnessClosed: unknown = null;
    witness.on('closed', (event) => {
      witnessClosed = event;
    });
    const witnessEvents: unknown[] = [];
    witness.subscribe(
      { query: 'subscription { clientEvents { id event } }' },
      {
        next: (v) => witnessEvents.push(v),
        error: (e) => (witnessClosed = e),
        complete: () => undefined,
      },
    );

    const failures: string[] = [];
    const badKeys: [string, unknown, string?][] = [
      ['no payload', undefined],
      ['null payload', null],
      ['empty payload', {}],
      ['empty authorization', { authorization: '' }],
      ['"Bearer" alone', { authorization: 'Bearer' }],
      ['wrong key', { authorization: 'Bearer wrong' }],
      ['lowercase bearer with a wrong key', { authorization: 'bearer wrong' }],
      ['key with a suffix', { authorization: `Bearer ${key}x` }],
      ['key missing its last character', { authorization: `Bearer ${key.slice(0, -1)}` }],
      ['key in upper case', { authorization: `Bearer ${key.toUpperCase()}` }],
      ['Basic scheme', { authorization: `Basic ${Buffer.from(`:${key}`).toString('base64')}` }],
      ['Authorization with a capital A', { Authorization: `Bearer ${key}` }],
      ['authorization a number', { authorization: 42 }],
      ['authorization an array', { authorization: [`Bearer ${key}`] }],
      ['authorization an object', { authorization: { bearer: key } }],
      ['key as api_key', { api_key: key }],
      ['key as token', { token: key }],
      ['key in the URL only', undefined, `?api_key=${key}`],
      [
        'key in the URL, a wrong one in the payload',
        { authorization: 'Bearer wrong' },
        `?authorization=Bearer%20${key}`,
      ],
    ];
    await pool(badKeys, async ([name, payload, search]) => {
      const result = await rawSocket({ payload, ...(search ? { search } : {}) });
      if (result.acked || result.closed?.code !== 4403)
        failures.push(
          `bad key "${name}": acked ${result.acked}, closed ${JSON.stringify(result.closed)}; expected close 4403`,
        );
    });

    const MiB = 1024 * 1024;
    const subscribe = (payload: unknown, id: unknown = 'g1'): string =>
      JSON.stringify({ type: 'subscribe', id, payload });
    const garbage: [string, { data: string | Buffer; binary?: boolean }[], boolean?][] = [
      ['text garbage', [{ data: 'garbage' }]],
      ['empty text frame', [{ data: '' }]],
      ['whitespace', [{ data: '   ' }]],
      ['JSON null', [{ data: 'null' }]],
      ['JSON true', [{ data: 'true' }]],
      ['JSON number', [{ data: '42' }]],
      ['JSON string', [{ data: '"subscribe"' }]],
      ['empty array', [{ data: '[]' }]],
      ['array of messages', [{ data: '[{"type":"ping"}]' }]],
      ['empty object', [{ data: '{}' }]],
      ['type null', [{ data: '{"type":null}' }]],
      ['type a number', [{ data: '{"type":1}' }]],
      ['unknown type', [{ data: '{"type":"hack"}' }]],
      ['type __proto__', [{ data: '{"type":"__proto__"}' }]],
      ['type constructor', [{ data: '{"type":"constructor"}' }]],
      ['type toString', [{ data: '{"type":"toString"}' }]],
      [
        '__proto__ holding the type',
        [
          {
            data: '{"__proto__":{"type":"subscribe"},"id":"p","payload":{"query":"{ __typename }"}}',
          },
        ],
      ],
      [
        'subscribe without an id',
        [{ data: JSON.stringify({ type: 'subscribe', payload: { query: '{ __typename }' } }) }],
      ],
      ['subscribe with an empty id', [{ data: subscribe({ query: '{ __typename }' }, '') }]],
      ['subscribe with a numeric id', [{ data: subscribe({ query: '{ __typename }' }, 1) }]],
      ['subscribe with an object id', [{ data: subscribe({ query: '{ __typename }' }, { a: 1 }) }]],
      ['subscribe without a payload', [{ data: '{"type":"subscribe","id":"g1"}' }]],
      ['subscribe with a null payload', [{ data: subscribe(null) }]],
      ['subscribe with a string payload', [{ data: subscribe('{ __typename }') }]],
      ['subscribe without a query', [{ data: subscribe({}) }]],
      ['subscribe with a numeric query', [{ data: subscribe({ query: 1 }) }]],
      [
        'subscribe with string variables',
        [{ data: subscribe({ query: '{ __typename }', variables: 'x' }) }],
      ],
      [
        'subscribe with array variables',
        [{ data: subscribe({ query: '{ __typename }', variables: [1] }) }],
      ],
      [
        'subscribe with numeric extensions',
        [{ data: subscribe({ query: '{ __typename }', extensions: 1 }) }],
      ],
      [
        'subscribe with a numeric operationName',
        [{ data: subscribe({ query: '{ __typename }', operationName: 1 }) }],
      ],
      [
        'subscribe with a 500 KB id',
        [{ data: subscribe({ query: '{ __typename }' }, 'i'.repeat(500_000)) }],
      ],
      [
        'the same subscription id twice',
        [
          { data: subscribe({ query: 'subscription { clientEvents { id } }' }) },
          { data: subscribe({ query: 'subscription { clientEvents { id } }' }) },
        ],
      ],
      ['complete without an id', [{ data: '{"type":"complete"}' }]],
      ['complete with a numeric id', [{ data: '{"type":"complete","id":1}' }]],
      ['complete of an unknown id', [{ data: '{"type":"complete","id":"never-subscribed"}' }]],
      ['next from the client', [{ data: '{"type":"next","id":"g1","payload":{"data":{}}}' }]],
      [
        'error from the client',
        [{ data: '{"type":"error","id":"g1","payload":[{"message":"x"}]}' }],
      ],
      ['connection_ack from the client', [{ data: '{"type":"connection_ack"}' }]],
      [
        'a second connection_init',
        [
          {
            data: JSON.stringify({
              type: 'connection_init',
              payload: { authorization: `Bearer ${key}` },
            }),
          },
        ],
      ],
      ['ping with a string payload', [{ data: '{"type":"ping","payload":"x"}' }]],
      ['pong with a numeric payload', [{ data: '{"type":"pong","payload":1}' }]],
      ['JSON nested 100 000 deep', [{ data: `${'['.repeat(100_000)}${']'.repeat(100_000)}` }]],
      ['a frame over 1 MiB', [{ data: 'x'.repeat(MiB + 10) }]],
      [
        'binary garbage',
        [
          {
            data: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
            binary: true,
          },
        ],
      ],
      ['invalid UTF-8 in a text frame', [{ data: Buffer.from([0x7b, 0xff, 0xfe, 0xfd, 0x7d]) }]],
      [
        'a flood of 500 bad subscriptions',
        Array.from({ length: 500 }, (_, i) => ({
          data: subscribe({ query: '{ nope }' }, `f${i}`),
        })),
      ],
      [
        'subscribe before connection_init',
        [{ data: subscribe({ query: '{ __typename }' }) }],
        false,
      ],
    ];
    const outcomes: string[] = [];
    await pool(garbage, async ([name, frames, init]) => {
      const result = await rawSocket({
        payload: { authorization: `Bearer ${key}` },
        frames,
        ...(init === false ? { init: false } : {}),
      });
      const closed = result.closed;
      outcomes.push(
        `${name}: ${closed ? `closed ${closed.code} ${closed.reason}` : result.alive ? 'ignored, socket still serves' : 'no answer'}`,
      );
      if (closed && (closed.code === 1011 || closed.code === 1006))
        failures.push(
          `garbage "${name}": the server failed the socket (${closed.code} ${closed.reason})`,
        );
      else if (!closed && !result.alive)
        failures.push(`garbage "${name}": neither answered the next query nor closed the socket`);
    });
    for (const line of outcomes.sort()) t.diagnostic(line);

    // The witness socket, opened before the garbage, still serves and was never closed.
    const { clients } = await new Promise<{ clients: { uuid: string }[] }>((resolve, reject) => {
      witness.subscribe<{ clients: { uuid: string }[] }>(
        { query: '{ clients { uuid } }' },
        {
          next: (v) => (v.data ? resolve(v.data) : reject(new Error(JSON.stringify(v)))),
          error: reject,
          complete: () => undefined,
        },
      );
    });
    assert.equal(clients.length, 2, 'the witness socket still answers');
    assert.equal(witnessClosed, null, 'the witness socket was never closed');
    t.diagnostic(`${badKeys.length} bad keys, ${garbage.length} garbage frames`);
    assert.equal(failures.length, 0, failures.slice(0, 20).join('\n'));
  });

  // ── nothing changed, the server is up ─────────────────────────────────────────────────────

  async function assertServing(): Promise<void> {
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200, 'GET /health');
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    const pid = server.process.child.pid as number;
    assert.ok(isAlive(pid) && server.process.child.exitCode === null, 'server process alive');
    const { clients } = await graphql<{ clients: { uuid: string; online: boolean }[] }>(
      '{ clients { uuid online } }',
    );
    assert.ok(
      clients.some((c) => c.uuid === agentA.uuid && c.online),
      'a normal query works and agent A is still online',
    );
  }

  test('nothing changed: clients, tokens, audit trail, no canary; the server is up', async () => {
    assert.deepEqual(await snapshot(), snapshotBefore, 'the fleet changed');
    assert.equal(existsSync(target.canary), false, 'a command in the corpus ran');
    await assertServing();
  });

  // ── policy: valid operations but for one argument; one at a time ──────────────────────────

  test('arguments a valid operation might ignore are refused too (one at a time)', async () => {
    const failures: string[] = [];
    for (const kase of createPolicyCases(target)) {
      const before = await snapshot({ online: false });
      const outcome = await sendHttp(kase.http as HttpRequest);
      const problem = judge(kase, outcome, 'http');
      const changed = diff(before, await snapshot({ online: false }));
      const ran = existsSync(target.canary);
      if (problem || changed.length > 0 || ran) {
        failures.push(
          [
            `- ${kase.name}`,
            problem ? `    problem:  ${problem}` : '',
            changed.length > 0 ? `    changed:  ${changed.slice(0, 6).join('; ')}` : '',
            ran ? '    the command ran: the canary file exists' : '',
            `    response: ${outcome.status ?? ''} ${outcome.text.slice(0, 300)}`,
          ]
            .filter(Boolean)
            .join('\n'),
        );
      }
      // Put things back so the next case starts clean.
      await rm(target.canary, { force: true });
      const { client } = await graphql<{ client: { decommissioned: boolean } }>(
        'query($id: ID!) { client(id: $id) { decommissioned } }',
        { id: agentB.uuid },
      );
      if (client.decommissioned)
        await graphql('mutation($id: ID!) { restoreClient(id: $id) { uuid } }', {
          id: agentB.uuid,
        });
    }
    assert.equal(
      failures.length,
      0,
      `${failures.length} policy cases failed:\n${failures.join('\n')}`,
    );
  });

  test('the server is still up after everything', async () => {
    await assertServing();
  });
});

// ── helpers ─────────────────────────────────────────────────────────────────────────────────

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return `${error.name}: ${error.message}${cause ? ` (${describeError(cause)})` : ''}`;
  }
  if (error && typeof error === 'object' && 'code' in error)
    return `closed ${String((error as { code: unknown }).code)} ${String((error as { reason?: unknown }).reason ?? '')}`;
  return String(error);
}

function withJson(json: GraphQLBody | undefined): { json: GraphQLBody } | Record<never, never> {
  return json ? { json } : {};
}

/** The GraphQL result in an HTTP answer: JSON, the first SSE event, or the first multipart part. */
function parseGraphQLBody(contentType: string | null, text: string): GraphQLBody | undefined {
  const type = contentType ?? '';
  let candidate = text;
  if (type.includes('text/event-stream')) {
    const line = text.split('\n').find((l) => l.startsWith('data: {'));
    if (!line) return undefined;
    candidate = line.slice('data: '.length);
  } else if (type.includes('multipart/mixed')) {
    const start = text.indexOf('{');
    const end = text.indexOf('\r\n---', start);
    if (start < 0) return undefined;
    candidate = text.slice(start, end < 0 ? undefined : end);
  }
  if (candidate.trim() === '') return undefined;
  try {
    const parsed = JSON.parse(candidate) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as GraphQLBody)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Paths where two snapshots differ, with both values. */
function diff(a: unknown, b: unknown, path = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`),
    );
  }
  return [
    `${path || '.'}: ${JSON.stringify(a)?.slice(0, 80)} → ${JSON.stringify(b)?.slice(0, 80)}`,
  ];
}
