// `etphonehome mcp`: MCP over stdio for assistants that launch their tools as a process. A bridge:
// every tool call is a GraphQL operation on a running server (--url / ETPHONEHOME_URL, with
// ETPHONEHOME_API_KEY or the server's api_key file). stdout carries the MCP protocol only;
// anything for people goes to stderr. One process = one MCP session (one select_client state).

import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { resolveConnection } from '../client/index.js';
import { Role, type RoleName } from '../fleet/index.js';
import { graphql } from '../generated/gql.js';
import { createHttpExecutor, type Executor } from './executor.js';
import { createMcpServer } from './server.js';
import { closeSessionShells, createMcpSession } from './session.js';
import { mcpUsage } from './usage.js';

const ViewerDocument = graphql(`
  query McpViewer {
    viewer {
      role
    }
  }
`);

/** The role of the bridge's key; ADMIN (every tool listed) when the server cannot say. */
async function roleOfKey(executor: Executor): Promise<RoleName> {
  try {
    const { viewer } = await executor.request(ViewerDocument, {}, { actor: 'mcp stdio' });
    return viewer.role;
  } catch {
    return Role.admin;
  }
}

/** Resolves when stdin closes (the assistant went away). */
export async function runMcpStdio(
  argv: string[],
  io: { out: (text: string) => void; err: (text: string) => void; env: NodeJS.ProcessEnv },
  version: string,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(mcpUsage);
    return 0;
  }
  const connection = await resolveConnection(values, io.env);
  const executor = createHttpExecutor(connection);
  const session = createMcpSession(`mcp stdio pid ${process.pid}`);
  const server = createMcpServer({
    executor,
    // Only the tools the key's role allows are listed (the server checks every call anyway).
    role: await roleOfKey(executor),
    session,
    version,
    onUnexpected: (error, ref, tool) =>
      io.err(
        `etphonehome mcp: unexpected error in ${tool} (ref ${ref}): ${(error as Error).stack ?? String(error)}`,
      ),
  });
  const transport = new StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
    process.stdin.once('close', () => resolve());
  });
  await server.connect(transport);
  io.err(`etphonehome mcp: serving MCP on stdio for ${connection.url}`);
  await closed;
  // The assistant went away: its shells go too (they would idle out otherwise).
  await closeSessionShells(session, executor);
  await server.close().catch(() => undefined);
  return 0;
}
