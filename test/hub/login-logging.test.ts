// Issue 17 item 9: a malformed login username — a pasted enrollment token with a trailing space,
// or a token without the UUID — must not write the token into the server's log. The log keeps
// what identifies the attempt: the UUID part, the token's first characters, lengths, the problem.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import ssh2 from '../../src/lib/ssh2.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';
import { startAgent, startHub, type InProcessHub } from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

const hubs: InProcessHub[] = [];
after(async () => {
  for (const hub of hubs) await hub.close();
});

const token = (): string => `etph_${randomBytes(32).toString('base64url')}`;
/** The part of a token that must never be logged: everything after its first 11 characters. */
const secretOf = (value: string): string => value.slice(11);

function login(port: number, username: string): Promise<void> {
  return new Promise((resolve) => {
    const client = new ssh2.Client();
    client.on('error', () => undefined);
    client.once('close', () => resolve());
    client.connect({
      host: '127.0.0.1',
      port,
      username,
      privateKey: generateEd25519KeyPair().private,
      hostVerifier: () => true,
    });
  });
}

test('a token with a trailing space (from a real agent tunnel) is not logged; what identifies the attempt is', async () => {
  const hub = await startHub();
  hubs.push(hub);
  const pasted = token();
  const agent = startAgent(hub.port, { enrollmentToken: `${pasted} ` });
  try {
    await waitFor(() => hub.log.find('login refused: not an agent login').length > 0, {
      what: 'the refusal',
    });
  } finally {
    await agent.stop();
  }
  const [line] = hub.log.find('login refused: not an agent login');
  assert.equal(line?.['uuid'], agent.uuid);
  assert.equal(line?.['tokenPrefix'], pasted.slice(0, 11));
  assert.equal(line?.['tokenLength'], pasted.length + 1);
  assert.match(String(line?.['problem']), /whitespace/);
  assert.equal(line?.['username'], undefined);
  for (const raw of hub.log.raw) assert.ok(!raw.includes(secretOf(pasted)), raw);
});

test('a token without the UUID, and a UUID with a broken token, are not logged either', async () => {
  const hub = await startHub();
  hubs.push(hub);
  const alone = token();
  const broken = token();
  await login(hub.port, alone);
  await login(
    hub.port,
    `0f8fad5b-d9cb-469f-a165-70867728950e+${broken.slice(0, 20)}!${broken.slice(20)}`,
  );
  const lines = hub.log.find('login refused: not an agent login');
  assert.equal(lines.length, 2);
  assert.match(String(lines[0]?.['problem']), /enrollment token without the UUID/);
  assert.equal(lines[0]?.['usernameLength'], alone.length);
  assert.match(String(lines[1]?.['problem']), /"!"/);
  for (const raw of hub.log.raw) {
    assert.ok(!raw.includes(secretOf(alone)), raw);
    assert.ok(!raw.includes(secretOf(broken)), raw);
    assert.ok(
      !raw.includes(alone.slice(0, 11)),
      'a token where the UUID goes is not even prefixed',
    );
  }
});
