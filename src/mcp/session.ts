// The state one MCP session keeps: which client it works on, and the shells it opened (closed
// when the session ends: closeSessionShells). Client selection rules (docs/mcp.md):
//   - a tool's explicit client_id always wins (and does not change the selection);
//   - select_client sets the selection for this session only;
//   - with nothing selected and exactly one client online, that client is used and becomes the
//     selection (so the session cannot drift to another client later);
//   - a selected client that is offline is an error naming it and the next step: the session
//     never silently switches client.

import { ErrorCode } from '../errors.js';
import type { Principal } from '../fleet/index.js';
import { graphql } from '../generated/gql.js';
import { ToolError, type Executor, type RequestOptions } from './executor.js';
import { cleanText } from './untrusted.js';

export interface SelectedClient {
  uuid: string;
  clientId: string;
}

export interface McpSession {
  /** For the audit trail: "mcp <session id> <address>". */
  actor: string;
  /** The key the session authenticated with (in-process); absent over the stdio bridge. */
  principal?: Principal | undefined;
  selected: SelectedClient | null;
  /** The shells shell_open opened and shell_close has not closed (ids). */
  shells: Set<string>;
}

export function createMcpSession(actor: string, principal?: Principal): McpSession {
  return { actor, principal, selected: null, shells: new Set() };
}

const CloseSessionShellDocument = graphql(`
  mutation McpCloseSessionShell($id: ID!) {
    closeSession(id: $id) {
      id
    }
  }
`);

/**
 * Closes the shells a session opened, at once (the session is ending: an assistant's shells do
 * not outlive its MCP session). One that already ended is NOT_FOUND, which is fine.
 */
export async function closeSessionShells(session: McpSession, executor: Executor): Promise<void> {
  const ids = [...session.shells];
  session.shells.clear();
  await Promise.all(
    ids.map((id) =>
      executor
        .request(
          CloseSessionShellDocument,
          { id },
          { actor: session.actor, principal: session.principal },
        )
        .catch(() => undefined),
    ),
  );
}

const TargetClientDocument = graphql(`
  query McpTargetClient($id: ID!) {
    client(id: $id) {
      uuid
      clientId
      displayName
      online
      lastSeen
    }
  }
`);

const OnlineClientsDocument = graphql(`
  query McpOnlineClients {
    clients(filter: { onlineOnly: true }) {
      uuid
      clientId
      displayName
    }
  }
`);

export interface Target {
  /** What to pass as the GraphQL client id. */
  id: string;
  /** How our text names it: the name the caller gave, else the selected client's clientId. */
  name: string;
  /** Set when the session picked the client itself: a line for the result text. */
  note: string | null;
}

/** The client a tool with an optional client_id works on. */
export async function resolveTarget(
  session: McpSession,
  clientId: string | undefined,
  executor: Executor,
  options: RequestOptions,
): Promise<Target> {
  if (clientId !== undefined) return { id: clientId, name: clientId, note: null };
  if (session.selected) {
    const { uuid, clientId: name } = session.selected;
    const { client } = await executor.request(TargetClientDocument, { id: uuid }, options);
    if (!client) {
      throw new ToolError(
        ErrorCode.notFound,
        `The selected client "${cleanText(name)}" (${uuid}) no longer exists. Call list_clients, then select_client with another client or pass client_id.`,
      );
    }
    if (!client.online) {
      throw new ToolError(
        ErrorCode.clientOffline,
        `The selected client "${cleanText(client.clientId)}" is offline (last seen ${client.lastSeen}). This session does not switch clients on its own: wait for it to reconnect, or call select_client with an online client (list_clients shows who is online), or pass client_id.`,
      );
    }
    return { id: uuid, name, note: null };
  }
  const { clients } = await executor.request(OnlineClientsDocument, {}, options);
  const [only] = clients;
  if (clients.length === 1 && only) {
    session.selected = { uuid: only.uuid, clientId: only.clientId };
    return {
      id: only.uuid,
      name: only.clientId,
      note: `No client was selected; "${cleanText(only.clientId)}" is the only one online, so it is now this session's selected client.`,
    };
  }
  if (clients.length === 0) {
    throw new ToolError(
      ErrorCode.clientOffline,
      'No client is online, and none is selected. Call list_clients to see the fleet and when each client was last seen.',
    );
  }
  const names = clients
    .slice(0, 10)
    .map((c) => `"${cleanText(c.clientId)}"`)
    .join(', ');
  throw new ToolError(
    ErrorCode.badUserInput,
    `${clients.length} clients are online (${names}${clients.length > 10 ? ', …' : ''}) and none is selected. Pass client_id, or call select_client first.`,
  );
}
