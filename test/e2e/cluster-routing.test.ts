// Calls route between servers (issue 14, docs/design/0007-cluster.md §4.2): two real servers on
// one throwaway PostgreSQL, a real agent attached to server A; requests to server B for it go to
// A over the authenticated /peer channel, keeping timeouts, cancellation and rate limits; shells
// and file transfers (GraphQL and the /stream door) cross too, an agent's refusal arriving as it
// does on A and an abandoned transfer closing the agent's side; and a peer that cannot prove the
// cluster credential, or sends garbage, loses only its own socket.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { newNonce, proofOf } from '../../src/fleet/cluster/peer-protocol.js';
import { openStore } from '../../src/store/open.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { cliEnv, runCli } from '../support/cli.js';
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
const UPLOAD = `mutation Up($id: ID!, $local: String!, $remote: String!) {
  uploadFile(clientId: $id, localPath: $local, remotePath: $remote, createParents: true) {
    state sha256 bytesDone
  }
}`;
const DOWNLOAD = `mutation Down($id: ID!, $remote: String!, $local: String!) {
  downloadFile(clientId: $id, remotePath: $remote, localPath: $local) { state sha256 }
}`;
const MiB = 1024 * 1024;

/** Writes `size` bytes (a random MiB repeated, each copy numbered) and returns their SHA-256. */
async function writeRandom(file: string, size: number): Promise<string> {
  const block = randomBytes(MiB);
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  try {
    for (let written = 0, n = 0; written < size; n++) {
      block.writeUInt32BE(n, 0);
      const piece = block.subarray(0, Math.min(block.length, size - written));
      hash.update(piece);
      await handle.write(piece);
      written += piece.length;
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Whether process `pid` has `file` open (its descriptors, from /proc). */
async function opens(pid: number, file: string): Promise<boolean> {
  const fds = await readdir(`/proc/${pid}/fd`).catch(() => []);
  const targets = await Promise.all(
    fds.map((fd) => readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')),
  );
  return targets.includes(file);
}

/** A `/stream` socket to `server` (files get/put's door), its messages read one by one. */
function streamSocket(server: TestServer) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.httpPort}/stream`, {
    headers: { authorization: `Bearer ${server.apiKey}` },
  });
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    opened,
    next: () =>
      new Promise<Buffer>((resolve) => ws.once('message', (data) => resolve(data as Buffer))),
  };
}

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

  test('a call through B holds its permit on A while it runs; a WARN breach through B is recorded, and the call runs', async () => {
    const configure = async (input: string): Promise<void> => {
      const reply = await gql(
        a,
        `mutation($id: ID!) { configureClient(id: $id, input: { ${input} }) { uuid } }`,
        { id: agent.uuid },
      );
      assert.equal(reply.errors, undefined, JSON.stringify(reply.errors));
    };
    const concurrentOnA = async (): Promise<number> =>
      (
        (
          await gql(a, `query($id: ID!) { rateLimitStats(id: $id) { currentConcurrent } }`, {
            id: agent.uuid,
          })
        ).data?.['rateLimitStats'] as { currentConcurrent: number }
      ).currentConcurrent;
    const warnings = async (): Promise<{ enforced: boolean; limit: string }[]> =>
      (
        (
          await gql(
            b,
            `query($id: ID) { events(filter: { clientId: $id, events: ["client.rate_limited"] }, limit: 50) { data } }`,
            { id: agent.uuid },
          )
        ).data?.['events'] as { data: { enforced: boolean; limit: string } }[]
      ).map((event) => event.data);
    await configure('rateLimitMode: ENFORCE, rateLimitConcurrent: 1, rateLimitRpm: 1000');
    try {
      const slow = gql(b, RUN, { id: agent.uuid, cmd: 'sleep 2' });
      await waitFor(async () => (await concurrentOnA()) === 1, {
        what: 'A to count the call through B as in flight',
      });
      const second = await gql(a, RUN, { id: agent.uuid, cmd: 'true' });
      assert.equal(second.errors?.[0]?.extensions?.code, 'RATE_LIMITED');
      assert.equal((await slow).errors, undefined);
      assert.equal(await concurrentOnA(), 0);

      await configure('rateLimitMode: WARN');
      const before = (await warnings()).filter((w) => !w.enforced).length;
      const held = gql(a, RUN, { id: agent.uuid, cmd: 'sleep 2' });
      await waitFor(async () => (await concurrentOnA()) === 1, { what: 'the call through A' });
      const over = await gql(b, RUN, { id: agent.uuid, cmd: 'echo over' });
      assert.equal(over.errors, undefined, JSON.stringify(over.errors));
      assert.equal((over.data?.['runCommand'] as { stdout: string }).stdout.trim(), 'over');
      const after = (await warnings()).filter((w) => !w.enforced);
      assert.equal(after.length, before + 1, JSON.stringify(after));
      assert.ok(
        after.every((w) => w.limit === 'concurrent'),
        JSON.stringify(after),
      );
      assert.equal((await held).errors, undefined);
    } finally {
      await configure('rateLimitMode: OFF');
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

  test('uploadFile and downloadFile through B move 24 MiB to and from the agent A holds', async () => {
    const remote = join(work, 'remote');
    const root = join(b.dataDir, 'transfers');
    await mkdir(root, { recursive: true });
    // Bigger than every buffer on the way, so backpressure is what paces it.
    const content = await writeRandom(join(root, 'up.bin'), 24 * MiB + 11);
    const up = await gql(b, UPLOAD, {
      id: agent.uuid,
      local: 'up.bin',
      remote: join(remote, 'up.bin'),
    });
    assert.equal(up.errors, undefined, JSON.stringify(up.errors));
    assert.deepEqual(up.data?.['uploadFile'], {
      state: 'COMPLETED',
      sha256: content,
      bytesDone: 24 * MiB + 11,
    });
    assert.equal(await sha256Of(join(remote, 'up.bin')), content);

    const down = await gql(b, DOWNLOAD, {
      id: agent.uuid,
      remote: join(remote, 'up.bin'),
      local: 'down.bin',
    });
    assert.equal(down.errors, undefined, JSON.stringify(down.errors));
    assert.equal((down.data?.['downloadFile'] as { sha256: string }).sha256, content);
    assert.equal(await sha256Of(join(root, 'down.bin')), content);
  });

  test('files put and get <client>:<path> through B (the /stream door) reach the agent A holds', async () => {
    const mine = join(work, 'operator');
    await mkdir(mine, { recursive: true });
    const content = await writeRandom(join(mine, 'put.bin'), 6 * MiB + 5);
    const cli = async (args: string[]) => {
      const result = await runCli(b, ['files', ...args, '--json']);
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout) as { state: string; sha256: string };
    };
    const target = join(work, 'remote', 'cli', 'put.bin');
    const put = await cli([
      'put',
      join(mine, 'put.bin'),
      `${agent.uuid}:${target}`,
      '--create-parents',
    ]);
    assert.equal(put.sha256, content);
    assert.equal(await sha256Of(target), content);
    const got = await cli(['get', `${agent.uuid}:${target}`, join(mine, 'got.bin')]);
    assert.equal(got.sha256, content);
    assert.equal(await sha256Of(join(mine, 'got.bin')), content);
  });

  test('a path the agent refuses through B fails as on A: same code and message, nothing written', async () => {
    const jail = join(work, 'jail');
    const outside = join(work, 'outside');
    await mkdir(jail, { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await symlink(outside, join(jail, 'escape'));
    const jailed = await gql(
      a,
      `mutation($id: ID!, $paths: [String!]) { updateClient(id: $id, input: { allowedPaths: $paths }) { uuid } }`,
      { id: agent.uuid, paths: [jail] },
    );
    assert.equal(jailed.errors, undefined, JSON.stringify(jailed.errors));
    try {
      // Lexically inside the jail: only the agent, resolving the link, can refuse it.
      const secret = join(jail, 'escape', 'secret.txt');
      const viaA = await gql(a, DOWNLOAD, { id: agent.uuid, remote: secret, local: 'secret.txt' });
      const viaB = await gql(b, DOWNLOAD, { id: agent.uuid, remote: secret, local: 'secret.txt' });
      assert.equal(viaA.errors?.[0]?.extensions?.code, 'PATH_DENIED', JSON.stringify(viaA));
      assert.equal(viaB.errors?.[0]?.extensions?.code, 'PATH_DENIED', JSON.stringify(viaB));
      assert.equal(viaB.errors?.[0]?.message, viaA.errors?.[0]?.message);
      assert.deepEqual(
        (await readdir(join(b.dataDir, 'transfers'))).filter((name) => name.includes('secret')),
        [],
      );
      const planted = join(jail, 'escape', 'planted.bin');
      for (const server of [a, b]) {
        await mkdir(join(server.dataDir, 'transfers'), { recursive: true });
        await writeFile(join(server.dataDir, 'transfers', 'small.bin'), 'small');
      }
      const upA = await gql(a, UPLOAD, { id: agent.uuid, local: 'small.bin', remote: planted });
      const upB = await gql(b, UPLOAD, { id: agent.uuid, local: 'small.bin', remote: planted });
      assert.equal(upA.errors?.[0]?.extensions?.code, 'PATH_DENIED', JSON.stringify(upA));
      assert.equal(upB.errors?.[0]?.extensions?.code, 'PATH_DENIED', JSON.stringify(upB));
      assert.equal(upB.errors?.[0]?.message, upA.errors?.[0]?.message);
      assert.deepEqual(await readdir(outside), ['secret.txt']);
    } finally {
      const freed = await gql(
        a,
        `mutation($id: ID!) { updateClient(id: $id, input: { allowedPaths: null }) { uuid } }`,
        { id: agent.uuid },
      );
      assert.equal(freed.errors, undefined, JSON.stringify(freed.errors));
    }
  });

  test("transfers abandoned midway through B close the agent's file; A keeps no permit", async () => {
    const agentPid = agent.process?.child.pid;
    assert.ok(agentPid);
    await mkdir(join(work, 'remote'), { recursive: true });
    const big = join(work, 'remote', 'abandoned.bin');
    // Far more than the sockets and windows on the way can hold: the agent is still reading.
    await writeRandom(big, 128 * MiB);
    const download = streamSocket(b);
    await download.opened;
    download.ws.send(JSON.stringify({ op: 'get', client: agent.uuid, path: big, offset: 0 }));
    const reply = JSON.parse((await download.next()).toString()) as { ok: boolean };
    assert.equal(reply.ok, true, JSON.stringify(reply));
    download.ws.pause(); // the operator stops reading: everything behind it fills up
    await waitFor(() => opens(agentPid, big), { what: 'the agent to be reading the file' });
    download.ws.terminate();
    await waitFor(async () => !(await opens(agentPid, big)), {
      what: "the agent's file to close once the operator left",
    });

    const partial = join(work, 'remote', '.abandoned-up.bin.etph-partial');
    const upload = streamSocket(b);
    await upload.opened;
    upload.ws.send(
      JSON.stringify({
        op: 'put',
        client: agent.uuid,
        path: join(work, 'remote', 'abandoned-up.bin'),
        size: 64 * MiB,
      }),
    );
    const ready = JSON.parse((await upload.next()).toString()) as { ok: boolean };
    assert.equal(ready.ok, true, JSON.stringify(ready));
    upload.ws.send(JSON.stringify({ start: 0 }));
    upload.ws.send(randomBytes(MiB));
    await waitFor(() => opens(agentPid, partial), { what: 'the agent to be writing' });
    upload.ws.terminate();
    await waitFor(async () => !(await opens(agentPid, partial)), {
      what: "the agent's partial file to close once the operator left",
    });

    // Both are failed on B, and the permits they held on A are back.
    await waitFor(
      async () => {
        const listed = (await gql(b, `query { transfers { remotePath state } }`)).data?.[
          'transfers'
        ] as { remotePath: string; state: string }[];
        return (
          listed.filter((t) => t.remotePath.includes('abandoned') && t.state === 'FAILED')
            .length === 2
        );
      },
      { what: 'B to record both transfers failed' },
    );
    const stats = await gql(
      a,
      `query($id: ID!) { rateLimitStats(id: $id) { currentConcurrent } }`,
      {
        id: agent.uuid,
      },
    );
    assert.deepEqual(stats.data?.['rateLimitStats'], { currentConcurrent: 0 });
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
    // A transfer request whose params are not the method's: answered with an error naming
    // what is wrong, nothing sent to the agent; a method that is not a transfer: closed.
    const badParams = await authenticated();
    const answer = new Promise<string>((resolve) =>
      badParams.ws.once('message', (data) => resolve(data.toString())),
    );
    badParams.ws.send(
      JSON.stringify({
        t: 'transfer',
        id: 7,
        uuid: agent.uuid,
        method: 'download_file',
        params: { path: 42 },
      }),
    );
    const refused = JSON.parse(await answer) as {
      t: string;
      id: number;
      kind: string;
      message: string;
    };
    assert.deepEqual([refused.t, refused.id, refused.kind], ['error', 7, 'protocol']);
    assert.match(refused.message, /^malformed download_file request \(.*path/);
    badParams.ws.send(
      JSON.stringify({ t: 'transfer', id: 8, uuid: agent.uuid, method: 'run_command', params: {} }),
    );
    assert.equal(await badParams.closed, 4400);
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
