// Heartbeats the agent sends by itself (`beats`, src/protocol/call-line.ts): the hub asks once,
// then takes each beat as an answered heartbeat — its sample kept, a malformed one a failure —
// never asks for one again, answers a beat that asks, counts beats that do not come, and goes
// back to asking when the line fails. Real fleet and store, real hub; a scripted SSH client plays
// the agent, so the test decides every beat. A last test runs the real agent.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Duplex } from 'node:stream';
import { readLines } from '../../src/lib/line-reader.js';
import { connectHostile, helloReply, type HostileAgent } from '../support/hostile-agent.js';
import { startAgent } from '../support/in-process-hub.js';
import {
  startInProcessFleet,
  fastHealth,
  type InProcessFleet,
} from '../support/in-process-fleet.js';
import type { TestServer } from '../support/server.js';
import { waitFor } from '../support/wait.js';

let f: InProcessFleet;
const agents: HostileAgent[] = [];

const summary = (cpuPercent: number) => ({
  hostname: 'beating',
  platform: 'linux',
  cpuPercent,
  memoryPercent: 10,
  diskPercent: 10,
  load1: 0.1,
  uptimeS: 100,
});

interface BeatingAgent {
  uuid: string;
  /** Every request the hub sent, in order: `<method>` or `<method>@line` on the call line. */
  requests: string[];
  /** The params of the `beats` request. */
  beatsParams: Promise<Record<string, unknown>>;
  /** Answers the hub wrote on the line to beats that asked (their ids). */
  answers: number[];
  /** Sends one beat on the line (an id: it asks for an answer). */
  beat(params: unknown, id?: number): void;
  /** Writes any message on the line. */
  send(message: Record<string, unknown>): void;
  /** Closes the call line (the hub should go back to asking, on channels). */
  dropLine(): void;
  end(): void;
}

/** A scripted agent that says it beats by itself; it sends a beat only when the test says so. */
function beatingAgent(): BeatingAgent {
  const requests: string[] = [];
  const answers: number[] = [];
  let line: Duplex | undefined;
  let gotBeatsParams: (params: Record<string, unknown>) => void = () => undefined;
  const beatsParams = new Promise<Record<string, unknown>>((resolve) => (gotBeatsParams = resolve));
  const write = (channel: Duplex, message: Record<string, unknown>): void => {
    channel.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
  };
  const agent = connectHostile({ sshPort: f.port } as TestServer, {
    polite: false,
    onCall(channel, request) {
      requests.push(request.method);
      if (request.method === 'hello') {
        const hello = JSON.parse(helloReply(request.id, agent.uuid)) as { result: object };
        return write(channel, {
          id: request.id,
          result: { ...hello.result, features: ['call_line', 'beats'] },
        });
      }
      if (request.method === 'heartbeat') {
        const result = { time: Date.now(), uptimeS: 1, metrics: summary(5) };
        return void channel.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result }) + '\n');
      }
      if (request.method !== 'call_line') return void channel.end();
      line = channel;
      write(channel, { id: request.id, result: {} });
      readLines(
        channel,
        1 << 20,
        (text) => {
          const message = JSON.parse(text) as {
            id?: number;
            method?: string;
            params?: Record<string, unknown>;
          };
          if (message.method === undefined) return void answers.push(message.id ?? -1);
          requests.push(`${message.method}@line`);
          if (message.method === 'beats') {
            gotBeatsParams(message.params ?? {});
            write(channel, {
              id: message.id,
              result: { time: Date.now(), uptimeS: 1, metrics: summary(7) },
            });
          }
        },
        () => undefined,
      );
    },
  });
  agents.push(agent);
  return {
    uuid: agent.uuid,
    requests,
    beatsParams,
    answers,
    beat(params, id) {
      if (line) write(line, { ...(id === undefined ? {} : { id }), method: 'beat', params });
    },
    send(message) {
      if (line) write(line, message);
    },
    dropLine() {
      line?.destroy();
    },
    end: () => agent.end(),
  };
}

const recorded: { type: string; uuid: string | null }[] = [];
/** The client as the fleet shows it (live state included). */
const view = (uuid: string) => f.fleet.clients.find(uuid);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

before(async () => {
  f = await startInProcessFleet({
    // A beat is missing after 1.1 s + the 1 s timeout.
    health: { ...fastHealth, heartbeatTimeoutS: 1 },
    onEventRecorded: (event) => recorded.push({ type: event.type, uuid: event.clientUuid }),
  });
});

after(async () => {
  if (process.env['DEBUG_LOG']) console.log(f.log.raw.join('\n'));
  for (const agent of agents) agent.end();
  await f.close();
});

test('the hub asks for beats once; each beat it gets is the client’s heartbeat and sample', async () => {
  const agent = beatingAgent();
  assert.deepEqual(await agent.beatsParams, {
    intervalMs: 1000,
    answerAfterMs: 3000,
    metrics: true,
  });
  // The first beat is the answer to `beats`.
  const first = await waitFor(async () => (await view(agent.uuid))?.lastSample ?? undefined, {
    what: 'the first beat taken as a sample',
  });
  assert.equal(first.metrics.cpuPercent, 7);
  for (let i = 0; i < 4; i += 1) {
    await sleep(700);
    agent.beat({ time: Date.now(), uptimeS: 2, metrics: summary(20 + i) });
    await waitFor(
      async () => (await view(agent.uuid))?.lastSample?.metrics.cpuPercent === 20 + i || undefined,
      { what: `beat ${i} taken` },
    );
  }
  const client = (await view(agent.uuid))!;
  assert.equal(client.heartbeatFailures, 0);
  assert.equal(client.health, 'HEALTHY');
  // 2.8 s of 1 s heartbeats, and not one asked for: hello, the line, `beats` on it.
  assert.deepEqual(agent.requests, ['hello', 'call_line', 'beats@line']);
  assert.deepEqual(agent.answers, [], 'a beat that did not ask was answered');
  agent.end();
});

