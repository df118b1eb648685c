// A tag is a name shared by clients; the client side owns the many-to-many link.

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const TagEntity = defineEntity({
  name: 'Tag',
  tableName: 'tag',
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(128).unique(),
  },
});

export type Tag = InferEntity<typeof TagEntity>;
