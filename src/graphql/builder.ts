// The Pothos schema builder every type file registers on. Fields are non-null unless they say
// otherwise, so the printed SDL and the generated client types are honest about absence.

import SchemaBuilder from '@pothos/core';
import type { GraphQLContext } from './context.js';
import { parseDateTime, serializeDateTime } from './dates.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  DefaultFieldNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date };
  };
}>({
  defaultFieldNullability: false,
});

builder.scalarType('JSON', {
  description: 'Any JSON value (objects, arrays, strings, numbers, booleans, null).',
  serialize: (value) => value,
  parseValue: (value) => value,
});

builder.scalarType('DateTime', {
  description:
    'A point in time: an ISO 8601 (RFC 3339) date and time with a zone, e.g. "2026-11-25T03:00:00Z"; always UTC to the millisecond on output. New time fields use it; older ones are ISO 8601 Strings.',
  serialize: serializeDateTime,
  parseValue: parseDateTime,
});

builder.queryType({ description: 'Read the fleet: clients, tags, events, enrollment tokens.' });
builder.mutationType({
  description: 'Act on the fleet: run commands, change settings, accept keys.',
});
builder.subscriptionType({ description: 'Live fleet events, over graphql-ws (WebSocket) or SSE.' });
