// The types of this schema's field builders, for helpers that build a field or an argument
// shared by several type files (./iso-time-fields.ts, ./id-mutation.ts …).

import type { builder } from './builder.js';

/** The schema types `builder` was made with (context, scalars, nullability). */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** What `fields: (t) => …` receives for an object type whose resolvers get `Parent`. */
export type ObjectFields<Parent> = PothosSchemaTypes.ObjectFieldBuilder<Types, Parent>;

/** What `builder.mutationFields((t) => …)` receives. */
export type MutationFields = PothosSchemaTypes.MutationFieldBuilder<Types, Types['Root']>;
