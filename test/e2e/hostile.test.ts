// Bad input from the network: agents that authenticate and then misbehave, forged signatures,
// and API requests without the key. The server must answer clearly, stay up, keep its memory
// bounded, and keep serving the well-behaved agent beside them.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ParsedKey } from 'ssh2';
import ssh2 from '../../src/lib/ssh2.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { expectError } from '../support/errors.js';
import { connectHostile, newKey } from '../support/hostile-agent.js';
import { killAll, rssBytes } from '../support/processes.js';
import { startServer, wsClientFor, type TestServer } from '../support/server.js';
import { ClientDocument, RunCommandDocument } from '../support/operations.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const MiB = 1024 * 1024;

describe('hostile agents', () => {
  let server: TestServer;
  let good: TestAgent;
  let goodBefore: Awaited<ReturnType<typeof clientOf>>;
  const neverRegistered: string[] = [];

  const clientOf = async (uuid: string) =>
    (await server.gql.request(ClientDocument, { id: uuid })).client;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    good = await createAgent(server);
    await good.start();
    await good.waitOnline(server);
    goodBefore = await clientOf(good.uuid);
  });
  after(async () => {
    await good.close();
    await server.close();
  });

  async function stillServing(): Promise<void> {
    const health = await fetch(`${server.url}/health`).then(
      (r) => r.json() as Promise<{ status: string }>,
    );
    assert.equal(health.status, 'ok');
    const { runCommand } = await server.gql.request(RunCommandDocument, {
      clientId: good.uuid,
      cmd: 'echo alive',
    });
    assert.equal(runCommand.stdout, 'alive\n');
  }

  test('garbage on the transport after authentication drops only that connection', async () => {
    const hostile = connectHostile(server, { forward: false });
    await hostile.ready;
    hostile.socket.write(randomBytes(256 * 1024));
    await hostile.closed;
    await stillServing();
  });

  test('garbage instead of a JSON-RPC reply: the session is refused, then a bad reply fails only that call', async () => {
    const refused = connectHostile(server, {
      polite: false,
      onCall: (channel) => channel.end('this is not json\n'),
    });
    await refused.closed;
    neverRegistered.push(refused.uuid);
    assert.equal(
      (await server.gql.request(ClientDocument, { id: refused.uuid })).client,
      null,
      'never registered',
    );

    const liar = connectHostile(server, {
      onCall: (channel, request) => {
        channel.end(
          JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { stdout: 42 } }) + '\n',
        );
      },
    });
    await waitFor(
      async () => (await server.gql.request(ClientDocument, { id: liar.uuid })).client?.online,
      { what: 'liar online' },
    );
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: liar.uuid, cmd: 'true' }),
      'AGENT_UNAVAILABLE',
      /malformed/,
    );
    liar.end();
    await stillServing();
  });

  test('a 100 MB reply line neither crashes the server nor grows its memory without bound', async () => {
    const pid = server.process.child.pid as number;
    const rssBefore = await rssBytes(pid);
    const flooder = connectHostile(server, {
      onCall: (channel) => {
        const chunk = Buffer.alloc(MiB, 0x61);
        let sent = 0;
        const pump = (): void => {
          while (sent < 100 && channel.writable) {
            sent += 1;
            if (!channel.write(chunk)) return void channel.once('drain', pump);
          }
          channel.end('\n');
        };
        pump();
      },
    });
    await waitFor(
      async () => (await server.gql.request(ClientDocument, { id: flooder.uuid })).client?.online,
      { what: 'flooder online' },
    );
    await expectError(
      server.gql.request(RunCommandDocument, { clientId: flooder.uuid, cmd: 'true' }),
      'AGENT_UNAVAILABLE',
      /exceeds/,
    );
    const growth = (await rssBytes(pid)) - rssBefore;
    assert.ok(
      growth < 80 * MiB,
      `server RSS grew by ${Math.round(growth / MiB)} MiB for a 100 MB line`,
    );
    flooder.end();
    await stillServing();
  });

  test('hundreds of channels opened by an agent are refused and the agent is cut off', async () => {
    const pid = server.process.child.pid as number;
    const rssBefore = await rssBytes(pid);
    const opener = connectHostile(server);
    await opener.ready;
    let refused = 0;
    await Promise.all(
      Array.from(
        { length: 500 },
        (_, i) =>
          new Promise<void>((resolve) => {
            const done = (error: Error | undefined): void => {
              if (error) refused += 1;
              resolve();
            };
            if (i % 2 === 0) opener.client.exec('id', (error) => done(error));
            else opener.client.forwardOut('127.0.0.1', 1, '127.0.0.1', 22, (error) => done(error));
          }),
      ),
    );
    await opener.closed;
    assert.ok(refused > 0, 'channel opens are refused');
    assert.ok(
      server.process.stderr.some((l) => l.includes('keeps opening channels')),
      'and the agent disconnected',
    );
    const growth = (await rssBytes(pid)) - rssBefore;
    assert.ok(growth < 50 * MiB, `server RSS grew by ${Math.round(growth / MiB)} MiB`);
    await stillServing();
  });

  test('a pinned public key with a wrong signature is refused', async () => {
    // Mallory knows the good agent's public key (public keys are not secret) but not its
    // private key: she presents the public key and signs with her own.
    const { stdout } = await good.exec(['--show-key']);
    const victimPublic = ssh2.utils.parseKey(stdout.trim());
    const mallory = ssh2.utils.parseKey(newKey().private);
    assert.ok(!(victimPublic instanceof Error) && !(mallory instanceof Error));
    const victimKey = Array.isArray(victimPublic) ? victimPublic[0] : victimPublic;
    const malloryKey = Array.isArray(mallory) ? mallory[0] : mallory;

    class ForgingAgent extends ssh2.BaseAgent {
      getIdentities(callback: (error: Error | undefined, keys?: ParsedKey[]) => void): void {
        callback(undefined, [victimKey as ParsedKey]);
      }
      sign(
        _key: ParsedKey,
        data: Buffer,
        _options: unknown,
        callback?: (error: Error | undefined, signature?: Buffer) => void,
      ): void {
        const signature = (malloryKey as ParsedKey).sign(data);
        (callback ?? (_options as (error: Error | undefined, signature?: Buffer) => void))(
          undefined,
          signature as Buffer,
        );
      }
    }
    const forged = connectHostile(server, { uuid: good.uuid, agent: new ForgingAgent() });
    await forged.closed;
    await assert.rejects(forged.ready);
    await waitFor(
      () => server.process.stderr.some((l) => l.includes('bad signature') && l.includes(good.uuid)),
      { what: 'bad signature logged' },
    );
    const { client } = await server.gql.request(ClientDocument, { id: good.uuid });
    assert.equal(client?.keyMismatch, false);
    await stillServing();
  });

  test("after all that, the well-behaved agent's record is untouched and no refused agent was recorded", async () => {
    const goodAfter = await clientOf(good.uuid);
    assert.equal(goodAfter?.online, true);
    assert.equal(goodAfter?.keyMismatch, false);
    assert.equal(goodAfter?.publicKeyFingerprint, goodBefore?.publicKeyFingerprint);
    assert.equal(
      goodAfter?.connectedAt,
      goodBefore?.connectedAt,
      'its connection was never replaced',
    );
    assert.equal(goodAfter?.connectionCount, goodBefore?.connectionCount);
    assert.ok(neverRegistered.length > 0);
    for (const uuid of neverRegistered) assert.equal(await clientOf(uuid), null);
  });
});

