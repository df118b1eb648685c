// Issue 17 item 1: sockets that send nothing, or one byte every few seconds, or stall after their
// identification line, must not keep an agent out. The hub and a real agent tunnel run in this
// process over SSH on loopback; the attacker's sockets come from 127.0.0.2 (another source).

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { sessionOf, startAgent, startHub, type InProcessHub } from '../support/in-process-hub.js';
import { waitFor } from '../support/wait.js';

interface Held {
  socket: net.Socket;
  closed: boolean;
  received: string;
  stop(): void;
}

/** A socket from `localAddress`: idle (sends nothing), slow (a byte every 2 s) or stalled. */
async function hold(
  port: number,
  localAddress: string,
  kind: 'idle' | 'slow' | 'stalled' | 'garbage',
): Promise<Held> {
  const socket = net.connect({ host: '127.0.0.1', port, localAddress });
  const held: Held = { socket, closed: false, received: '', stop: () => undefined };
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => (held.received += chunk.toString('latin1')));
  socket.once('close', () => (held.closed = true));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  if (kind === 'slow') {
    const text = 'SSH-2.0-OpenSSH_9.6 a very slow client indeed';
    let at = 0;
    const timer = setInterval(() => {
      if (at < text.length) socket.write(text[at++] ?? '');
    }, 2000);
    held.stop = () => clearInterval(timer);
  }
  if (kind === 'stalled') socket.write('SSH-2.0-OpenSSH_9.6\r\n');
  if (kind === 'garbage') socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  return held;
}

async function holdMany(
  port: number,
  localAddress: string,
  counts: Partial<Record<Parameters<typeof hold>[2], number>>,
): Promise<Held[]> {
  const all: Held[] = [];
  for (const [kind, count] of Object.entries(counts)) {
    for (let i = 0; i < (count ?? 0); i += 1) {
      all.push(await hold(port, localAddress, kind as Parameters<typeof hold>[2]));
    }
  }
  return all;
}

function release(sockets: Held[]): void {
  for (const held of sockets) {
    held.stop();
    held.socket.destroy();
  }
}

describe('handshake gate under idle and slow sockets', () => {
  const hubs: InProcessHub[] = [];
  after(async () => {
    for (const hub of hubs) await hub.close();
  });

  test('hundreds of idle, slow and stalled sockets from one source: an agent still attaches while they are all held', async () => {
    const hub = await startHub({
      limits: {
        maxConcurrentHandshakes: 8,
        maxConcurrentHandshakesPerSource: 4,
        maxPendingPerSource: 1000,
        // Far beyond the test: the agent must get in while the attack lasts, not after it.
        identTimeoutMs: 600_000,
        authTimeoutMs: 600_000,
      },
    });
    hubs.push(hub);
    const attack = await holdMany(hub.port, '127.0.0.2', { idle: 150, slow: 150, stalled: 50 });
    // The stalled ones sent a full identification line: they hold slots (at most the source's
    // share) and queue. Wait until the gate has seen them all.
    await waitFor(() => hub.hub.handshakesInProgress + hub.hub.handshakesQueued === 50, {
      what: 'the stalled sockets in the gate',
    });
    assert.equal(hub.hub.handshakesInProgress, 4, 'one source holds at most its share of slots');

    const agent = startAgent(hub.port);
    try {
      await sessionOf(hub, agent.uuid);
      const open = attack.filter((held) => !held.closed).length;
      assert.equal(open, attack.length, 'every attacking socket is still open');
      assert.equal(hub.hub.connections >= attack.length + 1, true);
    } finally {
      release(attack);
      await agent.stop();
    }
  });

  test('sockets that never identify, or identify and never authenticate, are closed at their deadlines from accept', async () => {
    const hub = await startHub({
      limits: { identTimeoutMs: 300, authTimeoutMs: 900, logBurst: 100 },
    });
    hubs.push(hub);
    const sockets = await holdMany(hub.port, '127.0.0.4', {
      idle: 5,
      slow: 5,
      stalled: 3,
      garbage: 2,
    });
    try {
      await waitFor(() => sockets.every((held) => held.closed), {
        what: 'the hub to close every socket',
      });
      const identTimeouts = hub.log.find('connection sent no SSH identification in time; closed');
      const authTimeouts = hub.log.find('SSH handshake did not authenticate in time; closed');
      assert.equal(identTimeouts.length, 10, 'idle and slow: no identification line in time');
      assert.equal(authTimeouts.length, 3, 'stalled after the identification line');
      for (const line of [...identTimeouts, ...authTimeouts]) {
        assert.equal(line['remoteAddress'], '127.0.0.4', 'the connection logger binds the address');
        assert.equal(typeof line['remotePort'], 'number');
      }
      assert.ok(
        (authTimeouts[0]?.['afterMs'] as number) >= 900,
        'the authentication deadline counts from accept',
      );
      assert.equal(
        hub.log.find('not an SSH client; closed').length,
        2,
        'garbage is cut off at once',
      );
      assert.equal(hub.hub.connections, 0);
      assert.equal(hub.hub.handshakesInProgress, 0);
      assert.equal(hub.hub.handshakesQueued, 0);
    } finally {
      release(sockets);
    }
  });

  test('one source past its cap of unauthenticated sockets is told to come back, with a retry hint', async () => {
    const hub = await startHub({ limits: { maxPendingPerSource: 20, identTimeoutMs: 600_000 } });
    hubs.push(hub);
    const sockets = await holdMany(hub.port, '127.0.0.3', { idle: 50 });
    try {
      await waitFor(() => sockets.filter((held) => held.closed).length === 30, {
        what: '30 refusals',
      });
      const refused = sockets.filter((held) => held.closed);
      for (const held of refused) {
        const [first, second] = held.received.split('\r\n');
        assert.match(first ?? '', /^ETPH-NOTICE \{/);
        const notice = JSON.parse((first ?? '').slice('ETPH-NOTICE '.length)) as Record<
          string,
          unknown
        >;
        assert.equal(notice['code'], 'overloaded');
        assert.match(String(notice['message']), /20 connections from 127\.0\.0\.3/);
        assert.ok((notice['retryAfterMs'] as number) >= 1000);
        assert.match(second ?? '', /^SSH-2\.0-etphonehome_test/);
      }
      assert.equal(sockets.filter((held) => !held.closed).length, 20, 'the first 20 are held');
      // Another source is not affected.
      const agent = startAgent(hub.port);
      await sessionOf(hub, agent.uuid);
      await agent.stop();
    } finally {
      release(sockets);
    }
  });
});
