// The identity of a document for trusted documents: print(parse(text)), hashed with SHA-256.
// Layout, commas and comments do not change it; anything that changes what runs does.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { parse } from 'graphql';
import {
  documentHash,
  hashNormalisedDocument,
  isDocumentHash,
  normaliseDocument,
} from '../../src/lib/document-hash.js';

const hashOf = (text: string): string => documentHash(parse(text));

test('the normal form is graphql-js print; the hash its SHA-256', () => {
  const normal = normaliseDocument('query   Q { clients  { uuid , clientId } }');
  assert.equal(normal, 'query Q {\n  clients {\n    uuid\n    clientId\n  }\n}');
  assert.equal(hashNormalisedDocument(normal), createHash('sha256').update(normal).digest('hex'));
  assert.equal(hashOf('query Q { clients { uuid clientId } }'), hashNormalisedDocument(normal));
  assert.ok(isDocumentHash(hashOf('{ tags { name } }')));
  assert.ok(!isDocumentHash('ABC'));
});

test('layout, commas and comments do not matter; fields, names and arguments do', () => {
  const base = hashOf('{ clients { uuid clientId } }');
  assert.equal(hashOf('# a comment\n{\n  clients {uuid,clientId}\n}\n'), base);
  assert.notEqual(hashOf('{ clients { clientId uuid } }'), base, 'field order');
  assert.notEqual(hashOf('query Named { clients { uuid clientId } }'), base, 'a name');
  assert.notEqual(hashOf('{ clients(filter: {onlineOnly: true}) { uuid clientId } }'), base);
});

test('a syntax error throws', () => {
  assert.throws(() => normaliseDocument('{ clients { '), /Syntax Error/);
});
