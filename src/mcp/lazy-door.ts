// The MCP door over HTTP, loaded by its first request: the MCP SDK, the tools and their JSON
// schemas took about a fifth of a second of every start (and every restart of a reconnect storm)
// for a door many servers open rarely. Until then `/mcp` costs nothing; the first request waits
// for the load, and a load that fails answers 500 (JSON-RPC) and is tried again next time. Once
// closed (the server shutting down), it answers 503 and loads nothing.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

export interface McpDoor {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

function sendError(res: ServerResponse, status: number, message: string): void {
  if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message }, id: null }));
}

export function lazyMcpDoor(logger: Logger, load: () => Promise<McpDoor>): McpDoor {
  let door: Promise<McpDoor> | null = null;
  let closed = false;
  return {
    handle(req, res) {
      if (closed) return sendError(res, 503, 'The server is shutting down; try again later.');
      door ??= load();
      door.then(
        (loaded) => loaded.handle(req, res),
        (error: unknown) => {
          door = null;
          logger.error({ err: error }, 'cannot load the MCP door');
          sendError(res, 500, 'The MCP door could not be loaded; the server log has the details.');
        },
      );
    },
    async close() {
      closed = true;
      const loading = door;
      door = null;
      if (loading) await (await loading.catch(() => null))?.close();
    },
  };
}
