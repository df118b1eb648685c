// Issue 17 items 7 and 17 (the hub and agent's parts): when the server refuses or closes a
// session for a reason it states, the agent hears it and its log says what was decided — at
// login (a refusal with a notice), when a session is closed (replaced) and while it continues
// (quarantined). Strangers are refused without a word.

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AuthAttempt } from '../../src/hub/tunnel-hub.js';
import {
  sessionOf,
  startAgent,
  startHub,
  type InProcessAgent,
  type InProcessHub,
} from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

describe('notices: the server says what it decided', () => {
  const hubs: InProcessHub[] = [];
  const agents: InProcessAgent[] = [];
  after(async () => {
    for (const agent of agents) await agent.stop();
    for (const hub of hubs) await hub.close();
  });

  test('a refusal with a notice reaches the agent (after it proved its key), with its retry hint; no session is made', async () => {
    const attempts: AuthAttempt[] = [];
    let sessions = 0;
    const hub = await startHub({
      authorize: async (attempt) => {
        attempts.push(attempt);
        return {
          accept: false,
          reason: 'client is decommissioned',
          notice: {
            code: 'decommissioned',
            message: 'This client was decommissioned on the server.',
            retryAfterMs: 1200,
          },
        };
      },
      onSession: async () => {
        sessions += 1;
      },
    });
    hubs.push(hub);
    const agent = startAgent(hub.port);
    agents.push(agent);
    await waitFor(() => agent.waits.length >= 2, { what: 'two refusals' });
    assert.equal(agent.notices[0]?.code, 'decommissioned');
    assert.equal(agent.notices[0]?.retryAfterMs, 1200);
    for (const wait of agent.waits) assert.ok(wait.delayMs >= 1200);
    const said = agent.log.find('the server says: This client was decommissioned on the server.');
    assert.equal(said[0]?.['level'], 50, 'logged as an error: a person must act');
    assert.match(String(said[0]?.['next']), /etphonehome clients restore/);
    assert.equal(agent.log.find('disconnected').length, 0, 'not a link that was up');
    assert.ok(
      attempts.some((attempt) => attempt.verified),
      'the agent signed before being told',
    );
    assert.equal(sessions, 0);
    const refused = hub.log.find('login refused').find((line) => line['stage'] === 'signed');
    assert.equal(refused?.['told'], 'decommissioned');
    assert.equal(refused?.['uuid'], agent.uuid, "the connection's logger binds the uuid");
  });

  test('askSignature: the probe passes, authorize sees the signed attempt, the stranger hears nothing', async () => {
    const attempts: AuthAttempt[] = [];
    const hub = await startHub({
      authorize: async (attempt) => {
        attempts.push(attempt);
        return { accept: false, reason: 'unknown key', askSignature: true };
      },
    });
    hubs.push(hub);
    const agent = startAgent(hub.port);
    agents.push(agent);
    await waitFor(() => attempts.some((attempt) => attempt.verified), {
      what: 'a verified attempt',
    });
    await waitFor(() => agent.waits.length >= 1, { what: 'the refusal' });
    assert.equal(agent.notices.length, 0);
    assert.ok(agent.log.find(/^the server refused this agent/).length >= 1);
  });

  test('a session closed with a notice (replaced) and one told it is quarantined', async () => {
    const hub = await startHub();
    hubs.push(hub);
    const agent = startAgent(hub.port);
    agents.push(agent);
    const session = await sessionOf(hub, agent.uuid);

    assert.equal(
      await session.notify({
        code: 'quarantined',
        message: 'This key is not the pinned one; operations are refused until it is accepted.',
      }),
      true,
    );
    await waitFor(() => agent.notices.length === 1, { what: 'the quarantine notice' });
    assert.equal(agent.notices[0]?.code, 'quarantined');
    assert.match(String(agent.log.find(/^the server says: This key/)[0]?.['next']), /accept-key/);
    assert.equal(session.closed, false, 'a quarantine notice does not close the session');
    const heartbeat = await session.call('heartbeat', {}, { timeoutMs: 5000 });
    assert.equal(typeof heartbeat.time, 'number', 'calls still work');

    session.close('replaced by a new connection', {
      code: 'replaced',
      message: 'A newer connection with this UUID took this session over.',
    });
    await waitFor(() => agent.notices.length === 2, { what: 'the replaced notice' });
    assert.equal(agent.notices[1]?.code, 'replaced');
    await waitFor(() => agent.waits.length === 1, { what: 'the reconnect' });
    assert.equal(agent.waits[0]?.retryAfterMs, undefined, 'no hint: the usual backoff');
    await waitFor(() => hub.sessions.get(agent.uuid) !== session && hub.sessions.has(agent.uuid), {
      what: 'the agent back',
    });
  });
});
