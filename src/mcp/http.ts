// MCP over Streamable HTTP at /mcp, on the API server's port. One SDK transport and McpServer per
// session (Mcp-Session-Id), each with its own select_client state:
//
//   POST /mcp  (initialize, no session id)   → new session, if under the cap
//   POST /mcp  (Mcp-Session-Id: …)           → JSON-RPC messages of that session
//   GET  /mcp  (Mcp-Session-Id: …)           → the session's server-to-client SSE stream
//   DELETE /mcp (Mcp-Session-Id: …)          → ends the session
//
// Before anything is read: a browser Origin other than the server's own is refused (DNS
// rebinding), then the API key is checked (Authorization: Bearer, constant time; never from the
// query string). Bodies are capped; idle sessions are closed; open sessions are capped.

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Logger } from 'pino';
import { isAppError } from '../errors.js';
import { INTERNAL_ERROR, sendJsonRpcError as sendError } from './json-rpc-error.js';
import type { EndHeld, Principal } from '../fleet/index.js';
import type { Executor } from './executor.js';
import { createMcpServer } from './server.js';
import { closeSessionShells, createMcpSession, type McpSession } from './session.js';

export interface McpHttpLimits {
  maxSessions: number;
  sessionIdleMs: number;
  maxBodyBytes: number;
}

export const DEFAULT_MCP_HTTP_LIMITS: McpHttpLimits = {
  maxSessions: 100,
  sessionIdleMs: 30 * 60 * 1000,
  maxBodyBytes: 1024 * 1024,
};

export interface McpHttpOptions {
  /** The principal of a presented key; throws UNAUTHENTICATED (an AppError) otherwise. */
  authenticate: (secret: string) => Promise<Principal>;
  /** Registers a session its key holds open (revoking the key ends it). */
  hold: (principal: Principal, end: EndHeld) => () => void;
  executor: Executor;
  logger: Logger;
  version: string;
  /** Browser origins allowed besides the server's own (e.g. "https://ops.example.com"). */
  allowedOrigins?: readonly string[];
  limits?: Partial<McpHttpLimits>;
}

interface OpenSession {
  id: string;
  /** The tools' state: the selected client, the shells opened (closed with the session). */
  mcp: McpSession;
  principal: Principal;
  release: () => void;
  transport: StreamableHTTPServerTransport;
  server: McpServer;
  lastSeenMs: number;
  inFlight: number;
}

/**
 * Reads a JSON body up to `maxBytes`; null when an error was already sent. A body over the cap is
 * refused with 413 and the rest of it read and dropped (up to DRAIN_FACTOR times the cap): a
 * socket closed under a client that is still sending makes it see a reset, not the refusal.
 */
async function readJsonBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBytes: number,
): Promise<{ body: unknown } | null> {
  const tooLarge = (): void => {
    sendError(res, 413, -32600, `Request body over ${maxBytes} bytes.`);
  };
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) {
    tooLarge();
    drain(req, maxBytes * DRAIN_FACTOR);
    return null;
  }
  const text = await new Promise<string | null>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      chunks.length = 0;
      tooLarge();
      drain(req, maxBytes * DRAIN_FACTOR);
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', () => resolve(null));
  });
  if (text === null) return null;
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    sendError(
      res,
      400,
      -32700,
      `Parse error: the body is not JSON (${(error as Error).message.slice(0, 100)}).`,
    );
    return null;
  }
}

/** How much of a refused body is read and dropped, as a multiple of the cap, before the socket is cut. */
const DRAIN_FACTOR = 16;

/** Reads and drops the rest of a refused body; past `limitBytes` the connection is cut. */
function drain(req: IncomingMessage, limitBytes: number): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limitBytes) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function ownOrigins(req: IncomingMessage): Set<string> {
  const port = req.socket.localPort;
  const local = req.socket.localAddress ?? '127.0.0.1';
  const hosts = ['127.0.0.1', 'localhost', '[::1]', local.includes(':') ? `[${local}]` : local];
  return new Set(hosts.flatMap((host) => [`http://${host}:${port}`, `https://${host}:${port}`]));
}

