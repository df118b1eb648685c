// `etphonehome audit verify|export`: the audit trail read straight from the database (not
// through the API), so that it can be checked even when the server is down or not trusted.
// verify walks the hash chain (docs/design/0006-audit-chain.md) and names the first broken
// link (exit 1); export writes events as JSON lines, and with --follow keeps writing new ones.

import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { commonHelp, parse } from './cli/args.js';
import { createCommandGroup, type Command } from './cli/command.js';
import { UsageError, type CommandIO } from './cli/output.js';
import { serverDataDir } from './lib/server-data-dir.js';
import { eventLine, verifyChain } from './store/audit-chain.js';
import type { Store } from './store/index.js';

const FOLLOW_POLL_MS = 500;

const storeOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/**
 * The server's database, read where the server keeps it: a PostgreSQL URL, or the SQLite file
 * in the data directory. A missing file is refused rather than created (an empty trail would
 * read as "intact"), and the client index is not loaded: only the events are read.
 */
async function openAuditStore(
  values: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<Store> {
  // Loaded here, not at the top: every CLI command shares this module, and only audit needs
  // the ORM and the database drivers.
  const [{ openDatabase }, { databaseUrlProblem }, { databasePath }] = await Promise.all([
    import('./store/open.js'),
    import('./store/database-url.js'),
    import('./data-dir.js'),
  ]);
  const url = values['database-url'] ?? env['ETPHONEHOME_DATABASE_URL'];
  if (url) {
    const problem = databaseUrlProblem(url);
    if (problem) throw new UsageError(`--database-url: ${problem}`);
    return openDatabase({ file: '', databaseUrl: url, applicationName: 'etphonehome/audit' });
  }
  const dataDir = serverDataDir(values['data-dir'], env);
  const file = databasePath(dataDir);
  if (!existsSync(file)) {
    throw new UsageError(
      `No server database at ${file}: point --data-dir at the server's data directory (or --database-url at its PostgreSQL).`,
    );
  }
  return openDatabase({ file });
}

const verifyUsage = `Usage: etphonehome audit verify [--data-dir DIR | --database-url URL] [--json]

  Walks the audit trail's hash chain in id order and checks every link: a changed row, a
  deleted or moved one, a missing hash is reported as the first broken link (exit status 1).
  Reads the database directly; the server may be running or not.

${commonHelp}

Examples:
  etphonehome audit verify --data-dir /var/lib/etphonehome
`;

async function runVerify(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parse(argv, { ...storeOptions, json: { type: 'boolean' } });
  const store = await openAuditStore(values, io.env);
  try {
    const report = await verifyChain(store.events);
    if (values.json) io.out(JSON.stringify(report));
    else if (report.ok)
      io.out(
        `Audit chain intact: ${report.chained} chained event(s) of ${report.events}${report.lastId !== null ? `, last id ${report.lastId}` : ''}${report.head ? `, head ${report.head}` : ''}.`,
      );
    else
      io.err(
        `Audit chain broken at event ${report.brokenAt}: ${report.reason}. ${report.checked - 1} event(s) before it are intact.`,
      );
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

const exportUsage = `Usage: etphonehome audit export [--since ID|TIME] [--follow] [--data-dir DIR | --database-url URL]

  Writes recorded events as JSON lines on stdout, oldest first: {id, event, timestamp,
  clientUuid, actor, principal{keyId, keyName}, data, hash}. --since: only events after this
  event id, or at or after this ISO 8601 time. --follow: keep writing new events as they are
  recorded (until interrupted).

Examples:
  etphonehome audit export --since 2026-12-01T00:00:00Z > trail.jsonl
  etphonehome audit export --follow | my-siem-forwarder
`;

async function runExport(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parse(argv, {
    ...storeOptions,
    since: { type: 'string' },
    follow: { type: 'boolean' },
  });
  let afterId = 0;
  let sinceTime: Date | null = null;
  if (values.since !== undefined) {
    if (/^\d+$/.test(values.since)) afterId = Number(values.since);
    else {
      sinceTime = new Date(values.since);
      if (Number.isNaN(sinceTime.getTime()))
        throw new UsageError(
          `--since takes an event id or an ISO 8601 time (got "${values.since}")`,
        );
    }
  }
  const store = await openAuditStore(values, io.env);
  const write = io.write ?? ((text: string) => io.out(text.replace(/\n$/, '')));
  const interrupted = io.interrupted?.();
  try {
    for (;;) {
      const page = await store.events.after(afterId, 1000);
      for (const event of page) {
        afterId = event.id;
        if (sinceTime && event.at.getTime() < sinceTime.getTime()) continue;
        write(`${eventLine(event)}\n`);
      }
      if (page.length > 0) continue;
      if (!values.follow || interrupted?.aborted) return 0;
      await sleep(FOLLOW_POLL_MS, undefined, { signal: interrupted }).catch(() => undefined);
      if (interrupted?.aborted) return 0;
    }
  } finally {
    await store.close();
  }
}

const verifyCommand: Command = {
  name: 'verify',
  summary: 'checks the hash chain of the audit trail; names the first broken link',
  usage: verifyUsage,
  run: runVerify,
};

const exportCommand: Command = {
  name: 'export',
  summary: 'events as JSON lines (--since, --follow)',
  usage: exportUsage,
  run: runExport,
};

export const auditCommand = createCommandGroup({
  name: 'audit',
  summary: 'the tamper-evident audit trail: verify | export',
  subcommands: [verifyCommand, exportCommand],
  examples: ['verify --data-dir /var/lib/etphonehome', 'export --since 1000 --follow'],
});
