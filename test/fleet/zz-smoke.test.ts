import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startFleetHarness } from '../support/fleet-harness.js';

const t0 = Date.now();
test('smoke', async () => {
  console.log('loaded', Date.now() - t0, process.uptime());
  let t = Date.now();
  const h = await startFleetHarness({ hubLimits: { keepaliveIntervalMs: 300, keepaliveCountMax: 2 } });
  console.log('start', Date.now() - t); t = Date.now();
  const [a, b] = await h.addAgents(2);
  console.log('agents', Date.now() - t); t = Date.now();
  const since = h.events.mark();
  b!.freeze();
  await h.events.next({ type: 'client.disconnected', clientUuid: b!.uuid }, { since });
  console.log('frozen->offline', Date.now() - t); t = Date.now();
  b!.thaw();
  await h.events.next({ type: 'client.connected', clientUuid: b!.uuid }, { since });
  console.log('thaw->online', Date.now() - t); t = Date.now();
  await h.close(); console.log('close', Date.now() - t);
  void a;
});
process.on('exit', () => console.log('exit at', process.uptime()));
