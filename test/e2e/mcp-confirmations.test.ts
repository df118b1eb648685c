// Confirmations bound to the exact arguments (issue 15), over both MCP transports (the stdio
// bridge and Streamable HTTP at /mcp), on the real server and a real agent: a fleet-wide call
// without confirmation runs nothing (the agent's marker file stays absent); a token for other
// arguments, another tool or another API key is refused; an expired one is refused (a server
// with ETPHONEHOME_CONFIRMATION_TTL_S=1); the right one runs once and its replay is refused; a
// client that declares elicitation is asked instead — accept runs, decline runs nothing; a write
// over an existing file needs confirming, a new file does not.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql } from '../../src/generated/index.js';
import { createAgent, type TestAgent } from '../support/agent.js';
import { connectMcp, type Transport } from '../support/mcp.js';
import { killAll } from '../support/processes.js';
import { ClientDocument } from '../support/operations.js';
import { startServer, type TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

after(killAll);

const CreateKeyDocument = graphql(`
  mutation TestConfirmCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
    }
  }
`);

const JobsRanDocument = graphql(`
  query TestConfirmEvents {
    events(filter: { events: ["command_executed"] }, limit: 100) {
      id
    }
  }
`);

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

const lines = async (path: string): Promise<number> =>
  (await readFile(path, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;

describe('MCP confirmations', () => {
  let server: TestServer;
  let agent: TestAgent;
  let work: string;
  let operatorKey: string;
  let clientId: string;

  before(async () => {
    server = await startServer({ openEnrollment: true });
    agent = await createAgent(server, { tags: ['confirm'], displayName: 'confirm-target' });
    await agent.start();
    await agent.waitOnline(server);
    clientId = (await server.gql.request(ClientDocument, { id: agent.uuid })).client!.clientId;
    work = await mkdtemp(join(tmpdir(), 'etph-confirm-'));
    const { createApiKey } = await server.gql.request(CreateKeyDocument, {
      input: { name: 'other operator', role: 'OPERATOR' },
    });
    operatorKey = createApiKey.secret;
  });
  after(async () => {
    await agent?.close();
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  for (const transport of ['stdio', 'http'] as Transport[]) {
    test(`${transport}: a fleet-wide call plans and runs nothing; only its own token runs it, once`, async () => {
      const mcp = await connectMcp(server, transport);
      const other = await connectMcp(server, transport, { apiKey: operatorKey });
      try {
        const marker = join(work, `bulk-${transport}`);
        const args = { tags: ['confirm'], cmd: `echo ran >> ${marker}; echo ok` };
        const eventsBefore = (await server.gql.request(JobsRanDocument, {})).events.length;

        const plan = await mcp.plan('run_bulk_command', args);
        assert.deepEqual(
          plan.plan.targets.map((t) => t.client_id),
          [clientId],
        );
        assert.match(plan.plan.summary, /echo ran/);
        assert.ok(Date.parse(plan.confirmation_expires_at) > Date.now());
        assert.equal(await exists(marker), false, 'nothing ran without confirmation');

        const token = plan.confirmation_token;
        // Any argument differs: refused, nothing runs.
        assert.match(
          await mcp.fails('run_bulk_command', {
            ...args,
            cmd: `echo other >> ${marker}`,
            confirmation_token: token,
          }),
          /^CONFIRMATION_INVALID: .*other arguments/,
        );
        assert.match(
          await mcp.fails('run_bulk_command', {
            ...args,
            parallelism: 3,
            confirmation_token: token,
          }),
          /^CONFIRMATION_INVALID: .*other arguments/,
        );
        // Another tool.
        assert.match(
          await mcp.fails('decommission_client', {
            uuid: agent.uuid,
            confirmation_token: token,
          }),
          /^CONFIRMATION_INVALID: .*issued for "run_bulk_command", not "decommission_client"/,
        );
        // Another API key (principal).
        assert.match(
          await other.fails('run_bulk_command', { ...args, confirmation_token: token }),
          /^CONFIRMATION_INVALID: .*another API key/,
        );
        // Not a token at all.
        assert.match(
          await mcp.fails('run_bulk_command', { ...args, confirmation_token: 'ctk1.forged.x' }),
          /^CONFIRMATION_INVALID: /,
        );
        assert.equal(await exists(marker), false, 'refused tokens ran nothing');
        assert.equal(
          (await server.gql.request(JobsRanDocument, {})).events.length,
          eventsBefore,
          'no command_executed event either',
        );

        const done = await mcp.ok<{ status: string; succeeded: number }>('run_bulk_command', {
          ...args,
          confirmation_token: token,
        });
        assert.equal(done.status, 'COMPLETED');
        assert.equal(done.succeeded, 1);
        assert.equal(await lines(marker), 1);

        // A replay of the used token is refused and runs nothing more.
        assert.match(
          await mcp.fails('run_bulk_command', { ...args, confirmation_token: token }),
          /^CONFIRMATION_INVALID: .*already used/,
        );
        assert.equal(await lines(marker), 1);

        // dry_run still needs no confirmation and runs nothing.
        const dry = await mcp.ok<{ dry_run: boolean; total: number }>('run_bulk_command', {
          ...args,
          dry_run: true,
        });
        assert.deepEqual([dry.dry_run, dry.total], [true, 1]);
        assert.equal(await lines(marker), 1);
      } finally {
        await mcp.close();
        await other.close();
      }
    });

    test(`${transport}: a client with elicitation is asked; accept runs, decline runs nothing`, async () => {
      const asked: string[] = [];
      const accepting = await connectMcp(server, transport, {
        elicitation: ({ message }) => (asked.push(message), 'accept'),
      });
      const declining = await connectMcp(server, transport, {
        elicitation: ({ message }) => (asked.push(message), 'decline'),
      });
      try {
        const accepted = join(work, `elicit-accept-${transport}`);
        const done = await accepting.ok<{ status: string; confirmation_required?: boolean }>(
          'run_bulk_command',
          { tags: ['confirm'], cmd: `echo ran >> ${accepted}` },
        );
        assert.equal(done.status, 'COMPLETED');
        assert.equal(done.confirmation_required, undefined);
        assert.equal(await lines(accepted), 1);
        assert.match(asked[0] ?? '', /run_bulk_command: run "echo ran >> .*elicit-accept/);
        assert.ok(asked[0]?.includes(`On 1 client(s): ${clientId}.`), asked[0]);

        const declined = join(work, `elicit-decline-${transport}`);
        assert.match(
          await declining.fails('run_bulk_command', {
            tags: ['confirm'],
            cmd: `echo ran >> ${declined}`,
          }),
          /^CONFIRMATION_DECLINED: The user declined run_bulk_command/,
        );
        assert.equal(asked.length, 2);
        assert.equal(await exists(declined), false, 'a declined call ran nothing');
      } finally {
        await accepting.close();
        await declining.close();
      }
    });

    test(`${transport}: write_file over an existing file needs confirming; a new file does not`, async () => {
      const mcp = await connectMcp(server, transport);
      try {
        const file = join(work, `file-${transport}.txt`);
        await mcp.ok('write_file', { client_id: agent.uuid, path: file, content: 'first' });
        assert.equal(await readFile(file, 'utf8'), 'first');
        const args = { client_id: agent.uuid, path: file, content: 'second' };
        const plan = await mcp.plan('write_file', args);
        assert.match(plan.plan.summary, /replace ".*file-.*\.txt" on .*something is there now/);
        assert.equal(await readFile(file, 'utf8'), 'first', 'the plan wrote nothing');
        assert.match(
          await mcp.fails('write_file', {
            ...args,
            content: 'third',
            confirmation_token: plan.confirmation_token,
          }),
          /^CONFIRMATION_INVALID: .*other arguments/,
        );
        await mcp.ok('write_file', { ...args, confirmation_token: plan.confirmation_token });
        assert.equal(await readFile(file, 'utf8'), 'second');
      } finally {
        await mcp.close();
      }
    });
  }
});

describe('an expired confirmation token is refused', () => {
  let server: TestServer;

  before(async () => {
    server = await startServer({ env: { ETPHONEHOME_CONFIRMATION_TTL_S: '1' } });
  });
  after(async () => {
    await server?.close();
  });

  for (const transport of ['stdio', 'http'] as Transport[]) {
    test(`${transport}: a token past its expiry is CONFIRMATION_INVALID`, async () => {
      const mcp = await connectMcp(server, transport);
      try {
        const args = { tags: ['nobody-has-this'], cmd: 'true' };
        const plan = await mcp.plan('run_bulk_command', args);
        const expiresAt = Date.parse(plan.confirmation_expires_at);
        await waitFor(() => Date.now() > expiresAt + 50, { what: 'the token to expire' });
        assert.match(
          await mcp.fails('run_bulk_command', {
            ...args,
            confirmation_token: plan.confirmation_token,
          }),
          /^CONFIRMATION_INVALID: This confirmation_token expired at /,
        );
      } finally {
        await mcp.close();
      }
    });
  }
});
