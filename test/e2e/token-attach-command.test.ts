// `etphonehome token create` prints the whole attach command, as the first-start banner does
// (issue 17 item 17): the server's SSH port and host-key fingerprint come from the additive
// serverInfo query.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cliJson, runCli } from '../support/cli.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';

after(killAll);

interface ServerInfo {
  sshHost: string;
  sshPort: number;
  hostKeyFingerprint: string;
  openEnrollment: boolean;
  version: string;
}

describe('the attach command', () => {
  let server: TestServer;
  let info: ServerInfo;

  before(async () => {
    server = await startServer();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        query: '{ serverInfo { sshHost sshPort hostKeyFingerprint openEnrollment version } }',
      }),
    });
    info = ((await response.json()) as { data: { serverInfo: ServerInfo } }).data.serverInfo;
  });
  after(() => server?.close());

  test('serverInfo gives the SSH port and host-key fingerprint', () => {
    assert.equal(info.sshPort, server.sshPort);
    assert.match(info.hostKeyFingerprint, /^SHA256:[A-Za-z0-9+/]{43}$/);
    assert.equal(info.openEnrollment, false);
  });

  test('token create prints phonehome --init with port, fingerprint and token', async () => {
    const created = await runCli(server, ['token', 'create', '--name', 'attach-test']);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.ok(
      created.stderr.includes(
        `phonehome --init -s 127.0.0.1 -p ${server.sshPort} --server-fingerprint ${info.hostKeyFingerprint} --enroll ${token}`,
      ),
      created.stderr,
    );

    const json = await cliJson<{ token: string; attachCommand: string }>(server, [
      'token',
      'create',
      '--name',
      'attach-json',
    ]);
    assert.equal(
      json.attachCommand,
      `phonehome --init -s 127.0.0.1 -p ${server.sshPort} --server-fingerprint ${info.hostKeyFingerprint} --enroll ${json.token}`,
    );
  });
});
