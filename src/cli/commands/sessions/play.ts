// `etphonehome sessions play <id>`: replays a session's asciicast recording on this terminal,
// with its timing (pauses capped at --idle-cap seconds), or at once (--instant), or prints the
// asciicast file itself (--raw, for asciinema).

import { ErrorCode } from '../../../errors.js';
import { connect } from '../../../client/index.js';
import { graphql } from '../../../generated/gql.js';
import { commonHelp, commonOptions, parse } from '../../args.js';
import type { Command } from '../../command.js';
import { CommandError, UsageError, type CommandIO } from '../../output.js';

const usage = `Usage: etphonehome sessions play <id> [--instant | --raw] [--idle-cap S]

  Replays what a shell session showed, from its recording on the server (asciicast v2).

  --instant      print all the output at once
  --raw          print the asciicast file (asciinema play - reads it)
  --idle-cap S   longest pause kept, in seconds (default 2)

${commonHelp}

Examples:
  etphonehome sessions play ses_AbC…
  etphonehome sessions play ses_AbC… --raw > session.cast
`;

const RecordingDocument = graphql(`
  query CliSessionRecording($id: ID!) {
    session(id: $id) {
      id
      recording
    }
  }
`);

async function run(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...commonOptions,
    instant: { type: 'boolean' },
    raw: { type: 'boolean' },
    'idle-cap': { type: 'string' },
  });
  const [id] = positionals;
  if (!id) throw new UsageError('sessions play needs a session id (sessions list shows them)');
  const idleCap = Number(values['idle-cap'] ?? 2);
  if (!Number.isFinite(idleCap) || idleCap < 0)
    throw new UsageError(`--idle-cap takes seconds (got "${values['idle-cap']}")`);
  const gql = await connect(values, io.env);
  const { session } = await gql.request(RecordingDocument, { id });
  if (!session)
    throw new CommandError(ErrorCode.notFound, `No session "${id}" (sessions list shows them).`);
  if (!session.recording)
    throw new CommandError(
      ErrorCode.notFound,
      `Session "${id}" has no recording (not kept, or removed by retention).`,
    );
  const write = io.write ?? ((text: string) => io.out(text));
  if (values.raw) {
    write(session.recording);
    return 0;
  }
  let last = 0;
  for (const line of session.recording.split('\n').slice(1)) {
    if (!line) continue;
    const [at, code, text] = JSON.parse(line) as [number, string, string];
    if (code !== 'o') continue;
    if (!values.instant) {
      const pause = Math.min(Math.max(at - last, 0), idleCap);
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause * 1000));
    }
    last = at;
    write(text);
  }
  return 0;
}

export const playCommand: Command = {
  name: 'play',
  synopsis: 'play <id>',
  summary: "replays a session's recording",
  usage,
  run,
};
