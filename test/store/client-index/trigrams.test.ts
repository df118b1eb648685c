// The trigram postings against a plain scan: every text holding a needle is among its candidates
// through changes, removals and rebuilds; and a needle of two words that are each common but
// rarely together gets about as many candidates as texts hold it (the rarest postings
// intersected), not every text holding its rarer word.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTrigramIndex } from '../../../src/store/client-index/trigrams.js';

function randomOf(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32;
}

const WORDS = ['replica', 'primary', 'billing', 'search', 'postgresql', 'redis', 'eu-west', 'café'];

test('candidates hold every text that holds the needle, through changes and rebuilds', () => {
  const random = randomOf(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const index = createTrigramIndex();
  const texts: (string | null)[] = [];
  const phrase = (): string =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(WORDS)).join(' ');
  for (let round = 0; round < 6_000; round += 1) {
    const slot = Math.floor(random() * 1_500);
    const text = random() < 0.1 ? null : phrase();
    texts[slot] = text;
    index.set(slot, text);
  }
  const needles = [
    ...WORDS,
    'replica billing',
    'billing replica',
    'ql re',
    'ica pri',
    'afé',
    'no such words',
  ];
  for (const needle of needles) {
    const candidates = new Set(index.candidates(needle));
    const holding = texts.flatMap((text, slot) => (text?.includes(needle) ? [slot] : []));
    for (const slot of holding) assert.ok(candidates.has(slot), `"${needle}": slot ${slot}`);
  }
  assert.equal(index.candidates('ab'), null, 'shorter than a trigram: the caller scans');
});

test('two words, each common, rarely together: the candidates are about the texts holding both', () => {
  const index = createTrigramIndex();
  const texts: string[] = [];
  // 2,000 replicas and 2,000 of the billing team's, 100 of them both; 6,000 of neither.
  for (let slot = 0; slot < 10_000; slot += 1) {
    const replica = slot < 2_000;
    const billing = slot >= 1_900 && slot < 3_900;
    const text = `${replica ? 'postgresql replica' : 'nightly backup target'} (${billing ? 'billing' : 'core'})`;
    texts.push(text);
    index.set(slot, text);
  }
  const needle = 'replica (billing)';
  const holding = texts.filter((text) => text.includes(needle)).length;
  assert.equal(holding, 100);
  const candidates = new Set(index.candidates(needle));
  // The rarest trigram alone names 2,000 texts.
  assert.ok(candidates.size < 2 * holding, `${candidates.size} candidates for ${holding} texts`);
});
