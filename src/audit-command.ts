// `etphonehome audit verify|export`: the audit trail read straight from the database (not
// through the API), so that it can be checked even when the server is down or not trusted.
// verify walks the hash chain (docs/design/0006-audit-chain.md) and names the first broken
// link (exit 1); export writes events as JSON lines, and with --follow keeps writing new ones.

import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { commonHelp, parse } from './cli/args.js';
import { createCommandGroup, type Command } from './cli/command.js';
import { UsageError, type CommandIO } from './cli/output.js';
import { eventLine, verifyChain } from './store/audit-chain.js';
import type { Store } from './store/index.js';
import { openStore } from './store/open.js';

const FOLLOW_POLL_MS = 500;

const storeOptions = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const;

async function openAuditStore(
  values: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined },
  env: NodeJS.ProcessEnv,
): Promise<Store> {
  const url = values['database-url'] ?? env['ETPHONEHOME_DATABASE_URL'];
  if (url) {
    throw new UsageError(
      '--database-url: this build reads the audit trail from the SQLite file only (--data-dir); PostgreSQL comes with the cluster store.',
    );
  }
  const dataDir = resolve(
    values['data-dir'] ?? env['ETPHONEHOME_DATA_DIR'] ?? join(homedir(), '.etphonehome-server'),
  );
  return openStore({ file: join(dataDir, 'etphonehome.db') });
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
  let stopped = false;
  const stop = (): void => {
    stopped = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    for (;;) {
      const page = await store.events.after(afterId, 1000);
      for (const event of page) {
        afterId = event.id;
        if (sinceTime && event.at.getTime() < sinceTime.getTime()) continue;
        write(`${eventLine(event)}\n`);
      }
      if (page.length > 0) continue;
      if (!values.follow || stopped) return 0;
      await new Promise((r) => setTimeout(r, FOLLOW_POLL_MS));
      if (stopped) return 0;
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
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
