// The beat's check without zod (src/protocol/beat-check.ts) against heartbeatResultSchema: over a
// corpus of beats, valid and broken in every way the schema names, the plain check passes only
// what zod passes, gives what zod gives, and passes every plain beat zod passes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainBeat } from '../../src/protocol/beat-check.js';
import { heartbeatResultSchema } from '../../src/protocol/schemas.js';
import { agentBeat } from '../../src/hub/agent-reply.js';
import { seededRandom } from '../support/random.js';

const random = seededRandom(11);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Values a field may hold: in range, at and past its bounds, of other types. */
const odd = [
  null,
  undefined,
  true,
  '12',
  '',
  [],
  {},
  [1],
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  -1e-9,
  0,
];
const numberNear = (max: number): unknown =>
  pick([0, max, max + 1, max * (1 + 1e-12), random() * max, -random(), ...odd]);
const textNear = (max: number): unknown =>
  pick([
    '',
    'x'.repeat(max),
    'x'.repeat(max + 1),
    'é'.repeat(max),
    '🙂'.repeat(max / 2 + 1),
    'web-01',
    ...odd,
  ]);

function validMetrics(): Record<string, unknown> {
  return {
    hostname: `host-${Math.floor(random() * 1000)}`,
    platform: 'linux',
    cpuPercent: random() < 0.2 ? null : random() * 100,
    memoryPercent: random() * 100,
    diskPercent: random() < 0.2 ? null : 100,
    load1: random() * 8,
    uptimeS: random() < 0.1 ? null : Math.floor(random() * 1e7),
  };
}

function validBeat(): Record<string, unknown> {
  const beat: Record<string, unknown> = { time: Date.now(), uptimeS: random() * 1e6 };
  if (random() < 0.8) beat['metrics'] = validMetrics();
  return beat;
}

const limits: Record<string, () => unknown> = {
  time: () => numberNear(1e15),
  uptimeS: () => numberNear(1e12),
  hostname: () => textNear(256),
  platform: () => textNear(64),
  cpuPercent: () => numberNear(100),
  memoryPercent: () => numberNear(100),
  diskPercent: () => numberNear(100),
  load1: () => numberNear(1e9),
  metricsUptimeS: () => numberNear(1e12),
};

/** A valid beat with one to three things changed (or none). */
function mutated(): unknown {
  if (random() < 0.03) return pick([...odd, 'beat', [validBeat()]]);
  const beat = validBeat();
  const metrics = beat['metrics'] as Record<string, unknown> | undefined;
  const changes = Math.floor(random() * 4);
  for (let i = 0; i < changes; i += 1) {
    const what = pick([...Object.keys(limits), 'drop', 'extra', 'metrics', 'proto']);
    if (what === 'drop') {
      const from = metrics && random() < 0.5 ? metrics : beat;
      delete from[pick(Object.keys(from))];
    } else if (what === 'extra') {
      (metrics && random() < 0.5 ? metrics : beat)[pick(['extra', 'tags', 'time2'])] = 'more';
    } else if (what === 'metrics') beat['metrics'] = pick(odd);
    else if (what === 'proto') Object.assign(beat, JSON.parse('{"__proto__": {"time": 1}}'));
    else if (what === 'time' || what === 'uptimeS') beat[what] = limits[what]?.();
    else if (metrics) metrics[what === 'metricsUptimeS' ? 'uptimeS' : what] = limits[what]?.();
  }
  return beat;
}

function handedOnByDesign(beat: unknown): boolean {
  const fields = beat as Record<string, unknown>;
  const metrics = fields['metrics'] as Record<string, unknown> | undefined;
  if ('metrics' in fields && metrics === undefined) return true;
  const long = (value: unknown, max: number): boolean =>
    typeof value === 'string' && value.length > max;
  return long(metrics?.['hostname'], 256) || long(metrics?.['platform'], 64);
}

test('over 20,000 beats the plain check and zod agree: what passes, and what comes out', () => {
  let passed = 0;
  let refused = 0;
  for (let i = 0; i < 20_000; i += 1) {
    const beat = mutated();
    const plain = plainBeat(beat);
    const zod = heartbeatResultSchema.safeParse(beat);
    const shown = (): string => JSON.stringify(beat) ?? String(beat);
    if (plain !== null) {
      assert.ok(zod.success, `the plain check passed what zod refuses: ${shown()}`);
      assert.deepEqual(plain, zod.data, `not what zod gives: ${shown()}`);
      assert.deepEqual(Object.keys(plain), Object.keys(zod.data), `keys differ: ${shown()}`);
      passed += 1;
    } else {
      // Handed to zod: only a beat with a `metrics` key holding undefined (never from JSON), or
      // a name longer than its limit in UTF-16 units (zod counts code points), may pass there.
      if (zod.success)
        assert.ok(handedOnByDesign(beat), `a plain beat zod passes was handed on: ${shown()}`);
      else refused += 1;
    }
  }
  assert.ok(passed > 5000 && refused > 5000, `both kinds in the corpus: ${passed} / ${refused}`);
});

test('a beat that does not pass is worded by zod, naming the field', () => {
  assert.throws(
    () => agentBeat({ time: 1, uptimeS: 2, metrics: { hostname: 'h', platform: 'linux' } }),
    /a beat from the agent is malformed \(metrics\.cpuPercent: /,
  );
  assert.throws(() => agentBeat({ time: -1, uptimeS: 2 }), /malformed \(time: /);
  assert.deepEqual(agentBeat({ time: 1, uptimeS: 2, extra: 'x' }), { time: 1, uptimeS: 2 });
});