test('a beat that asks is answered on the line; a burst of beats is thinned', async () => {
  const agent = beatingAgent();
  await agent.beatsParams;
  // Anything but a beat is dropped unanswered, and the line goes on.
  agent.send({ id: 7, method: 'run_command', params: { cmd: 'true' } });
  agent.send({ method: 'notice', params: {} });
  await sleep(600);
  agent.beat({ time: Date.now(), uptimeS: 2 }, 41);
  await waitFor(() => (agent.answers.includes(41) ? true : undefined), {
    what: 'the beat that asked answered',
  });
  // Ten more at once: at most one a half-second is taken (and answered).
  await sleep(600);
  for (let id = 50; id < 60; id += 1) agent.beat({ time: Date.now(), uptimeS: 2 }, id);
  await waitFor(() => (agent.answers.includes(50) ? true : undefined), { what: 'answer to 50' });
  await sleep(300);
  assert.deepEqual(agent.answers, [41, 50]);
  agent.end();
});

test('a malformed beat is a failed heartbeat, never a sample', async () => {
  const agent = beatingAgent();
  await agent.beatsParams;
  const sampled = await waitFor(async () => (await view(agent.uuid))?.lastSample ?? undefined, {
    what: 'the first sample',
  });
  agent.beat({ time: Date.now(), uptimeS: 2, metrics: { ...summary(5), cpuPercent: 900 } });
  await waitFor(
    () =>
      f.log.raw.some(
        (line) =>
          line.includes(agent.uuid) &&
          line.includes('heartbeat failed') &&
          line.includes('a beat from the agent is malformed (metrics.cpuPercent'),
      ) || undefined,
    { what: 'the malformed beat counted as a failed heartbeat' },
  );
  assert.deepEqual((await view(agent.uuid))!.lastSample, sampled, 'the malformed beat was kept');
  agent.end();
});

test('beats that stop coming count as failures: UNHEALTHY, then HEALTHY when they come back', async () => {
  const agent = beatingAgent();
  await agent.beatsParams;
  const events = () => recorded.filter((e) => e.uuid === agent.uuid).map((e) => e.type);
  try {
    // No beat after the first: missing after 1.1 s + the 1 s timeout, twice.
    const client = await waitFor(
      async () => {
        const now = await view(agent.uuid);
        return now?.health === 'UNHEALTHY' ? now : undefined;
      },
      { what: 'UNHEALTHY after two missing beats' },
    );
    assert.equal(
      client.healthReason,
      '2 heartbeats in a row failed (last: no heartbeat within 2 s)',
    );
    // Still never asked: the agent said it beats, so a missing beat is its failure.
    assert.deepEqual(agent.requests, ['hello', 'call_line', 'beats@line']);
    agent.beat({ time: Date.now(), uptimeS: 30, metrics: summary(3) });
    await waitFor(async () => ((await view(agent.uuid))?.health === 'HEALTHY' ? true : undefined), {
      what: 'HEALTHY again after a beat',
    });
    await waitFor(() => (events().includes('client.recovered') ? true : undefined), {
      what: 'client.recovered',
    });
    assert.ok(events().includes('client.unhealthy'));
  } finally {
    agent.end();
  }
});

test('when the line fails, the hub goes back to asking, on channels of their own', async () => {
  const agent = beatingAgent();
  await agent.beatsParams;
  agent.dropLine();
  await waitFor(
    () => (agent.requests.filter((r) => r === 'heartbeat').length >= 2 ? true : undefined),
    {
      what: 'heartbeats asked on channels after the line failed',
    },
  );
  const client = (await view(agent.uuid))!;
  assert.equal(client.health, 'HEALTHY');
  assert.equal(client.heartbeatFailures, 0);
  agent.end();
});

test('the real agent beats by itself: fresh samples, and only `beats` asked of it', async () => {
  const served: string[] = [];
  const agent = startAgent(f.port, { onRequest: (method) => served.push(method) });
  agents.push({ end: () => void agent.stop() } as HostileAgent);
  const firstAt = await waitFor(
    async () => (await view(agent.uuid))?.lastHeartbeatAt ?? undefined,
    {
      what: 'a beat',
    },
  );
  await waitFor(
    async () => {
      const at = (await view(agent.uuid))?.lastHeartbeatAt;
      return at && at.getTime() - firstAt.getTime() >= 2500 ? true : undefined;
    },
    { what: 'three more beats' },
  );
  const client = (await view(agent.uuid))!;
  assert.equal(client.health, 'HEALTHY');
  assert.equal(client.heartbeatFailures, 0);
  assert.ok(client.lastSample, 'the beats carry the metrics summary');
  assert.deepEqual(served, ['hello', 'beats'], 'the agent was asked for more than its beats');
  await agent.stop();
});
