// What the tools on one client share: the request on the client the call names (or the session's),
// and, for file writes, the confirmation bound to that client and asked only over an existing file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '../../src/errors.js';
import { ToolError, type Executor } from '../../src/mcp/executor.js';
import type { McpSession } from '../../src/mcp/session.js';
import { requestOnClient, type ToolContext } from '../../src/mcp/tool.js';
import { boundToClient, overwritePlan } from '../../src/mcp/tools/file-fields.js';
import { McpReadFileDocument } from '../../src/generated/graphql.js';

/** A context whose client is "web-01" (id uuid-1) and whose executor answers with `answer`. */
function contextOf(answer: (variables: unknown) => unknown) {
  const sent: unknown[] = [];
  const executor: Executor = {
    request: async (_document, variables) => {
      sent.push(variables);
      return answer(variables) as never;
    },
  };
  const ctx: ToolContext = {
    executor,
    session: {} as McpSession,
    request: { actor: 'mcp test' },
    resolveClient: async (clientId) => ({
      id: 'uuid-1',
      name: clientId ?? 'web-01',
      note: clientId ? null : 'Using the selected client "web-01".',
    }),
  };
  return { ctx, sent };
}

test('requestOnClient: the resolved client, and its id sent as clientId with the variables', async () => {
  const { ctx, sent } = contextOf(() => ({ readFile: { path: '/etc/hosts' } }));
  const { target, answer } = await requestOnClient(ctx, undefined, McpReadFileDocument, {
    path: '/etc/hosts',
  });
  assert.equal(target.name, 'web-01');
  assert.equal(target.note, 'Using the selected client "web-01".');
  assert.deepEqual(answer, { readFile: { path: '/etc/hosts' } });
  assert.deepEqual(sent, [{ clientId: 'uuid-1', path: '/etc/hosts' }]);
});

test('file writes: the token is bound to the client id; a plan only over something there', async () => {
  const { ctx } = contextOf(() => ({}));
  assert.deepEqual(await boundToClient({ client_id: 'web', path: '/a', mode: 1 }, ctx), {
    client_id: 'uuid-1',
    path: '/a',
    mode: 1,
  });
  assert.deepEqual(await overwritePlan(ctx, 'web', '/a', 'new bytes'), {
    summary: 'replace "/a" on "web" (something is there now) with new bytes.',
    targets: [{ client_id: 'web' }],
  });
  const missing = contextOf(() => {
    throw new ToolError(ErrorCode.notFound, 'no such file');
  });
  assert.equal(await overwritePlan(missing.ctx, 'web', '/a', 'new bytes'), null);
});