describe('API authentication', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const query = JSON.stringify({ query: '{ clients { uuid } }' });

  test('GET /health needs no key', async () => {
    const response = await fetch(`${server.url}/health`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, unknown>;
    assert.equal(body['status'], 'ok');
    assert.deepEqual(body['clients'], { online: 0, total: 0 });
    assert.equal(typeof body['version'], 'string');
    assert.equal(typeof body['uptimeS'], 'number');
  });

  test('requests without the bearer key get 401, and nothing else is accepted', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      [`${server.url}/graphql`, {}],
      [`${server.url}/graphql`, { authorization: 'Bearer wrong-key' }],
      [`${server.url}/graphql`, { authorization: server.apiKey }],
      [
        `${server.url}/graphql`,
        { authorization: `Basic ${Buffer.from(`x:${server.apiKey}`).toString('base64')}` },
      ],
      [`${server.url}/graphql?api_key=${server.apiKey}`, {}],
      [`${server.url}/graphql?authorization=Bearer%20${server.apiKey}`, {}],
    ];
    for (const [url, headers] of cases) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: query,
      });
      assert.equal(response.status, 401, `${url} ${JSON.stringify(headers)}`);
      const body = (await response.json()) as {
        errors: Array<{ message: string; extensions: { code: string } }>;
      };
      assert.equal(body.errors[0]?.extensions.code, 'UNAUTHENTICATED');
      assert.match(body.errors[0]?.message ?? '', /api_key|API key/);
    }
    const ok = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.apiKey}` },
      body: query,
    });
    assert.equal(ok.status, 200);
  });

  test('the GraphiQL page is public, but an operation in a GET is not', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    const sneaky = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ clients { uuid } }')}`,
      { headers: { accept: 'text/html, application/json' } },
    );
    // An executed operation would answer JSON; the only acceptable answers are 401 or the page.
    const type = sneaky.headers.get('content-type') ?? '';
    assert.ok(sneaky.status === 401 || type.startsWith('text/html'), `${sneaky.status} ${type}`);
    await sneaky.arrayBuffer();
  });

  test('graphql-ws refuses a connection without the key', async () => {
    for (const authorization of ['', 'Bearer nope']) {
      const client = wsClientFor(server, authorization);
      const closeCode = await new Promise<number>((resolve) => {
        client.on('closed', (event) => resolve((event as { code: number }).code));
      });
      assert.equal(closeCode, 4403);
      await client.dispose();
    }
  });
});
