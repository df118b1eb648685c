// A hostile agent's words reach the operator's terminal inert (issue 17 item 5): its hostname,
// display name, purpose and file names carry a clipboard write (OSC 52), a screen clear and a
// forged line; `clients list/describe`, `events`, `watch` and `files ls` show the controls as
// visible text and never send them to the terminal, and --json keeps the data exact.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli, spawnCli, type CliResult } from '../support/cli.js';
import { connectHostile, helloReply, type HostileAgent } from '../support/hostile-agent.js';
import { killAll } from '../support/processes.js';
import { startServer, type TestServer } from '../support/server.js';
import { ClientDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const CLIPBOARD = '\u001b]52;c;cm0gLXJmIH4K\u0007';
const CLEAR = '\u001b[2J\u001b[H';
const FORGED = '\r\n2026-01-01T00:00:00Z  client.connected  trusted-host';
const HOSTILE_NAME = `evil${CLIPBOARD}${CLEAR}${FORGED}`;
const HOSTILE_FILE = `notes${CLEAR}\u009b31m\u202Etxt.exe`;

/** Nothing in the output a terminal would act on: no ESC, BEL, CR, C1 or bidi override. */
function assertInert(result: { stdout: string; stderr: string }, what: string): void {
  for (const [stream, text] of [
    ['stdout', result.stdout],
    ['stderr', result.stderr],
  ] as const) {
    // eslint-disable-next-line no-control-regex
    const raw = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.exec(text);
    assert.equal(raw, null, `${what}: ${stream} holds a raw control character: ${text}`);
  }
}

function ok(result: CliResult, what: string): CliResult {
  assert.equal(result.code, 0, `${what} exited ${result.code}: ${result.stderr}`);
  return result;
}

describe('a hostile agent reporting escape-laden facts', () => {
  let server: TestServer;
  let hostile: HostileAgent;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    hostile = connectHostile(server, {
      polite: false,
      onCall(channel, request) {
        if (request.method === 'hello') {
          const reply = JSON.parse(helloReply(request.id, hostile.uuid)) as {
            result: Record<string, unknown>;
          };
          reply.result['hostname'] = HOSTILE_NAME;
          reply.result['suggested'] = { displayName: HOSTILE_NAME, purpose: `db ${CLEAR}` };
          return void channel.end(JSON.stringify(reply) + '\n');
        }
        if (request.method === 'heartbeat')
          return void channel.end(
            JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { time: 0, uptimeS: 1 } }) +
              '\n',
          );
        if (request.method === 'list_files')
          return void channel.end(
            JSON.stringify({
              jsonrpc: '2.0',
              id: request.id,
              result: {
                path: '/tmp',
                truncated: false,
                entries: [{ name: HOSTILE_FILE, type: 'file', size: 1, mtimeMs: 0, mode: 0o644 }],
              },
            }) + '\n',
          );
      },
    });
    await hostile.ready;
    await waitFor(
      async () =>
        (await server.gql.request(ClientDocument, { id: hostile.uuid })).client?.online === true,
      { what: 'the hostile agent online' },
    );
  });
  after(async () => {
    hostile?.end();
    await server?.close();
  });

  test('clients list and describe show the controls as text', async () => {
    const list = ok(await runCli(server, ['clients', 'list']), 'clients list');
    assertInert(list, 'clients list');
    assert.match(list.stdout, /evil\^\[\]52;c;cm0gLXJmIH4K\^G\^\[\[2J/);
    const describe = ok(
      await runCli(server, ['clients', 'describe', hostile.uuid]),
      'clients describe',
    );
    assertInert(describe, 'clients describe');
    assert.match(describe.stdout, /\^M\^J2026-01-01T00:00:00Z/, 'the forged line stays on ours');
    assert.match(describe.stdout, /db \^\[\[2J/);
  });

  test('--json keeps the exact data, escaped', async () => {
    const json = ok(
      await runCli(server, ['clients', 'describe', hostile.uuid, '--json']),
      'describe --json',
    );
    assertInert(json, 'describe --json');
    const parsed = JSON.parse(json.stdout) as { displayName: string };
    assert.equal(parsed.displayName, HOSTILE_NAME);
  });

  test('events and files ls show the controls as text', async () => {
    const events = ok(await runCli(server, ['events', '--client', hostile.uuid]), 'events');
    assertInert(events, 'events');
    assert.match(events.stdout, /client\.connected/);

    const ls = ok(await runCli(server, ['files', 'ls', hostile.uuid, '/tmp']), 'files ls');
    assertInert(ls, 'files ls');
    assert.match(ls.stdout, /notes\^\[\[2J\^\[\[H<U\+009B>31m<U\+202E>txt\.exe/);
    const lsJson = ok(
      await runCli(server, ['files', 'ls', hostile.uuid, '/tmp', '--json']),
      'files ls --json',
    );
    assertInert(lsJson, 'files ls --json');
    assert.match(lsJson.stdout, /\\u009b31m\\u202e/);
  });

  test('watch prints the hostile client events inert', async () => {
    const watch = spawnCli(server, ['watch']);
    await watch.waitForLine((l) => l.includes('Watching fleet events'));
    // A second session of the same agent makes live events naming it.
    hostile.end();
    await watch.waitForLine((l) => l.includes('client.disconnected'));
    await watch.kill('SIGINT');
    await watch.exited;
    assertInert({ stdout: watch.stdout.join('\n'), stderr: watch.stderr.join('\n') }, 'watch');
    assert.ok(watch.stdout.some((l) => l.includes('client.disconnected') && l.includes('evil^[')));
  });
});
