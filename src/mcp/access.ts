// Which tools a session's key may see: each tool names the fleet operation it performs, and the
// fleet's role matrix (fleet/access.ts) says who may. A session lists only the tools its key's
// role allows (a VIEWER key lists none that changes anything); the fleet still checks every
// call. test/mcp/access.test.ts fails when a tool has no line here.

import { ruleOf, type FleetOperation } from '../fleet/access.js';
import { Role, roleAllows, type RoleName } from '../fleet/index.js';
import type { AnyTool } from './tool.js';

/** The fleet operation behind each tool (the strongest one when it performs several). */
export const toolOperations: Readonly<Record<string, FleetOperation | null>> = {
  list_clients: 'clients.list',
  find_client: 'clients.list',
  describe_client: 'clients.get',
  update_client: 'clients.update',
  /** The session's own state (it reads the client to check it exists). */
  select_client: 'clients.get',
  configure_client: 'clients.configure',
  get_rate_limit_stats: 'clients.rateLimitStats',
  accept_key: 'clients.acceptKey',
  run_command: 'commands.run',
  run_bulk_command: 'jobs.startBulkCommand',
  decommission_client: 'clients.decommission',
  read_file: 'files.read',
  write_file: 'files.write',
  list_files: 'files.list',
  upload_file: 'transfers.upload',
  download_file: 'transfers.download',
  get_client_metrics: 'metrics.get',
  fleet_health: 'metrics.fleetHealth',
  shell_open: 'shells.open',
  shell_send: 'shells.send',
  shell_read: 'shells.read',
  shell_list: 'shells.list',
  shell_close: 'shells.close',
};

/** The role a tool needs (ADMIN for a tool without a line: nothing is open by mistake). */
export function toolRole(name: string): RoleName {
  const operation = toolOperations[name];
  if (operation === undefined || operation === null) return Role.admin;
  const rule = ruleOf(operation);
  return rule === 'internal' ? Role.admin : rule;
}

/** The tools a key of `role` may see. */
export function toolsForRole(tools: readonly AnyTool[], role: RoleName): AnyTool[] {
  return tools.filter((tool) => roleAllows(role, toolRole(tool.name)));
}
