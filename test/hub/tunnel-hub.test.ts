// The tunnel hub and the agent's tunnel in one process, over real SSH on loopback: the
// handshake gate under a stampede, and what a call does on timeout, abort and link loss.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startTunnel, type Tunnel } from '../../src/agent/tunnel.js';
import type { AgentSession } from '../../src/hub/agent-session.js';
import { AgentCallError } from '../../src/hub/errors.js';
import { createTunnelHub, type TunnelHub } from '../../src/hub/tunnel-hub.js';
import { isAlive } from '../support/processes.js';
import { waitFor } from '../support/wait.js';
import { generateEd25519KeyPair } from '../../src/lib/ssh-keygen.js';

const silent = pino({ level: 'silent' });

describe('tunnel hub', () => {
  let hub: TunnelHub;
  let port: number;
  const sessions = new Map<string, AgentSession>();
  const tunnels: Tunnel[] = [];
  let maxHandshakes = 0;
  let sampler: NodeJS.Timeout;
  let work: string;

  before(async () => {
    work = await mkdtemp(join(tmpdir(), 'etph-hub-'));
    hub = createTunnelHub({
      hostKey: generateEd25519KeyPair().private,
      hubVersion: 'test',
      logger: silent,
      authorize: async () => ({ accept: true, admission: null }),
      onSession: async (session) => {
        sessions.set(session.identity.uuid, session);
      },
      limits: { maxConcurrentHandshakes: 3 },
    });
    port = (await hub.listen('127.0.0.1', 0)).port;
    sampler = setInterval(() => {
      maxHandshakes = Math.max(maxHandshakes, hub.handshakesInProgress);
    }, 1);
  });
  after(async () => {
    clearInterval(sampler);
    for (const tunnel of tunnels) tunnel.stop();
    await hub.close();
    await rm(work, { recursive: true, force: true });
  });

  function agent(): string {
    const uuid = randomUUID();
    tunnels.push(
      startTunnel({
        servers: [{ host: '127.0.0.1', port, pinnedFingerprint: null }],
        uuid,
        privateKey: generateEd25519KeyPair().private,
        enrollmentToken: null,
        allowedPaths: null,
        logger: silent,
        facts: async () => ({
          uuid,
          hostname: hostname(),
          platform: 'Linux',
          platformRelease: '',
          arch: 'x64',
          agentVersion: 'test',
          username: 'test',
          capabilities: [],
          allowedPaths: null,
          suggested: {},
        }),
        onTrustFirstUse: async () => undefined,
        onRegistered: async () => undefined,
      }),
    );
    return uuid;
  }

  async function connectedAgent(): Promise<AgentSession> {
    const uuid = agent();
    return waitFor(() => sessions.get(uuid), { what: 'session' });
  }

  test('a stampede of agents is admitted a few handshakes at a time, and all get in', async () => {
    const uuids = Array.from({ length: 25 }, agent);
    await waitFor(() => uuids.every((uuid) => sessions.has(uuid)), {
      timeoutMs: 30_000,
      what: 'all 25 sessions',
    });
    assert.ok(maxHandshakes <= 3, `at most 3 handshakes at once (saw ${maxHandshakes})`);
    assert.ok(maxHandshakes >= 1);
  });

  test('a call past its deadline is cancelled on the agent (process group killed)', async () => {
    const session = await connectedAgent();
    const pidFile = join(work, 'deadline-pid');
    await assert.rejects(
      session.call(
        'run_command',
        { cmd: `echo $$ > ${pidFile}; exec sleep 60`, timeoutMs: 60_000 },
        { timeoutMs: 700 },
      ),
      (error: AgentCallError) => error instanceof AgentCallError && error.kind === 'timeout',
    );
    const pid = Number((await readFile(pidFile, 'utf8')).trim());
    await waitFor(() => !isAlive(pid), { timeoutMs: 10_000, what: 'the command to be killed' });
  });

  test('a signal that already fired aborts at once and runs nothing', async () => {
    const session = await connectedAgent();
    const marker = join(work, 'must-not-exist');
    await assert.rejects(
      session.call(
        'run_command',
        { cmd: `touch ${marker}`, timeoutMs: 5000 },
        { timeoutMs: 5000, signal: AbortSignal.abort() },
      ),
      (error: AgentCallError) => error.kind === 'aborted',
    );
    await new Promise((r) => setTimeout(r, 300));
    await assert.rejects(readFile(marker));
  });

  test('calls in flight fail with "closed" when the link goes away', async () => {
    const session = await connectedAgent();
    const pending = session.call(
      'run_command',
      { cmd: 'sleep 30', timeoutMs: 60_000 },
      { timeoutMs: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 200));
    session.close('test');
    await assert.rejects(pending, (error: AgentCallError) => error.kind === 'closed');
  });
});
