// Sets of slots (the client index's small whole numbers, one per client) as bits: a tag's
// clients, the clients not decommissioned. A conjunction of such sets is a word-by-word AND and
// its size a population count — over 100,000 clients, 3,125 words each — so a filter of tags
// and capabilities, and the count behind `totalCount`, never visit a client record.

export interface SlotBits {
  words: Uint32Array;
  /** How many slots are set. */
  size: number;
}

export function createSlotBits(): SlotBits {
  return { words: new Uint32Array(64), size: 0 };
}

/** Sets or clears `slot`. */
export function setSlot(bits: SlotBits, slot: number, on: boolean): void {
  const word = slot >>> 5;
  if (word >= bits.words.length) {
    if (!on) return;
    const grown = new Uint32Array(Math.max(word + 1, bits.words.length * 2));
    grown.set(bits.words);
    bits.words = grown;
  }
  const mask = 1 << (slot & 31);
  const value = bits.words[word] as number;
  if (((value & mask) !== 0) === on) return;
  bits.words[word] = on ? value | mask : value & ~mask;
  bits.size += on ? 1 : -1;
}

export function hasSlot(words: Uint32Array, slot: number): boolean {
  const word = slot >>> 5;
  return word < words.length && ((words[word] as number) & (1 << (slot & 31))) !== 0;
}

/** The slots in every one of `all` (at least one) and in none of `none`, as new words. */
export function intersect(all: readonly SlotBits[], none: readonly SlotBits[] = []): Uint32Array {
  let length = Number.POSITIVE_INFINITY;
  for (const bits of all) length = Math.min(length, bits.words.length);
  const out = new Uint32Array(length);
  out.set((all[0] as SlotBits).words.subarray(0, length));
  for (let i = 1; i < all.length; i += 1) {
    const words = (all[i] as SlotBits).words;
    for (let w = 0; w < length; w += 1) out[w] = (out[w] as number) & (words[w] as number);
  }
  for (const bits of none) {
    const words = bits.words;
    const shared = Math.min(length, words.length);
    for (let w = 0; w < shared; w += 1) out[w] = (out[w] as number) & ~(words[w] as number);
  }
  return out;
}

/** How many slots `words` holds. */
export function countSlots(words: Uint32Array): number {
  let n = 0;
  for (let w = 0; w < words.length; w += 1) {
    let v = words[w] as number;
    if (v === 0) continue;
    v -= (v >>> 1) & 0x55555555;
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
  }
  return n;
}

/** The slots `words` holds, in ascending order. */
export function slotsOf(words: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < words.length; w += 1) {
    let v = words[w] as number;
    while (v !== 0) {
      const low = v & -v;
      out.push(w * 32 + 31 - Math.clz32(low));
      v ^= low;
    }
  }
  return out;
}