export function createMcpHttpHandler(options: McpHttpOptions) {
  const limits = { ...DEFAULT_MCP_HTTP_LIMITS, ...options.limits };
  const extraOrigins = new Set(options.allowedOrigins ?? []);
  const sessions = new Map<string, OpenSession>();
  const { logger } = options;

  const closeSession = (session: OpenSession, why: string): void => {
    if (!sessions.delete(session.id)) return;
    session.release();
    void closeSessionShells(session.mcp, options.executor);
    logger.info({ session: session.id, why }, 'mcp session closed');
    void session.transport.close().catch(() => undefined);
    void session.server.close().catch(() => undefined);
  };

  const sweep = (): void => {
    const now = Date.now();
    for (const session of sessions.values()) {
      if (session.inFlight === 0 && now - session.lastSeenMs > limits.sessionIdleMs) {
        closeSession(session, 'idle');
      }
    }
  };
  const sweeper = setInterval(sweep, Math.min(60_000, Math.max(1000, limits.sessionIdleMs / 4)));
  sweeper.unref();

  const track = (session: OpenSession, res: ServerResponse): void => {
    session.inFlight += 1;
    session.lastSeenMs = Date.now();
    res.once('close', () => {
      session.inFlight -= 1;
      session.lastSeenMs = Date.now();
    });
  };

  async function openSession(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    principal: Principal,
  ): Promise<void> {
    sweep();
    if (sessions.size >= limits.maxSessions) {
      sendError(
        res,
        503,
        -32000,
        `Too many open MCP sessions (${limits.maxSessions}). Close unused ones (DELETE /mcp with their Mcp-Session-Id) or wait for idle ones to expire, then retry.`,
        { 'retry-after': '60' },
      );
      return;
    }
    const id = randomUUID();
    const actor = `mcp ${id.slice(0, 8)} ${req.socket.remoteAddress ?? 'unknown'}`;
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => id,
      onsessionclosed: () => {
        const open = sessions.get(id);
        if (open) closeSession(open, 'closed by the client');
      },
    });
    const mcp = createMcpSession(actor, principal);
    const server = createMcpServer({
      onUnexpected: (error, ref, tool) =>
        logger.error({ err: error, ref, tool, session: id }, 'unexpected error in an MCP tool'),
      executor: options.executor,
      session: mcp,
      version: options.version,
    });
    const session: OpenSession = {
      id,
      mcp,
      principal,
      release: () => undefined,
      transport,
      server,
      lastSeenMs: Date.now(),
      inFlight: 0,
    };
    // Revoking the key (or its expiry) ends the session and aborts its calls in flight.
    session.release = options.hold(principal, (reason) => closeSession(session, reason));
    transport.onclose = () => closeSession(session, 'transport closed');
    sessions.set(id, session);
    await server.connect(transport);
    track(session, res);
    await transport.handleRequest(req, res, body);
    if (transport.sessionId === undefined) closeSession(session, 'initialization failed');
    else logger.info({ session: id, actor }, 'mcp session opened');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownOrigins(req).has(origin) && !extraOrigins.has(origin)) {
      logger.warn(
        { origin, remoteAddress: req.socket.remoteAddress },
        'mcp request refused: foreign Origin',
      );
      sendError(
        res,
        403,
        -32000,
        `Origin ${JSON.stringify(origin).slice(0, 200)} is not allowed: MCP over HTTP accepts requests from the server's own origin or from non-browser clients only.`,
      );
      req.resume();
      return;
    }
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    let principal: Principal | null = null;
    let refusal =
      'Unauthorized: send "Authorization: Bearer <key>" (the key is in <data-dir>/api_key or ETPHONEHOME_API_KEY; it is never accepted in the URL).';
    if (match) {
      try {
        principal = await options.authenticate((match[1] ?? '').trim());
      } catch (error) {
        if (!isAppError(error)) throw error;
        refusal = `Unauthorized: ${error.message}`;
      }
    }
    if (!principal) {
      sendError(res, 401, -32001, refusal, { 'www-authenticate': 'Bearer' });
      req.resume();
      return;
    }
    if (req.method !== 'POST' && req.method !== 'GET' && req.method !== 'DELETE') {
      sendError(res, 405, -32000, 'Method not allowed: use POST, GET or DELETE on /mcp.', {
        allow: 'POST, GET, DELETE',
      });
      req.resume();
      return;
    }
    const rawId = req.headers['mcp-session-id'];
    const sessionId = Array.isArray(rawId) ? rawId[0] : rawId;
    let body: unknown;
    if (req.method === 'POST') {
      const read = await readJsonBody(req, res, limits.maxBodyBytes);
      if (!read) return;
      body = read.body;
    }
    if (sessionId === undefined) {
      const initializing =
        req.method === 'POST' &&
        (Array.isArray(body)
          ? body.some((m) => isInitializeRequest(m))
          : isInitializeRequest(body));
      if (!initializing) {
        sendError(
          res,
          400,
          -32000,
          'Bad request: no Mcp-Session-Id header. Start a session with an initialize request first.',
        );
        return;
      }
      await openSession(req, res, body, principal);
      return;
    }
    const session = sessions.get(sessionId);
    if (session && session.principal.keyId !== principal.keyId) {
      sendError(
        res,
        404,
        -32001,
        'Session not found for this API key. Start a new session with initialize.',
      );
      if (req.method !== 'POST') req.resume();
      return;
    }
    if (!session) {
      sendError(
        res,
        404,
        -32001,
        'Session not found (it ended, expired after being idle, or the server restarted). Start a new session with initialize.',
      );
      if (req.method !== 'POST') req.resume();
      return;
    }
    track(session, res);
    await session.transport.handleRequest(req, res, body);
  }

  return {
    handle(req: IncomingMessage, res: ServerResponse): void {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'mcp request failed');
        sendError(
          res,
          500,
          INTERNAL_ERROR,
          'Internal error handling the MCP request; the server log has the details.',
        );
      });
    },
    sessionCount: (): number => sessions.size,
    async close(): Promise<void> {
      clearInterval(sweeper);
      for (const session of [...sessions.values()]) closeSession(session, 'server shutting down');
    },
  };
}
