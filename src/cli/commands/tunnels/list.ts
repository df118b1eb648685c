// `etphonehome tunnels list`: open tunnels with their counters.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, printTable, type CommandIO } from '../../output.js';

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

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  noPositionals('tunnels list', positionals, 'close one with tunnels close ID');
  const gql = await connect(values, io.env);
  const { tunnels } = await gql.request(TunnelsDocument, {});
  if (values.json) printJson(io, tunnels);
  else if (tunnels.length === 0) io.out('No open tunnels.');
  else
    printTable(
      io,
      ['ID', 'CLIENT', 'TARGET', 'LISTEN', 'CONNECTIONS', 'IN', 'OUT', 'BY'],
      tunnels.map((t) => [
        t.id,
        t.clientId,
        `${t.host}:${t.port}`,
        t.listen ?? '',
        `${t.connections} (${t.activeConnections} open)`,
        String(t.bytesIn),
        String(t.bytesOut),
        t.principal,
      ]),
    );
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'open tunnels and their counters',
  usage,
  run,
};
