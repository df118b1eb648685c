// `etphonehome clients stats <client>`: one client's rate-limit figures and limits, the guide's
// "Checking Rate Limit Stats" workflow (MCP get_rate_limit_stats, GraphQL rateLimitStats).

import { connect } from '../../../client/index.js';
import { RateLimitStatsDocument } from '../../../client/operations.js';
import { commonHelp, commonOptions, oneClient, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { clientName } from '../../format.js';
import { printFields, printJson, styleFor, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome clients stats <client> [--json]

  Shows one client's rate-limit figures (by uuid, clientId or display name): requests in the
  last minute and in flight now against its limits, and how many requests went over a limit —
  warnings (WARN mode: they ran anyway) and rejections (ENFORCE mode: refused). Warning and
  rejection counts survive server restarts; the minute window and the in-flight count do not.
  Change the limits with "etphonehome clients configure <client> --rate-limit-rpm N".
  Exit status 3 when no client matches.

--json prints {client, requestsPerMinute, currentConcurrent, rpmLimit, concurrentLimit,
rpmWarnings, concurrentWarnings, rpmRejections, concurrentRejections, mode}.

${commonHelp}

Examples:
  etphonehome clients stats web-01
  etphonehome clients stats web-01 --json | jq .requestsPerMinute
`;

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, commonOptions);
  const id = oneClient('clients stats', positionals);
  const gql = await connect(values, io.env);
  const { rateLimitStats: s } = await gql.request(RateLimitStatsDocument, { id });
  if (values.json) {
    printJson(io, s);
    return 0;
  }
  const style = styleFor(io);
  const over = (count: number): string => (count > 0 ? style.yellow(String(count)) : '0');
  printFields(io, [
    ['client', style.bold(clientName(s.client))],
    ['mode', s.mode],
    ['requests/minute', `${s.requestsPerMinute} of ${s.rpmLimit}`],
    ['in flight', `${s.currentConcurrent} of ${s.concurrentLimit}`],
    ['warnings', `${over(s.rpmWarnings)} per-minute, ${over(s.concurrentWarnings)} in-flight`],
    [
      'rejections',
      `${over(s.rpmRejections)} per-minute, ${over(s.concurrentRejections)} in-flight`,
    ],
  ]);
  return 0;
}

export const statsCommand: Command = {
  name: 'stats',
  synopsis: 'stats <c>',
  summary: "one client's rate-limit figures and limits",
  usage,
  run,
};
