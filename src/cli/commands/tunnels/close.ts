// `etphonehome tunnels close <id>`: closes a tunnel and every connection it carries.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome tunnels close <id> [--json]

  Closes an open tunnel at once: its connections end and the operator's etphonehome forward
  exits; tunnel.closed is recorded. Exit 3 (NOT_FOUND) when it is not open.

${commonHelp}

Examples:
  etphonehome tunnels list
  etphonehome tunnels close tun_AbC…
`;

const CloseTunnelDocument = graphql(`
  mutation CliCloseTunnel($id: ID!) {
    closeTunnel(id: $id) {
      id
      clientId
      connections
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [id] = positionals;
  if (!id) throw new UsageError('tunnels close needs a tunnel id (tunnels list shows them)');
  const gql = await connect(values, io.env);
  const { closeTunnel } = await gql.request(CloseTunnelDocument, { id });
  if (values.json) printJson(io, closeTunnel);
  else
    io.out(
      `Closed ${closeTunnel.id} on ${closeTunnel.clientId} (${closeTunnel.connections} connections carried)`,
    );
  return 0;
}

export const closeCommand: Command = {
  name: 'close',
  synopsis: 'close <id>',
  summary: 'closes a tunnel and its connections',
  usage,
  run,
};
