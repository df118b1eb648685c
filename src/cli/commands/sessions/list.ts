// `etphonehome sessions list`: open shell sessions, then ended ones, newest first.

import { connect } from '../../../client/index.js';
import { DEFAULT_SESSIONS_LIST, MAX_SESSIONS_LIST } from '../../../fleet/limits.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, noPositionals, parse, parseIntFlag } from '../../args.js';
import type { Command } from '../../command.js';
import { printList, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome sessions list [--client C] [--open] [--limit N] [--json]

  Shell sessions: open ones first, then ended ones (newest first), with who opened them, the
  command (blank: the login shell), the exit status and the bytes both ways.

  --client C   only this client (uuid, clientId or display name)
  --open       only sessions open now
  --limit N    at most N (1-${MAX_SESSIONS_LIST}, default ${DEFAULT_SESSIONS_LIST})

--json prints [{id, clientUuid, clientId, principal, apiKey, origin, command, pty, cols, rows,
open, startedAt, endedAt, exitStatus, exitSignal, closeReason, bytesIn, bytesOut}].

${commonHelp}

Examples:
  etphonehome sessions list --open
  etphonehome sessions list --client web-01 --json
`;

const SessionsDocument = graphql(`
  query CliSessions($filter: SessionFilter, $first: Int) {
    sessions(filter: $filter, first: $first) {
      ...SessionFields
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    client: { type: 'string' },
    open: { type: 'boolean' },
    limit: { type: 'string' },
  });
  noPositionals('sessions list', positionals, 'one client’s with --client C');
  const first =
    parseIntFlag('limit', values.limit, { min: 1, max: MAX_SESSIONS_LIST }) ??
    DEFAULT_SESSIONS_LIST;
  const gql = await connect(values, io.env);
  const { sessions } = await gql.request(SessionsDocument, {
    filter: { clientId: values.client ?? null, openOnly: values.open ?? false },
    first,
  });
  printList(io, values.json, sessions, {
    headers: ['ID', 'CLIENT', 'STARTED', 'STATE', 'COMMAND', 'IN', 'OUT', 'BY'],
    row: (s) => [
      s.id,
      s.clientId,
      String(s.startedAt),
      s.open
        ? 'open'
        : s.exitStatus !== null
          ? `exit ${s.exitStatus}`
          : (s.exitSignal ?? s.closeReason ?? 'ended'),
      s.command ?? '(login shell)',
      String(s.bytesIn),
      String(s.bytesOut),
      s.principal,
    ],
    empty: 'No sessions.',
  });
  return 0;
}

export const listCommand: Command = {
  name: 'list',
  summary: 'open and ended shell sessions',
  usage,
  run,
};
