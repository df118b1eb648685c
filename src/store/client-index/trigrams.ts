// Substring search over many short texts: for every three-character sequence (trigram), the
// slots of the texts that contain it. A needle's rarest trigram names a small superset of the
// texts that contain the needle; the caller checks each candidate with `includes`.
//
// Postings only grow: a text that changes gets the trigrams of its new value appended, and the
// old ones stay as stale candidates (the caller's check discards them). Texts change rarely (an
// operator renames a client); when stale postings pass a quarter of the total, everything is
// rebuilt from the current texts. Memory: about 4 bytes per trigram of every text (≈ 60 per
// client), in typed arrays that grow by doubling.

/** Needles shorter than this have no trigram: the caller scans instead. */
export const TRIGRAM_LENGTH = 3;

interface Posting {
  slots: Int32Array;
  length: number;
}

export interface TrigramIndex {
  /** Records (or replaces) the text of `slot`; null removes it from later rebuilds. */
  set(slot: number, text: string | null): void;
  /**
   * Slots that may contain `needle` (a superset, possibly with repeats), or null when the
   * needle is too short to use the index.
   */
  candidates(needle: string): Int32Array | null;
}

function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + TRIGRAM_LENGTH <= text.length; i += 1)
    out.add(text.slice(i, i + TRIGRAM_LENGTH));
  return out;
}

export function createTrigramIndex(): TrigramIndex {
  let postings = new Map<string, Posting>();
  const texts: (string | null)[] = [];
  let total = 0;
  let stale = 0;

  function add(slot: number, text: string): number {
    let added = 0;
    for (const gram of trigramsOf(text)) {
      let posting = postings.get(gram);
      if (!posting) postings.set(gram, (posting = { slots: new Int32Array(4), length: 0 }));
      if (posting.length === posting.slots.length) {
        const grown = new Int32Array(posting.slots.length * 2);
        grown.set(posting.slots);
        posting.slots = grown;
      }
      posting.slots[posting.length++] = slot;
      added += 1;
    }
    return added;
  }

  function rebuild(): void {
    postings = new Map();
    total = 0;
    stale = 0;
    texts.forEach((text, slot) => {
      if (text !== null) total += add(slot, text);
    });
  }

  return {
    set(slot, text) {
      const previous = texts[slot] ?? null;
      if (previous === text) return;
      texts[slot] = text;
      if (previous !== null) stale += trigramsOf(previous).size;
      if (text !== null) total += add(slot, text);
      if (stale > 1024 && stale * 4 > total) rebuild();
    },

    candidates(needle) {
      if (needle.length < TRIGRAM_LENGTH) return null;
      let best: Posting | null = null;
      for (const gram of trigramsOf(needle)) {
        const posting = postings.get(gram);
        if (!posting) return new Int32Array(0);
        if (best === null || posting.length < best.length) best = posting;
      }
      return best === null ? new Int32Array(0) : best.slots.subarray(0, best.length);
    },
  };
}
