// Mutations that act on one thing named by an id (acceptKey, closeSession, revokeApiKey …): the
// field, its one required `id` argument, and a resolver that hands the id and the caller to the
// fleet and answers with the thing as it is afterwards.

import type { ObjectRef } from '@pothos/core';
import type { MutationFields, Types } from './builder-types.js';
import type { Caller, Fleet } from '../fleet/index.js';

export interface IdMutation<Shape> {
  /** What the mutation does (the field's description). */
  description: string;
  /** What the id names and how (the argument's description). */
  id: string;
  /** The fleet's action on the thing with this id, on the caller's behalf. */
  act: (fleet: Fleet, id: string, caller: Caller) => Promise<Shape> | Shape;
}

/** A mutation `name(id: ID!): Type!` that acts on the thing with that id. */
export function idMutation<Shape>(
  t: MutationFields,
  type: ObjectRef<Types, Shape>,
  { description, id, act }: IdMutation<Shape>,
) {
  return t.field({
    type,
    description,
    args: { id: t.arg.id({ required: true, description: id }) },
    // Pothos cannot tell whether a generic Shape is a list, so it cannot check this return against
    // `type`; `act` returning Promise<Shape> for an ObjectRef of Shape is what makes it right.
    resolve: (_root, args, ctx) => act(ctx.fleet, String(args.id), ctx.caller) as never,
  });
}
