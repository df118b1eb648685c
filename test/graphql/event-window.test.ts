// The live tab's rolling window: the starting events first, then the whole window again per new
// event, newest first, cut at the limit; an event the start already held is not counted twice;
// closing the window closes the live stream under it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FleetEvent } from '../../src/fleet/index.js';
import { createAsyncQueue } from '../../src/lib/async-queue.js';
import { eventWindow } from '../../src/graphql/event-window.js';

const event = (id: number): FleetEvent => ({
  id,
  type: 'client.connected',
  clientUuid: '00000000-0000-4000-8000-000000000001',
  at: new Date(1_800_000_000_000 + id),
  data: {},
  actor: null,
});
const ids = (window: FleetEvent[] | void): number[] => (window ?? []).map((e) => e.id);

test('the window starts with the trail, then slides with each new event', async () => {
  let closed = false;
  const live = createAsyncQueue<FleetEvent>({ maxBuffered: 10, onClose: () => (closed = true) });
  const window = eventWindow([event(5), event(4), event(3)], live, 3);
  assert.deepEqual(ids((await window.next()).value), [5, 4, 3]);
  // Published while the trail was read: already in the window.
  live.push(event(5));
  live.push(event(6));
  assert.deepEqual(ids((await window.next()).value), [6, 5, 4]);
  live.push(event(7));
  assert.deepEqual(ids((await window.next()).value), [7, 6, 5]);
  await window.return();
  assert.ok(closed, 'the live stream is closed with the window');
});

test('a fresh trail starts empty and fills up to the limit', async () => {
  const live = createAsyncQueue<FleetEvent>({ maxBuffered: 10 });
  const window = eventWindow([], live, 2);
  assert.deepEqual(ids((await window.next()).value), []);
  live.push(event(1));
  live.push(event(2));
  live.push(event(3));
  assert.deepEqual(ids((await window.next()).value), [1]);
  assert.deepEqual(ids((await window.next()).value), [2, 1]);
  assert.deepEqual(ids((await window.next()).value), [3, 2]);
  live.end();
  assert.equal((await window.next()).done, true);
});
