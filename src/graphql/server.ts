// The HTTP side of the server, on one port:
//
//   GET  /health                      no auth: status, version, uptime, client counts
//   GET  /graphql  (Accept: text/html) GraphiQL, assets served from this process (no CDN):
//        /graphql/assets/<hash>      the page's scripts and styles, compressed, immutable
//   POST /graphql                     queries and mutations   ─┐ Authorization: Bearer <key>
//   GET|POST /graphql (text/event-stream) subscriptions (SSE) ─┤
//   WS   /stream                      shells and tunnels (src/stream/door.ts), key in the header
//   WS   /graphql  (graphql-ws)       subscriptions, and any operation; the key travels in
//                                     connectionParams.authorization
//
// Both transports go through the same yoga envelope (plugins, error masking, context), so an
// operation behaves the same whichever way it arrives.

import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createYoga, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import {
  getOperationAST,
  type ExecutionArgs,
  type GraphQLError,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { Fleet, Principal } from '../fleet/index.js';
import { ErrorCode, isAppError } from '../errors.js';
import type { GraphQLContext, ServerInfo } from './context.js';
import { bearerOf, createAuthPlugin } from './auth.js';
import { createMaskError, operationChoiceError, refusalBody } from './errors.js';
import { graphiqlOptions, renderGraphiQLPage } from './graphiql.js';
import {
  ASSET_HEADERS,
  ASSET_PREFIX,
  buildGraphiQLFiles,
  pageHeaders,
  sendBody,
  type GraphiQLFiles,
} from './graphiql-assets.js';
import { nulGuardPlugin } from './nul-guard.js';
import { caughtUpPlugin } from './caught-up.js';
import {
  DEFAULT_OPERATION_LIMITS,
  DEFAULT_SUBSCRIPTION_CAPS,
  type OperationLimits,
  type SubscriptionCaps,
} from './defaults.js';
import { createLimitPlugins } from './limits.js';
import { useSubscriptionCaps } from './subscription-caps.js';
import { trustedDocumentsPlugin } from './trusted-documents.js';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ApiServerOptions {
  /** The whole fleet: each request acts through fleet.actingAs(its key's principal). */
  fleet: Fleet;
  schema: GraphQLSchema;
  logger: Logger;
  limits?: OperationLimits;
  /** Caps on open subscriptions, per connection and per server. */
  subscriptions?: SubscriptionCaps;
  /** Other handlers on this port by exact path (MCP's /mcp); they do their own auth. */
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
  /** WebSocket upgrades of other paths (the /stream door); they do their own auth. */
  upgrades?: Record<string, (req: IncomingMessage, socket: Duplex, head: Buffer) => void>;
  /** What agents need to attach (the serverInfo query), once the server listens. */
  serverInfo?: () => ServerInfo | null;
}

/**
 * A browser asking for GraphiQL: a GET for HTML. With `?query=` GraphiQL would pre-load that
 * operation into the editor of an operator whose key is remembered (a link could plant a
 * mutation one click from running): such a request is redirected to the bare page.
 */
function graphiQLRequest(req: IncomingMessage): 'page' | 'strip' | null {
  if (!String(req.headers.accept ?? '').includes('text/html')) return null;
  const url = new URL(req.url ?? '/', 'http://localhost');
  return url.searchParams.has('query') ? 'strip' : 'page';
}

interface ServerContext {
  req: IncomingMessage;
  res?: ServerResponse;
  transport?: 'graphql-ws';
  signal?: AbortSignal;
  /** graphql-ws: the principal the socket authenticated as. */
  principal?: Principal;
}

export function createApiServer(options: ApiServerOptions) {
  const { fleet, logger } = options;
  const maskError = createMaskError(logger);
  // The principal of each authenticated HTTP request (SSE streams included), for its context.
  const principals = new WeakMap<IncomingMessage, Principal>();

  const authPlugin = createAuthPlugin(fleet, principals);

  // Yoga answers some refusals (415, 406, 405) with an empty body: give them a GraphQL error.
  const emptyErrorBodyPlugin: Plugin = {
    onResponse({ response, setResponse, fetchAPI }) {
      if (response.status < 400 || response.headers.get('content-type')) return;
      const reasons: Record<number, string> = {
        405: 'This method is not allowed here: use POST for queries and mutations (GET only for queries and SSE subscriptions).',
        406: 'None of the accepted response types is available: accept application/json, application/graphql-response+json or text/event-stream.',
        415: 'Unsupported content type: send the body as application/json ({"query": …, "variables": …}).',
      };
      setResponse(
        new fetchAPI.Response(
          refusalBody(
            ErrorCode.badRequest,
            reasons[response.status] ?? `Request refused (HTTP ${response.status}).`,
          ),
          {
            status: response.status,
            headers: {
              ...Object.fromEntries(response.headers),
              'content-type': 'application/json',
            },
          },
        ),
      );
    },
  };

  const yoga = createYoga<ServerContext, GraphQLContext>({
    schema: options.schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    cors: false,
    renderGraphiQL: renderGraphiQLPage,
    graphiql: graphiqlOptions,
    maskedErrors: { maskError },
    logging: {
      debug: (...args: unknown[]) => logger.debug({ yoga: args }, 'yoga'),
      info: (...args: unknown[]) => logger.info({ yoga: args }, 'yoga'),
      warn: (...args: unknown[]) => logger.warn({ yoga: args }, 'yoga'),
      error: (...args: unknown[]) => logger.error({ yoga: args }, 'yoga'),
    },
    plugins: [
      authPlugin,
      emptyErrorBodyPlugin,
      ...createLimitPlugins(options.limits ?? DEFAULT_OPERATION_LIMITS),
      // Before the subscription caps: a refused document holds no subscription slot.
      trustedDocumentsPlugin,
      useSubscriptionCaps(options.subscriptions ?? DEFAULT_SUBSCRIPTION_CAPS, logger),
      nulGuardPlugin,
      caughtUpPlugin,
    ],
    context: ({
      req,
      request,
      transport,
      signal,
      principal: socketPrincipal,
    }: YogaInitialContext & ServerContext): GraphQLContext => {
      const principal = socketPrincipal ?? (req ? principals.get(req) : undefined);
      // Nothing reaches a resolver without a principal (the auth plugin answered 401).
      if (!principal) throw new Error('request without an authenticated principal');
      const acting = fleet.actingAs(principal);
      return {
        fleet: acting,
        loaders: acting.createLoaders(),
        caller: {
          actor: `${transport ?? 'graphql'} ${req?.socket.remoteAddress ?? 'unknown'}`,
          principal,
          signal: signal ?? request?.signal,
        },
        ...(options.serverInfo ? { serverInfo: options.serverInfo } : {}),
      };
    },
  });

  // GraphiQL's page and assets: built once, on the first request (./graphiql-assets.ts).
  let graphiqlFiles: Promise<GraphiQLFiles> | null = null;
  const serveGraphiQL = (req: IncomingMessage, res: ServerResponse, path: string) => {
    graphiqlFiles ??= renderGraphiQLPage(graphiqlOptions).then(buildGraphiQLFiles);
    graphiqlFiles.then(
      (files) => {
        if (path === '/graphql') return sendBody(req, res, files.page, pageHeaders(files));
        const asset = files.assets.get(path.slice(ASSET_PREFIX.length));
        if (asset) return sendBody(req, res, asset, ASSET_HEADERS);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(refusalBody(ErrorCode.notFound, `No GraphiQL asset at ${path}.`));
      },
      (error: unknown) => {
        logger.error({ err: error }, 'cannot build the GraphiQL page');
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(refusalBody(ErrorCode.internal, 'The GraphiQL page could not be built.'));
      },
    );
  };

  const httpServer: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health' && req.method === 'GET') {
      fleet
        .health()
        .then((health) => {
          // A draining server answers 503, so a load balancer's health check sends agents on.
          const code = health.status === 'ok' ? 200 : 503;
          res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(health));
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'health check failed');
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'error' }));
        });
      return;
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const graphiql = path === '/graphql' ? graphiQLRequest(req) : null;
      if (graphiql === 'strip') {
        res.writeHead(303, { location: '/graphql', 'cache-control': 'no-store' });
        res.end();
        return;
      }
      if (path?.startsWith(ASSET_PREFIX) || graphiql === 'page') {
        serveGraphiQL(req, res, path ?? '/graphql');
        return;
      }
    }
    const route = path === undefined ? undefined : options.routes?.[path];
    if (route) {
      route(req, res);
      return;
    }
    // The cap is checked on Content-Length; a body without one (chunked) is refused outright,
    // so nothing streams past the cap.
    if (req.headers['transfer-encoding'] !== undefined && req.method !== 'GET') {
      res.writeHead(411, { 'content-type': 'application/json', connection: 'close' });
      res.end(
        refusalBody(
          ErrorCode.badUserInput,
          'Send the request body with a Content-Length header (chunked bodies are not accepted).',
        ),
      );
      req.resume();
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.writeHead(413, { 'content-type': 'application/json' });
      res.end(refusalBody(ErrorCode.badUserInput, `Request body over ${MAX_BODY_BYTES} bytes.`));
      req.resume();
      return;
    }
    void yoga(req, res, { req, res });
  });
  httpServer.on('connection', (socket) => socket.setNoDelay(true));
  // A request node's HTTP parser refuses (a malformed Content-Length, oversized headers) gets a
  // JSON error like any other refusal, not node's bare "400 Bad Request".
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const body = refusalBody(
      ErrorCode.badRequest,
      `The HTTP request could not be read (${error.code ?? 'malformed'}): check its headers.`,
    );
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });

  // Upgrades are routed by path: a WebSocketServer bound to the HTTP server would refuse every
  // path but its own.
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node drops the HTTP server's error listener from an upgraded socket. Until `ws` takes it
    // over (after /stream's key lookup, say), a client's reset must not be an uncaught error.
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const other = options.upgrades?.[path];
    if (other) other(req, socket, head);
    else if (path === '/graphql')
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    else socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  const socketSignals = new WeakMap<object, AbortController>();
  const socketPrincipals = new WeakMap<object, Principal>();
  useServer(
    {
      async onConnect(ctx) {
        const key = bearerOf(ctx.connectionParams?.['authorization']) ?? '';
        let principal: Principal;
        try {
          principal = await fleet.keys.authenticate(key);
        } catch (error) {
          if (!isAppError(error)) throw error;
          logger.warn(
            { remoteAddress: ctx.extra.request.socket.remoteAddress, reason: error.message },
            'graphql-ws connection refused: bad API key',
          );
          return false;
        }
        const controller = new AbortController();
        socketSignals.set(ctx.extra.socket, controller);
        socketPrincipals.set(ctx.extra.socket, principal);
        // Revoking the key (or its expiry) closes the socket with 4403, as a refused connect.
        const release = fleet.keys.hold(principal, (reason) =>
          ctx.extra.socket.close(4403, `Forbidden: ${reason}`.slice(0, 120)),
        );
        ctx.extra.socket.once('close', () => {
          release();
          controller.abort();
        });
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        const enveloped = yoga.getEnveloped({
          req: ctx.extra.request,
          transport: 'graphql-ws',
          signal: socketSignals.get(ctx.extra.socket)?.signal,
          principal: socketPrincipals.get(ctx.extra.socket)!,
          params: payload,
        });
        // A bad operation must answer with errors, not close the socket (and every other
        // subscription on it).
        // graphql-armor throws from parse or validate when an operation is over a limit.
        let document;
        let errors: readonly GraphQLError[];
        try {
          document = enveloped.parse(payload.query);
          errors = enveloped.validate(enveloped.schema, document);
        } catch (error) {
          return [maskError(error) as GraphQLError];
        }
        if (errors.length > 0) return errors.map((error) => maskError(error) as GraphQLError);
        // graphql-ws would answer "Unable to identify operation", without a code or the names.
        if (!getOperationAST(document, payload.operationName))
          return [operationChoiceError(document, payload.operationName)];
        const args: ExecutionArgs & {
          rootValue: { execute: typeof enveloped.execute; subscribe: typeof enveloped.subscribe };
        } = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue: await enveloped.contextFactory(),
          rootValue: { execute: enveloped.execute, subscribe: enveloped.subscribe },
        };
        return args;
      },
      execute: (args) =>
        (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) =>
        (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
    },
    wss,
  );

  return {
    listen(host: string, port: number): Promise<AddressInfo> {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        httpServer.closeAllConnections();
        httpServer.close(() => resolve());
      });
    },
  };
}
