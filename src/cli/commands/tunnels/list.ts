// `etphonehome tunnels list`: open tunnels with their counters.

import { graphql } from '../../../generated/gql.js';
import { commonHelp } from '../../args.js';
import type { Command } from '../../command.js';
import { listRun } from '../../list-command.js';

const usage = `Usage: etphonehome tunnels list [--json]

  Open tunnels (etphonehome forward): client, target, where the operator listens, connections
  (carried / open now) and bytes both ways.

--json prints [{id, clientId, principal, host, port, listen, openedAt, connections,
activeConnections, bytesIn, bytesOut}].

${commonHelp}

Examples:
  etphonehome tunnels list
  etphonehome tunnels list --json
`;

const TunnelsDocument = graphql(`
  query CliTunnels {
    tunnels {
      id
      clientId
      principal
      host
      port
      listen
      openedAt
      connections
      activeConnections
      bytesIn
      bytesOut
    }
  }
`);

const run = listRun(
  'tunnels list',
  'close one with tunnels close ID',
  async (gql) => (await gql.request(TunnelsDocument, {})).tunnels,
  {
    headers: ['ID', 'CLIENT', 'TARGET', 'LISTEN', 'CONNECTIONS', 'IN', 'OUT', 'BY'],
    row: (t) => [
      t.id,
      t.clientId,
      `${t.host}:${t.port}`,
      t.listen ?? '',
      `${t.connections} (${t.activeConnections} open)`,
      String(t.bytesIn),
      String(t.bytesOut),
      t.principal,
    ],
    empty: 'No open tunnels.',
  },
);

export const listCommand: Command = {
  name: 'list',
  summary: 'open tunnels and their counters',
  usage,
  run,
};
