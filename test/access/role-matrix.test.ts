// The role matrix over every root field of the schema, for each role, on HTTP (SSE for
// subscriptions) and graphql-ws — generated from the schema, so a new field without a rule
// (src/graphql/access.ts → fleet/access.ts) fails here. Each field is called with made-up
// arguments: a role the matrix refuses gets FORBIDDEN naming the role needed; a role it allows
// gets anything but FORBIDDEN (NOT_FOUND for the made-up client, data, …).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
} from 'graphql';
import { ruleOf } from '../../src/fleet/access.js';
import { roleAllows, roleNames, type RoleName } from '../../src/fleet/index.js';
import { rootFieldOperations } from '../../src/graphql/access.js';
import { createSchema } from '../../src/graphql/schema.js';
import { startInProcessServer, type InProcessServer } from '../support/in-process-server.js';

const schema = createSchema();
const roots: [string, GraphQLObjectType][] = [
  ['query', schema.getQueryType()!],
  ['mutation', schema.getMutationType()!],
  ['subscription', schema.getSubscriptionType()!],
];

/** A made-up value of an input type: every field filled, so filters name a missing client. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [sample(type.ofType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    if (depth > 3) return undefined;
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, sample(field.type, depth + 1)]),
    );
  }
  switch (getNamedType(type).name) {
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'JSON':
      return {};
    // An id no client, key, delivery or transfer has ("!" is not even a valid transfer id).
    default:
      return 'no-such!';
  }
}

/** The field called with every argument as a variable, and those variables' made-up values. */
function operationOf(
  kind: string,
  field: GraphQLField<unknown, unknown>,
): { document: string; variables: Record<string, unknown> } {
  const declared = field.args.map((arg, i) => `$a${i}: ${String(arg.type)}`);
  const passed = field.args.map((arg, i) => `${arg.name}: $a${i}`);
  const variables = Object.fromEntries(field.args.map((arg, i) => [`a${i}`, sample(arg.type)]));
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const head = declared.length > 0 ? `${kind} (${declared.join(', ')})` : kind;
  const call = passed.length > 0 ? `${field.name}(${passed.join(', ')})` : field.name;
  return { document: `${head} { ${call}${selection} }`, variables };
}

let server: InProcessServer;
const keys = new Map<RoleName, string>();

before(async () => {
  server = await startInProcessServer();
  for (const role of roleNames)
    keys.set(role, (await server.createKey({ name: `matrix ${role}`, role })).secret);
});
after(async () => server.close());

test('every root field has a rule, and every rule names a field', () => {
  const fields = roots.flatMap(([, type]) =>
    Object.keys(type.getFields()).map((name) => `${type.name}.${name}`),
  );
  const missing = fields.filter((field) => !(field in rootFieldOperations));
  assert.deepEqual(missing, [], 'root fields without a line in src/graphql/access.ts');
  const stale = Object.keys(rootFieldOperations).filter((field) => !fields.includes(field));
  assert.deepEqual(stale, [], 'lines in src/graphql/access.ts for fields that do not exist');
});

for (const [kind, type] of roots) {
  for (const field of Object.values(type.getFields())) {
    const operation = rootFieldOperations[`${type.name}.${field.name}`];
    test(`${type.name}.${field.name}: the matrix holds for every role on HTTP and graphql-ws`, async () => {
      assert.notEqual(operation, undefined, 'no rule');
      const rule = operation === null || operation === undefined ? 'VIEWER' : ruleOf(operation);
      const { document, variables } = operationOf(kind, field);
      for (const role of roleNames) {
        const key = keys.get(role)!;
        const replies = {
          http:
            kind === 'subscription'
              ? await server.sseOnce(key, document, variables)
              : await server.http(key, document, variables),
          'graphql-ws': await server.wsOnce(key, document, variables),
        };
        for (const [door, reply] of Object.entries(replies)) {
          const codes = (reply.errors ?? []).map((e) => e.extensions?.code);
          const refused = codes.includes('FORBIDDEN');
          const allowed = rule !== 'internal' && roleAllows(role, rule);
          assert.equal(
            refused,
            !allowed,
            `${role} on ${door}: ${document} ${JSON.stringify(variables)} → ${JSON.stringify(reply.errors ?? reply.data)}`,
          );
          if (refused) {
            const message = reply.errors!.find((e) => e.extensions?.code === 'FORBIDDEN')!.message;
            assert.match(message, new RegExp(`needs the ${rule} role`));
          }
        }
      }
    });
  }
}
