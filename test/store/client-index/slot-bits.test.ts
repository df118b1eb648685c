// Slot bits against plain sets: random slots set and cleared across word boundaries and growth
// (their size kept), then intersections (with exclusions), counts and the slots listed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as slotBits from '../../../src/store/client-index/slot-bits.js';

const { countSlots, createSlotBits, hasSlot, intersect, setSlot, slotsOf } = slotBits;
type SlotBits = slotBits.SlotBits;

function randomBits(seed: number, universe: number, share: number): [SlotBits, Set<number>] {
  let state = seed;
  const next = (): number => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
  const bits = createSlotBits();
  const set = new Set<number>();
  for (let i = 0; i < universe * 2; i += 1) {
    const slot = Math.floor(next() * universe);
    const on = next() < share;
    setSlot(bits, slot, on);
    if (on) set.add(slot);
    else set.delete(slot);
  }
  return [bits, set];
}

const sorted = (set: Iterable<number>): number[] => [...set].sort((a, b) => a - b);

test('slot bits hold what a set holds, across word boundaries and growth', () => {
  const [bits, set] = randomBits(7, 5_000, 0.5);
  assert.ok(bits.words.length * 32 >= 4_096, 'the bits grew past their first 64 words');
  assert.deepEqual(slotsOf(bits.words), sorted(set));
  assert.equal(countSlots(bits.words), set.size);
  assert.equal(bits.size, set.size, 'the size follows sets and clears, repeats included');
  for (const slot of [0, 31, 32, 63, 4_999, 100_000])
    assert.equal(hasSlot(bits.words, slot), set.has(slot), `slot ${slot}`);
  // The top bit of a word (a negative int32) is a slot like any other.
  const top = createSlotBits();
  setSlot(top, 31, true);
  setSlot(top, 95, true);
  assert.deepEqual(slotsOf(top.words), [31, 95]);
  assert.equal(countSlots(top.words), 2);
  setSlot(top, 31, false);
  setSlot(top, 10_000, false); // clearing beyond the words changes nothing
  assert.deepEqual(slotsOf(top.words), [95]);
  assert.equal(top.size, 1);
});

test('an intersection holds the slots in every set and in none of the excluded', () => {
  const [a, setA] = randomBits(1, 9_000, 0.6);
  const [b, setB] = randomBits(2, 3_000, 0.5); // shorter words: beyond them, nothing is in b
  const [c, setC] = randomBits(3, 12_000, 0.3);
  const words = intersect([a, b], [c]);
  const expected = sorted([...setA].filter((slot) => setB.has(slot) && !setC.has(slot)));
  assert.ok(expected.length > 0);
  assert.deepEqual(slotsOf(words), expected);
  assert.equal(countSlots(words), expected.length);
  // The inputs are left as they were.
  assert.deepEqual(slotsOf(a.words), sorted(setA));
  assert.deepEqual(slotsOf(intersect([c])), sorted(setC));
});
