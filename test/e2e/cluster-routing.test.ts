// Calls route between servers (issue 14, docs/design/0007-cluster.md §4.2): two real servers on
// one throwaway PostgreSQL, a real agent attached to server A; requests to server B for it go to
// A over the authenticated /peer channel, keeping timeouts, cancellation and rate limits, and a
// peer that cannot prove the cluster credential, or sends garbage, loses only its own socket.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { newNonce, proofOf } from '../../src/fleet/cluster/peer-protocol.js';
import { openStore } from '../../src/store/open.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { cliEnv } from '../support/cli.js';
import { SERVER_BIN, startClusterServer, type TestServer } from '../support/server.js';
import { spawn } from 'node:child_process';
import { waitFor } from '../support/wait.js';

after(killAll);

interface Reply {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  signal?: AbortSignal,
): Promise<Reply> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({ query, variables }),
    signal: signal ?? null,
  });
  return (await response.json()) as Reply;
}

const RUN = `mutation Run($id: ID!, $cmd: String!, $timeout: Int) {
  runCommand(clientId: $id, cmd: $cmd, timeout: $timeout) { stdout returncode timedOut }
}`;
const HELD = `query Held($id: ID!) { client(id: $id) { online heldBy } }`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A raw peer socket to `server`'s /peer: the close code it ends with, once it ends. */
function rawPeer(server: TestServer) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.httpPort}/peer`);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  const challenge = new Promise<{ server: string; nonce: string }>((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()) as never)),
  );
  return { ws, closed, challenge };
}

describe('calls route between two servers on one PostgreSQL', () => {
  let postgres: PostgresServer;
  let databaseUrl: string;
  let a: TestServer;
  let b: TestServer;
  let agent: TestAgent;
  let work: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'etph-routing-'));
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('etphonehome');
    a = await startClusterServer(databaseUrl, 'route-a');
    b = await startClusterServer(databaseUrl, 'route-b');
    agent = await createAgent(a);
    await agent.start();
    await agent.waitOnline(a);
    // B learns who holds the client at its next reading of the holds.
    await waitFor(
      async () =>
        (await gql(b, HELD, { id: agent.uuid })).data?.['client'] !== undefined &&
        ((await gql(b, HELD, { id: agent.uuid })).data?.['client'] as { heldBy: string | null })
          .heldBy === 'route-a',
      { what: 'server B to see the client held by A', timeoutMs: 30_000 },
    );
  });
  after(async () => {
    await agent?.close();
    await b?.close();
    await a?.close();
    await postgres?.stop();
    await rm(work, { recursive: true, force: true });
  });

  test('rate limits count once: ENFORCE rpm 4, calls alternating through A and B, 4 run', async () => {
    const update = await gql(
      a,
      `mutation($id: ID!) { configureClient(id: $id, input: { rateLimitMode: ENFORCE, rateLimitRpm: 4 }) { uuid } }`,
      { id: agent.uuid },
    );
    assert.equal(update.errors, undefined, JSON.stringify(update.errors));
    try {
      const codes: string[] = [];
      for (let i = 0; i < 8; i++) {
        const reply = await gql(i % 2 === 0 ? a : b, RUN, { id: agent.uuid, cmd: 'true' });
        codes.push(reply.errors?.[0]?.extensions?.code ?? 'OK');
      }
      assert.deepEqual(codes, ['OK', 'OK', 'OK', 'OK', ...Array<string>(4).fill('RATE_LIMITED')]);
      // The refusals through B are recorded on B's side as they are on A's: one trail, 4 events.
      const events = await gql(
        b,
        `query($id: ID) { events(filter: { clientId: $id, events: ["client.rate_limited"] }, limit: 50) { type } }`,
        { id: agent.uuid },
      );
      assert.equal((events.data?.['events'] as unknown[]).length, 4, JSON.stringify(events));
    } finally {
      // The later tests run with no limit.
      const off = await gql(
        b,
        `mutation($id: ID!) { configureClient(id: $id, input: { rateLimitMode: OFF }) { uuid } }`,
        { id: agent.uuid },
      );
      assert.equal(off.errors, undefined, JSON.stringify(off.errors));
    }
  });

  test('runCommand through B reaches the agent held by A', async () => {
    const reply = await gql(b, RUN, { id: agent.uuid, cmd: 'echo routed' });
    assert.equal(reply.errors, undefined, JSON.stringify(reply.errors));
    assert.equal((reply.data?.['runCommand'] as { stdout: string }).stdout.trim(), 'routed');
  });

  test('a timeout through B keeps its value: the command is stopped at 2 s on the agent', async () => {
    const pids = join(work, 'timeout-pids');
    const reply = await gql(b, RUN, {
      id: agent.uuid,
      cmd: `echo $$ > ${pids}; sleep 300 & echo $! >> ${pids}; wait`,
      timeout: 2,
    });
    const run = reply.data?.['runCommand'] as { timedOut: boolean; returncode: number };
    assert.equal(run.timedOut, true, JSON.stringify(reply));
    assert.equal(run.returncode, 124);
    const [shell, child] = (await readFile(pids, 'utf8')).trim().split('\n').map(Number);
    assert.ok(shell && child);
    await waitFor(() => !isAlive(shell) && !isAlive(child), { what: 'the command to die' });
  });

  test('a long command abandoned on B is killed on the agent', async () => {
    const pidFile = join(work, 'abandoned-pid');
    const controller = new AbortController();
    const pending = gql(
      b,
      RUN,
      { id: agent.uuid, cmd: `echo $$ > ${pidFile}; exec sleep 300`, timeout: 600 },
      controller.signal,
    ).catch((error: unknown) => error);
    const pid = await waitFor(
      async () => Number((await readFile(pidFile, 'utf8').catch(() => '')).trim()) || null,
      { what: 'the command to start' },
    );
    assert.ok(isAlive(pid));
    controller.abort();
    await pending;
    await waitFor(() => !isAlive(pid), { what: 'the abandoned command to be killed' });
  });

  test('a shell through B runs on the agent A holds: bytes both ways, end of input, exit status', async () => {
    // `etphonehome shell` against B, stdin from a pipe: it reaches the agent through A.
    const shell = (args: string[], input: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [SERVER_BIN, 'shell', agent.uuid, ...args], {
          env: cliEnv(b),
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    const echoed = await shell(['--', 'cat; echo after-eof; exit 3'], 'routed-line\n'.repeat(2000));
    assert.equal(echoed.code, 3, echoed.stderr);
    assert.equal(echoed.stdout, `${'routed-line\n'.repeat(2000)}after-eof\n`);
    const listed = await gql(b, `query { sessions { id exitStatus } }`);
    assert.ok(
      (listed.data?.['sessions'] as { exitStatus: number | null }[] | undefined)?.some(
        (s) => s.exitStatus === 3,
      ),
      JSON.stringify(listed),
    );
  });

  test('a peer without the credential, or with a wrong HMAC, is refused; A keeps serving', async () => {
    const noHello = rawPeer(a);
    await noHello.challenge;
    noHello.ws.send(JSON.stringify({ t: 'call', id: 1, uuid: agent.uuid, method: 'run_command' }));
    assert.equal(await noHello.closed, 4401);

    const wrong = rawPeer(a);
    const { nonce: holderNonce } = await wrong.challenge;
    const own = newNonce();
    const proof = proofOf('not-the-credential', 'entry', {
      ownNonce: own,
      otherNonce: holderNonce,
      own: 'intruder',
      other: 'route-a',
    });
    wrong.ws.send(JSON.stringify({ t: 'hello', server: 'intruder', nonce: own, proof }));
    assert.equal(await wrong.closed, 4401);
    assert.ok(
      [...a.process.stdout, ...a.process.stderr].some((l) =>
        l.includes('peer channel refused: wrong proof from \\"intruder\\"'),
      ),
      [...a.process.stdout, ...a.process.stderr].filter((l) => l.includes('peer')).join('\n'),
    );
    const reply = await gql(b, RUN, { id: agent.uuid, cmd: 'echo still' });
    assert.equal((reply.data?.['runCommand'] as { stdout: string }).stdout.trim(), 'still');
  });

  test('a malformed or oversized frame closes only that socket', async () => {
    const store = await openStore({ file: '', databaseUrl });
    let credential: string;
    try {
      credential = await store.cluster.secret('peer_credential', 'not-stored', new Date());
    } finally {
      await store.close();
    }
    assert.match(credential, /^[0-9a-f]{64}$/);
    const authenticated = async () => {
      const peer = rawPeer(a);
      const { nonce: holderNonce } = await peer.challenge;
      const own = newNonce();
      const proof = proofOf(credential, 'entry', {
        ownNonce: own,
        otherNonce: holderNonce,
        own: 'tester',
        other: 'route-a',
      });
      const welcome = new Promise((resolve) => peer.ws.once('message', resolve));
      peer.ws.send(JSON.stringify({ t: 'hello', server: 'tester', nonce: own, proof }));
      await welcome;
      return peer;
    };
    const malformed = await authenticated();
    malformed.ws.send('{"t":"launch-missiles"}');
    assert.equal(await malformed.closed, 4400);
    const oversized = await authenticated();
    oversized.ws.send(Buffer.alloc(17 * 1024 * 1024, 0x20).toString());
    // 1009 when the close frame arrives; 1006 when the server's reset beats it to the sender,
    // which is still writing its 17 MiB. Either way only this socket ended.
    const code = await oversized.closed;
    assert.ok(code === 1009 || code === 1006, `closed with ${code}`);
    // B's own channel to A, and A itself, are untouched.
    const reply = await gql(b, RUN, { id: agent.uuid, cmd: 'echo intact' });
    assert.equal((reply.data?.['runCommand'] as { stdout: string }).stdout.trim(), 'intact');
  });

  test('a holder gone: calls through B fail AGENT_UNAVAILABLE naming it; back once it is', async () => {
    await a.stop('SIGKILL');
    // Within the 15 s lease B still routes to A, and says what is wrong.
    const reply = await gql(b, RUN, { id: agent.uuid, cmd: 'true' });
    assert.equal(reply.errors?.[0]?.extensions?.code, 'AGENT_UNAVAILABLE', JSON.stringify(reply));
    assert.match(
      reply.errors?.[0]?.message ?? '',
      /server route-a holds the client and is unreachable at http:\/\/127\.0\.0\.1:\d+/,
    );
    await a.restart();
    await agent.waitOnline(a);
    // The pool reconnects after its backoff: a call through B reaches the agent again.
    await waitFor(
      async () =>
        (
          (await gql(b, RUN, { id: agent.uuid, cmd: 'echo back' })).data?.['runCommand'] as {
            stdout: string;
          } | null
        )?.stdout.trim() === 'back',
      { what: 'a call through B to reach the agent again', timeoutMs: 90_000 },
    );
  });

  test('decommission through B closes the agent link on A', async () => {
    const reply = await gql(
      b,
      `mutation($id: ID!) { decommissionClient(id: $id, stopService: false) { __typename } }`,
      { id: agent.uuid },
    );
    assert.equal(reply.errors, undefined, JSON.stringify(reply.errors));
    await waitFor(
      async () =>
        (
          (await gql(a, HELD, { id: agent.uuid })).data?.['client'] as {
            online: boolean;
          } | null
        )?.online === false,
      { what: 'the agent link on A to close' },
    );
  });
});
