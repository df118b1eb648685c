// The tags the fleet carries: a tag exists while at least one client that is not
// decommissioned carries it. (Which names are accepted: validation.ts isValidTag.)

import type { Store } from '../store/index.js';
import { MAX_TAG_CHARS } from './limits.js';
import { bad } from './validation.js';

/** A tag as the doors show it; its clients and their count are loaded per request. */
export interface TagView {
  name: string;
}

export function createTags(store: Store) {
  return {
    async list(): Promise<TagView[]> {
      return (await store.tags.inUse()).map((name) => ({ name }));
    },

    async find(name: string): Promise<TagView | null> {
      if (name.length > MAX_TAG_CHARS) throw bad('A tag is at most 128 characters.');
      const counts = await store.tags.clientCounts([name]);
      return (counts.get(name) ?? 0) > 0 ? { name } : null;
    },
  };
}
