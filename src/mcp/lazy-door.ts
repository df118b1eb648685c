// The MCP door over HTTP, loaded by its first request: the MCP SDK, the tools and their JSON
// schemas took about a fifth of a second of every start (and every restart of a reconnect storm)
// for a door many servers open rarely. Until then `/mcp` costs nothing; the first request waits
// for the load, and a load that fails answers 500 (JSON-RPC) and is tried again next time. Once
// closed (the server shutting down), it answers 503 and loads nothing.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { INTERNAL_ERROR, sendJsonRpcError } from './json-rpc-error.js';

export interface McpDoor {
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export function lazyMcpDoor(logger: Logger, load: () => Promise<McpDoor>): McpDoor {
  let door: Promise<McpDoor> | null = null;
  let closed = false;
  return {
    handle(req, res) {
      if (closed)
        return sendJsonRpcError(
          res,
          503,
          INTERNAL_ERROR,
          'The server is shutting down; try again later.',
        );
      door ??= load();
      door.then(
        (loaded) => loaded.handle(req, res),
        (error: unknown) => {
          door = null;
          logger.error({ err: error }, 'cannot load the MCP door');
          sendJsonRpcError(
            res,
            500,
            INTERNAL_ERROR,
            'The MCP door could not be loaded; the server log has the details.',
          );
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
