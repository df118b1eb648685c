// `etphonehome sessions kill <id>`: ends an open shell session at once.

import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { printJson, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome sessions kill <id> [--json]

  Ends an open shell session at once: its processes get SIGHUP, the operator's shell ends, and
  session.closed is recorded. Exit 3 (NOT_FOUND) when it is not open.

${commonHelp}

Examples:
  etphonehome sessions list --open
  etphonehome sessions kill ses_AbC…
`;

const CloseSessionDocument = graphql(`
  mutation CliCloseSession($id: ID!) {
    closeSession(id: $id) {
      id
      clientId
      bytesIn
      bytesOut
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const [id] = positionals;
  if (!id) throw new UsageError('sessions kill needs a session id (sessions list shows them)');
  const gql = await connect(values, io.env);
  const { closeSession } = await gql.request(CloseSessionDocument, { id });
  if (values.json) printJson(io, closeSession);
  else io.out(`Closed ${closeSession.id} on ${closeSession.clientId}`);
  return 0;
}

export const killCommand: Command = {
  name: 'kill',
  synopsis: 'kill <id>',
  summary: 'ends an open shell session',
  usage,
  run,
};
