// The list-aware cost of an operation, checked before it runs: how many fields its answer may
// hold, counting every list at its size — from the field's `limit`/`first`/`last` argument
// (a literal, a variable or the default), or an assumed size for lists without one
// (`Tag.clients`, `Query.clients`). graphql-armor's cost counts a field once whatever list holds
// it, so cyclic lists nested within the depth limit (`Tag.clients → Client.tags → …`,
// `ClientEvent.client → Client.recentEvents(limit: 100) → …`) grew answers of hundreds of
// megabytes and stalled the event loop (and every agent's keepalive) for a minute (issue 17,
// item 3). An operation over the limit is refused with a code and the costliest path; nothing runs.

import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ErrorCode } from '../errors.js';
import {
  MAX_DELIVERIES_LIST,
  MAX_EVENT_LIMIT,
  MAX_JOB_RESULTS_PAGE,
  MAX_LIST_ENTRIES,
  MAX_PAGE_SIZE,
  MAX_RECENT_EVENTS,
  MAX_SESSIONS_LIST,
} from '../fleet/limits.js';
import { codedError } from './errors.js';

/** A list's size when no argument bounds it. */
export const ASSUMED_LIST_SIZE = 100;
/** Lists known to stay small, counted at this size rather than ASSUMED_LIST_SIZE. */
const SMALL_LISTS: Readonly<Record<string, number>> = Object.freeze({
  'Client.tags': 10,
  'ResourceSample.over': 3,
  // An error names a step or two (the operation to call next).
  'OperationError.nextSteps': 3,
});
/**
 * The largest size each field accepts: a larger argument is counted at this size, so the field's
 * own refusal ("first must be from 1 to 1000") answers it rather than a cost estimate.
 */
const FIELD_MAXIMA: Readonly<Record<string, number>> = Object.freeze({
  'BulkJob.results': MAX_JOB_RESULTS_PAGE,
  'Client.recentCommands': MAX_RECENT_EVENTS,
  'Client.recentEvents': MAX_RECENT_EVENTS,
  'Query.clientsConnection': MAX_PAGE_SIZE,
  'Query.events': MAX_EVENT_LIMIT,
  'Query.listFiles': MAX_LIST_ENTRIES,
  'Query.sessions': MAX_SESSIONS_LIST,
  'Query.webhookDeliveries': MAX_DELIVERIES_LIST,
  'Subscription.recentClientEvents': MAX_RECENT_EVENTS,
});
/** Arguments that bound a list's (or a connection's page's) size. */
const SIZE_ARGUMENTS = ['limit', 'first', 'last'] as const;

export interface ListCost {
  /** Fields the answer may hold. */
  cost: number;
  /** The costliest chain of fields, each with its size ("clients×100 → tags×10"). */
  path: string;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** The list-aware cost of the operation `operationName` (or the only one) of `document`. */
export function listCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables?: Variables,
): ListCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (!operationName || definition.name?.value === operationName) operation ??= definition;
    }
  }
  if (!operation) return { cost: 0, path: '' };
  const root = schema.getRootType(operation.operation);
  if (!root) return { cost: 0, path: '' };

  // A field's size argument bounds the field itself when it is a list (`events(limit:)`), or the
  // list just below it when it is not (`clientsConnection(first:) { nodes }`, `listFiles(limit:)
  // { entries }`): `page` carries it down one level.
  const argumentSize = (parent: string, field: GraphQLField<unknown, unknown>, node: FieldNode) => {
    for (const name of SIZE_ARGUMENTS) {
      const definition = field.args.find((arg) => arg.name === name);
      if (!definition) continue;
      const given = node.arguments?.find((arg) => arg.name.value === name);
      const value = given
        ? valueFromAST(given.value, definition.type, variables ?? undefined)
        : definition.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value))
        return Math.min(Math.max(1, value), FIELD_MAXIMA[`${parent}.${field.name}`] ?? Infinity);
      return ASSUMED_LIST_SIZE; // an argument given as null: unbounded
    }
    return null;
  };
  const isList = (field: GraphQLField<unknown, unknown>) => {
    const named = getNamedType(field.type);
    // Lists of scalars (paths, capabilities) are bounded by what the fleet accepts: one field.
    return (
      (isObjectType(named) || isInterfaceType(named)) && isListType(getNullableType(field.type))
    );
  };
  const sizeOf = (parent: string, field: GraphQLField<unknown, unknown>, page: number | null) => {
    if (!isList(field)) return 1;
    return page ?? SMALL_LISTS[`${parent}.${field.name}`] ?? ASSUMED_LIST_SIZE;
  };

  // Returns the selection's cost for one parent object, and its costliest path. Fragment cycles
  // are refused by validation before this runs; `seen` guards all the same.
  const walk = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    seen: ReadonlySet<string>,
    page: number | null,
  ): ListCost => {
    let cost = 0;
    let worst: ListCost = { cost: 0, path: '' };
    const add = (part: ListCost) => {
      cost += part.cost;
      if (part.cost > worst.cost) worst = part;
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        const field = type.getFields()[selection.name.value];
        if (!field) continue; // __typename and the introspection fields
        const bound = argumentSize(type.name, field, selection);
        const list = isList(field);
        const size = list ? (bound ?? sizeOf(type.name, field, page)) : 1;
        const label = size > 1 ? `${field.name}×${size}` : field.name;
        const inner = selection.selectionSet
          ? walk(selection.selectionSet, getNamedType(field.type), seen, list ? null : bound)
          : { cost: 0, path: '' };
        add({
          cost: size * (1 + inner.cost),
          path: inner.path ? `${label} → ${inner.path}` : label,
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) ?? type)
          : type;
        add(walk(selection.selectionSet, on, seen, page));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        add(walk(fragment.selectionSet, on, new Set([...seen, name]), page));
      }
    }
    return { cost, path: worst.path };
  };
  return walk(operation.selectionSet, root, new Set(), null);
}

/** Refuses, before it runs or subscribes, an operation whose answer may exceed `maxCost` fields. */
export function useListCostLimit(maxCost: number): Plugin {
  const check = (args: {
    schema: GraphQLSchema;
    document: DocumentNode;
    operationName?: string | null | undefined;
    variableValues?: Variables;
  }) => {
    const { cost, path } = listCost(
      args.schema,
      args.document,
      args.operationName,
      args.variableValues,
    );
    if (cost <= maxCost) return null;
    const found = cost < 1e15 ? String(Math.ceil(cost)) : 'far more';
    return {
      errors: [
        codedError(
          ErrorCode.graphqlValidationFailed,
          `Query cost limit of ${maxCost} exceeded, found ${found}: lists are counted at their size (limit/first, or ${ASSUMED_LIST_SIZE} when unbounded), and the costliest part is ${path}. Ask for smaller pages (limit/first), fewer nested lists or fewer fields, or split the operation.`,
          { extensions: { limit: true, cost: Math.min(cost, Number.MAX_SAFE_INTEGER), path } },
        ),
      ],
    };
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
}
