import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isInputObjectType, isObjectType, isEnumType } from 'graphql';
import { createSchema, printSchemaSdl } from '../../src/graphql/schema.js';

test('schema.graphql is the printed schema (run "npm run schema" after an API change)', () => {
  assert.equal(readFileSync('schema.graphql', 'utf8'), printSchemaSdl());
});

test('every type, field, argument and enum value has a description', () => {
  const missing: string[] = [];
  for (const type of Object.values(createSchema().getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args)
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues())
        if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the contract names tests and users rely on exist', () => {
  const schema = createSchema();
  const query = schema.getQueryType()?.getFields() ?? {};
  const mutation = schema.getMutationType()?.getFields() ?? {};
  const subscription = schema.getSubscriptionType()?.getFields() ?? {};
  for (const name of ['clients', 'client']) assert.ok(query[name], `Query.${name}`);
  for (const name of ['runCommand', 'acceptKey']) assert.ok(mutation[name], `Mutation.${name}`);
  assert.ok(subscription['clientEvents']);
  const client = schema.getType('Client');
  assert.ok(isObjectType(client));
  for (const field of [
    'uuid',
    'clientId',
    'displayName',
    'purpose',
    'tags',
    'capabilities',
    'online',
    'health',
    'keyMismatch',
    'publicKeyFingerprint',
    'previousFingerprint',
    'allowedPaths',
    'webhookUrl',
    'rateLimitRpm',
    'rateLimitConcurrent',
    'rateLimitMode',
    'hostname',
    'platform',
    'firstSeen',
    'lastSeen',
    'connectionCount',
  ]) {
    assert.ok(client.getFields()[field], `Client.${field}`);
  }
  const result = schema.getType('CommandResult');
  assert.ok(isObjectType(result));
  assert.deepEqual(Object.keys(result.getFields()).sort(), [
    'durationMs',
    'returncode',
    'stderr',
    'stdout',
    'timedOut',
    'truncated',
  ]);
  const run = mutation['runCommand'];
  assert.equal(run?.args.find((a) => a.name === 'timeout')?.defaultValue, 300);
});
