// `etphonehome keys create|list|revoke` against a real server (in process): the secret printed
// once works as a bearer key with the role asked; list shows it; revoke stops it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { keysCommand } from '../../src/cli/commands/keys/index.js';
import { dispatch } from '../../src/cli/dispatch.js';
import type { CommandIO } from '../../src/cli/output.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

let server: InProcessServer;
before(async () => {
  server = await startInProcessServer();
});
after(async () => server.close());

async function keys(argv: string[], apiKey = server.apiKey) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { ETPHONEHOME_URL: server.url.replace(/\/graphql$/, ''), ETPHONEHOME_API_KEY: apiKey },
  };
  const status = await dispatch(keysCommand, argv, io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

test('create prints the secret once; it works with its role; list shows it; revoke stops it', async () => {
  const created = await keys([
    'create',
    '--name',
    'dashboard',
    '--role',
    'viewer',
    '--tags',
    'web',
  ]);
  assert.equal(created.status, 0);
  const secret = created.out.trim();
  assert.match(secret, /^etpk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  assert.match(created.err, /VIEWER, scope tags web/);

  const read = await server.http(secret, '{ viewer { name role scope { tags } } }');
  assert.deepEqual(read.data, {
    viewer: { name: 'dashboard', role: 'VIEWER', scope: { tags: ['web'] } },
  });
  const write = await server.http(secret, 'mutation { acceptKey(id: "x") { uuid } }');
  assert.equal(write.errors?.[0]?.extensions?.code, 'FORBIDDEN');

  const listed = await keys(['list', '--json']);
  const all = JSON.parse(listed.out) as { id: string; name: string; revoked: boolean }[];
  const mine = all.find((k) => k.name === 'dashboard');
  assert.ok(mine && !mine.revoked);
  assert.ok(!listed.out.includes(secret.slice(22)), 'the secret is never listed');

  const revoked = await keys(['revoke', mine.id]);
  assert.equal(revoked.status, 0);
  assert.match(revoked.out, /Revoked API key "dashboard"/);
  assert.equal((await server.http(secret, '{ viewer { name } }')).status, 401);
});

test('bad input is refused before anything is sent', async () => {
  await assert.rejects(
    keys(['create', '--name', 'x', '--role', 'root']),
    /--role takes VIEWER, OPERATOR, ADMIN/,
  );
  await assert.rejects(keys(['create', '--role', 'VIEWER']), /needs --name/);
  await assert.rejects(
    keys(['create', '--name', 'x', '--role', 'VIEWER', '--expires', 'soon']),
    /--expires/,
  );
  await assert.rejects(keys(['revoke']), /needs a key id/);
});
