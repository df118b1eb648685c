// A server SIGKILLed in the middle of its work (issue 14): two real servers on one throwaway
// PostgreSQL, a real agent and a real webhook receiver. The killed server had claimed a webhook
// delivery whose request was still open, and had just acknowledged a run of writes: the survivor
// delivers the claimed webhook once the killed server's lease ends (same webhook-id, at least
// once), and every acknowledged write is there.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createAgent, type TestAgent } from '../support/agent.js';
import { EventsDocument, RunCommandDocument, UpdateClientDocument } from '../support/operations.js';
import { startPostgres, type PostgresServer } from '../support/postgres.js';
import { killAll } from '../support/processes.js';
import { startClusterServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';
import { startReceiver, type Receiver } from '../support/webhook-receiver.js';
import {
  ConfigureWebhookDocument,
  WebhookDeliveriesDocument,
} from '../support/webhook-operations.js';

after(killAll);

const execFileAsync = promisify(execFile);
const NAMES = ['kill-a', 'kill-b'];

describe('a server SIGKILLed mid-delivery and mid-writes', () => {
  let postgres: PostgresServer;
  let databaseUrl: string;
  let receiver: Receiver;
  const servers: TestServer[] = [];
  let agent: TestAgent;
  const psql = async (sql: string): Promise<string> =>
    (
      await execFileAsync('psql', ['-qAt', '-v', 'ON_ERROR_STOP=1', databaseUrl, '-c', sql])
    ).stdout.trim();

  before(async () => {
    postgres = await startPostgres();
    databaseUrl = await postgres.createDatabase('etphonehome');
    receiver = await startReceiver('unverified-here');
    for (const name of NAMES)
      servers.push(
        await startClusterServer(databaseUrl, name, { ETPHONEHOME_WEBHOOK_ALLOW_PRIVATE: '1' }),
      );
    agent = await createAgent(servers[0]!);
    await agent.start();
    await agent.waitOnline(servers[0]!);
  });
  after(async () => {
    await agent?.close();
    for (const server of servers) await server.close();
    await receiver?.close();
    await postgres?.stop();
  });

  test("the killed server's claimed webhook is delivered by the survivor; no acknowledged write is lost", async () => {
    const [a] = servers as [TestServer, TestServer];
    await a.gql.request(ConfigureWebhookDocument, {
      id: agent.uuid,
      input: { webhookUrl: receiver.url('/hook') },
    });
    // The command's delivery hangs at the receiver (its sender waits for an answer) until the
    // kill; everything else is answered at once.
    let killed = false;
    const eventOf = (body: string): string => {
      try {
        return String((JSON.parse(body) as { event?: unknown }).event);
      } catch {
        return '';
      }
    };
    receiver.answer = (request) =>
      !killed && eventOf(request.body) === 'command_executed'
        ? { status: 200, delayMs: 120_000 }
        : { status: 200 };
    await a.gql.request(RunCommandDocument, { clientId: agent.uuid, cmd: 'echo hook' });
    const first = await waitFor(
      () => receiver.all.find((d) => eventOf(d.body) === 'command_executed'),
      { what: 'the command’s delivery to reach the receiver' },
    );
    const webhookId = String(first.headers['webhook-id']);
    // Its sender holds the claim while the request is open.
    const claimer = await waitFor(
      async () =>
        (await psql(
          "select claimed_by from webhook_delivery where claimed and status = 'PENDING' and event = 'command_executed'",
        )) || null,
      { what: 'the claim of the hanging delivery' },
    );
    const victim = servers[NAMES.indexOf(claimer)];
    assert.ok(victim, `claimed by ${claimer}`);
    const survivor = servers.find((s) => s !== victim)!;

    // Writes the victim acknowledged, one after the other, then the kill at once.
    const written: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const purpose = `acknowledged-${i}`;
      await victim.gql.request(UpdateClientDocument, { id: agent.uuid, input: { purpose } });
      written.push(purpose);
    }
    await victim.stop('SIGKILL');
    killed = true;

    // The survivor releases the gone server's claim when its lease ends, and delivers.
    await waitFor(
      () => receiver.all.filter((d) => d.headers['webhook-id'] === webhookId).length >= 2,
      { timeoutMs: 90_000, what: 'the survivor to deliver the claimed webhook again' },
    );
    const ofCommand = async () =>
      (
        await survivor.gql.request(WebhookDeliveriesDocument, {
          filter: { clientId: agent.uuid, event: 'command_executed' },
          limit: 100,
        })
      ).webhookDeliveries;
    await waitFor(async () => (await ofCommand()).some((d) => d.status === 'DELIVERED'), {
      what: 'the delivery DELIVERED on the survivor',
    });
    const deliveries = await ofCommand();
    assert.equal(deliveries.length, 1, 'one delivery, attempted twice');

    // Every acknowledged write: the last value, and one client.updated per write.
    const purposes = (
      await survivor.gql.request(EventsDocument, {
        filter: { clientId: agent.uuid, events: ['client.updated'] },
        limit: 100,
      })
    ).events.map((e) => JSON.stringify(e.data));
    for (const purpose of written)
      assert.ok(
        purposes.some((data) => data.includes(purpose)),
        `${purpose} in the trail on the survivor`,
      );
    assert.equal(
      await psql(`select purpose from client where uuid = '${agent.uuid}'`),
      written.at(-1),
    );
  });
});
