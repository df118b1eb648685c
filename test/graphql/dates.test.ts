// The DateTime scalar: RFC 3339 with a zone in, UTC to the millisecond out; anything else is
// refused before a resolver runs, with a message that shows the expected form.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  graphql,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { parseDateTime, serializeDateTime } from '../../src/graphql/dates.js';
import { createSchema } from '../../src/graphql/schema.js';

test('DateTime reads RFC 3339 with a zone and writes UTC', () => {
  assert.equal(parseDateTime('2026-11-25T03:00:00Z').toISOString(), '2026-11-25T03:00:00.000Z');
  assert.equal(
    parseDateTime('2026-11-25T04:30:00.5+01:30').toISOString(),
    '2026-11-25T03:00:00.500Z',
  );
  assert.equal(parseDateTime('2026-11-25t03:00:00z').toISOString(), '2026-11-25T03:00:00.000Z');
  assert.equal(serializeDateTime(new Date(Date.UTC(2026, 10, 25, 3))), '2026-11-25T03:00:00.000Z');
  assert.equal(serializeDateTime('2026-11-25T04:00:00+01:00'), '2026-11-25T03:00:00.000Z');
});

test('DateTime refuses what is not a real instant with a zone', () => {
  for (const bad of [
    '2026-11-25',
    '2026-11-25T03:00:00',
    '2026-02-30T00:00:00Z',
    '2026-11-25T24:00:00Z',
    '2026-11-25 03:00:00Z',
    'yesterday',
    1_800_000_000_000,
    null,
  ])
    assert.throws(() => parseDateTime(bad), /DateTime/, String(bad));
  assert.throws(() => serializeDateTime(new Date(Number.NaN)), /invalid Date/);
});

test('the schema has the DateTime scalar; a bad variable is refused, naming the form', async () => {
  const DateTime = createSchema().getType('DateTime');
  assert.ok(DateTime instanceof GraphQLScalarType);
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        at: {
          type: GraphQLString,
          args: { t: { type: new GraphQLNonNull(DateTime) } },
          resolve: (_root, args: { t: Date }) => args.t.toISOString(),
        },
      },
    }),
  });
  const source = 'query ($t: DateTime!) { at(t: $t) }';
  const ok = await graphql({ schema, source, variableValues: { t: '2026-11-25T04:00:00+01:00' } });
  assert.equal(ok.errors, undefined);
  assert.equal(ok.data?.['at'], '2026-11-25T03:00:00.000Z');
  const bad = await graphql({ schema, source, variableValues: { t: 'soon' } });
  assert.match(
    String(bad.errors?.[0]?.message),
    /^Variable "\$t" got invalid value "soon".*"2026-11-25T03:00:00Z"/,
  );
});
