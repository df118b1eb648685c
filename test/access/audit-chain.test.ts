// The tamper-evident trail: events recorded through the fleet carry chained hashes and their
// principal; `audit verify` finds the chain intact, then names the first broken link after a
// one-byte change, a deleted row and a reordered row (exit status 1). ETPHONEHOME_AUDIT_LOG
// receives every event as a JSON line.

import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sqlite3 from 'sqlite3';
import { auditCommand } from '../../src/audit-command.js';
import { dispatch } from '../../src/cli/dispatch.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

let server: InProcessServer;
let logFile: string;
let client: { uuid: string; clientId: string };

before(async () => {
  logFile = join(process.env['TMPDIR'] ?? '/tmp', `etph-audit-${process.pid}.jsonl`);
  server = await startInProcessServer({ ETPHONEHOME_AUDIT_LOG: logFile });
  client = await server.addClient(1, ['web']);
  const { secret } = await server.createKey({ name: 'auditor', role: 'ADMIN' });
  for (let i = 0; i < 6; i++) {
    const reply = await server.http(
      secret,
      `mutation { updateClient(id: "${client.clientId}", input: {purpose: "p${i}"}) { purpose } }`,
    );
    assert.deepEqual(reply.errors, undefined);
  }
});
after(async () => {
  await server.close();
  await rm(logFile, { force: true });
});

async function verify(): Promise<{ status: number | null; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await dispatch(auditCommand, ['verify', '--data-dir', server.dataDir], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
  });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function sql(statement: string): Promise<void> {
  const db = new sqlite3.Database(join(server.dataDir, 'etphonehome.db'));
  return new Promise((resolve, reject) =>
    db.exec(statement, (error) => db.close(() => (error ? reject(error) : resolve()))),
  );
}

test('every event names its principal, is filterable by it, and reaches the audit log', async () => {
  const reply = await server.http(
    server.apiKey,
    '{ events(filter: {actor: "auditor"}, limit: 100) { event principal { keyName keyId } hash data } }',
  );
  const events = (
    reply.data as { events: { principal: { keyName: string } | null; hash: string }[] }
  ).events;
  assert.equal(events.length, 6);
  for (const event of events) {
    assert.equal(event.principal?.keyName, 'auditor');
    assert.match(event.hash, /^[0-9a-f]{64}$/);
  }
  const lines = (await readFile(logFile, 'utf8'))
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: number; principal: { keyName: string } | null });
  const ids = lines.map((l) => l.id);
  assert.deepEqual(
    ids,
    [...ids].sort((a, b) => a - b),
  );
  assert.equal(lines.filter((l) => l.principal?.keyName === 'auditor').length, 6);
});

test('audit verify: intact, then a one-byte change, a deleted row and a reordered row are caught', async () => {
  const intact = await verify();
  assert.equal(intact.status, 0, intact.err);
  assert.match(intact.out, /Audit chain intact/);

  // One byte of one event's data.
  await sql(`update event set data = replace(data, '"p2"', '"q2"') where data like '%"p2"%'`);
  const changed = await verify();
  assert.equal(changed.status, 1);
  assert.match(changed.err, /broken at event \d+/);
  await sql(`update event set data = replace(data, '"q2"', '"p2"') where data like '%"q2"%'`);
  assert.equal((await verify()).status, 0);

  // Two rows swapped (their contents trade ids).
  await sql(`create table swap as select * from event where data like '%"p3"%' or data like '%"p4"%';
    update event set data = (select data from swap s where s.id <> event.id), hash = (select hash from swap s where s.id <> event.id)
      where id in (select id from swap); drop table swap;`);
  const reordered = await verify();
  assert.equal(reordered.status, 1);
  assert.match(reordered.err, /broken at event/);
  await sql(`create table swap as select * from event where data like '%"p3"%' or data like '%"p4"%';
    update event set data = (select data from swap s where s.id <> event.id), hash = (select hash from swap s where s.id <> event.id)
      where id in (select id from swap); drop table swap;`);
  assert.equal((await verify()).status, 0);

  // A row deleted from the middle.
  await sql(`delete from event where data like '%"p1"%'`);
  const deleted = await verify();
  assert.equal(deleted.status, 1);
  assert.match(deleted.err, /deleted or moved/);
});
