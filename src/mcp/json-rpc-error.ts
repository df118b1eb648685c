// A JSON-RPC error as the MCP door's HTTP answer (no id: it answers the request, not a call).
// Its own module so that the lazy door (./lazy-door.ts) can answer without loading the door.

import type { ServerResponse } from 'node:http';

/** JSON-RPC's "internal error" code. */
export const INTERNAL_ERROR = -32603;

/** Answers `status` with a JSON-RPC error; after headers were sent, only ends the response. */
export function sendJsonRpcError(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}
