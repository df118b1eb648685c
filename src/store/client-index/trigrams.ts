// Substring search over many short texts: for every three-character sequence (trigram), the
// slots of the texts that contain it. A needle's rarest trigram names a small superset of the
// texts that contain the needle, and the next rarest ones, intersected with it, a smaller one;
// the caller checks each candidate with `includes`.
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

/** How many postings past the rarest a lookup intersects, at most. */
const MAX_INTERSECTED = 4;
/** Fewer candidates than this are checked as they are. */
const MIN_TO_INTERSECT = 64;
/** A posting is intersected while it is at most this many times the candidates left. */
const INTERSECT_RATIO = 8;

/** Same length, same first, middle and last slot: most likely the same texts (a guess). */
function looksSame(a: Posting, b: Posting): boolean {
  const { length } = a;
  if (length !== b.length) return false;
  if (length === 0) return true;
  const middle = length >> 1;
  return (
    a.slots[0] === b.slots[0] &&
    a.slots[middle] === b.slots[middle] &&
    a.slots[length - 1] === b.slots[length - 1]
  );
}

export function createTrigramIndex(): TrigramIndex {
  let postings = new Map<string, Posting>();
  const texts: (string | null)[] = [];
  let total = 0;
  let stale = 0;
  /** Per slot, the last intersection that marked it (slots grow; the array with them). */
  let marks = new Uint32Array(1024);
  let mark = 0;

  /** The slots of `candidates` that `posting` holds too (repeats kept). */
  function intersect(candidates: Int32Array, posting: Posting): Int32Array {
    mark += 1;
    if (mark === 0xffff_ffff) {
      marks.fill(0);
      mark = 1;
    }
    for (let i = 0; i < posting.length; i += 1) {
      const slot = posting.slots[i] as number;
      if (slot >= marks.length) {
        const grown = new Uint32Array(Math.max(slot + 1, marks.length * 2));
        grown.set(marks);
        marks = grown;
      }
      marks[slot] = mark;
    }
    const kept = new Int32Array(candidates.length);
    let length = 0;
    for (const slot of candidates) if (marks[slot] === mark) kept[length++] = slot;
    return kept.subarray(0, length);
  }

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
      const found: Posting[] = [];
      for (const gram of trigramsOf(needle)) {
        const posting = postings.get(gram);
        if (!posting) return new Int32Array(0);
        found.push(posting);
      }
      found.sort((a, b) => a.length - b.length);
      const [rarest] = found;
      if (!rarest) return new Int32Array(0);
      let slots = rarest.slots.subarray(0, rarest.length);
      // A text holding the needle holds each of its trigrams, so the rarest postings intersected
      // name fewer candidates: of "postgresql replica (billing)", "pli" names every replica and
      // " (b" every client of the billing team. The trigrams of one word name the same texts:
      // a posting that looks like the last one taken is passed over. A posting is taken only
      // while it costs little beside the candidates it may take away.
      let taken = rarest;
      let intersected = 0;
      for (const posting of found) {
        if (slots.length < MIN_TO_INTERSECT || intersected === MAX_INTERSECTED) break;
        if (posting.length > slots.length * INTERSECT_RATIO) break;
        if (looksSame(posting, taken)) continue;
        taken = posting;
        intersected += 1;
        slots = intersect(slots, posting);
      }
      return slots;
    },
  };
}
