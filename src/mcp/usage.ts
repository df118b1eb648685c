// `etphonehome mcp --help`, apart from the bridge itself so that help loads no MCP machinery.

import { DEFAULT_SERVER_URL } from '../client/index.js';

export const mcpUsage = `Usage: etphonehome mcp [--url URL] [--data-dir DIR]

Serves the ET Phone Home tools (list_clients, run_command, …) to an AI assistant over MCP on
stdin/stdout, as a client of a running server: --url / ETPHONEHOME_URL (default
${DEFAULT_SERVER_URL}) with ETPHONEHOME_API_KEY (or the api_key file of --data-dir /
ETPHONEHOME_DATA_DIR on the server machine). Over HTTP, assistants can use <url>/mcp directly.

Examples:
  claude mcp add etphonehome --env ETPHONEHOME_API_KEY=… -- etphonehome mcp --url ${DEFAULT_SERVER_URL}
  ETPHONEHOME_API_KEY=… etphonehome mcp
`;
