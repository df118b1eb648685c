// Keeps the architecture of DESIGN.md / STYLE.md true, each rule a check over src/ that names
// what breaks it: which directory may import which (the doors see the fleet only through
// fleet/index.ts and fleet/limits.ts), no import cycle (type imports included), the store seam
// (no ORM import or SQL outside src/store/), file sizes, and no raw error-code string outside the
// catalogue. Each rule is also run on a small fixture tree that breaks it, so a check that
// silently stopped matching would fail here. The checks live in test/support/architecture.ts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { errorCodes } from '../src/errors.js';
import { AgentErrorCode } from '../src/protocol/rpc.js';
import {
  importCycles,
  layeringViolations,
  lineCount,
  longFiles,
  ormImportsOutsideStore,
  rawErrorCodes,
  readTree,
  sqlLines,
  sqlOutsideStore,
  treeOf,
  type Layering,
  type RawCodeRules,
} from './support/architecture.js';

/**
 * The fleet's public surface, its pure constants and its role matrix (the only fleet modules
 * doors may import: the matrix is what they list tools and print docs by; the fleet enforces it).
 */
const FLEET_SURFACE = ['fleet/index.ts', 'fleet/limits.ts', 'fleet/access.ts'];

const LAYERING: Layering = {
  protocol: [],
  lib: [],
  generated: [],
  store: ['lib'],
  hub: ['protocol', 'lib'],
  agent: ['protocol', 'lib', 'logger.ts', 'version.ts'],
  fleet: ['hub', 'store', 'lib', 'protocol', 'errors.ts'],
  graphql: [...FLEET_SURFACE, 'protocol', 'lib', 'errors.ts'],
  // Never cli/: what the CLI and the stdio bridge share lives in client/.
  mcp: [...FLEET_SURFACE, 'protocol', 'lib', 'errors.ts', 'generated', 'client'],
  // The CLI talks GraphQL over the network: of the fleet, only its limits (pure constants).
  // Of the protocol, only the pure wire formats of the /stream path (shells and tunnels).
  cli: [
    'generated',
    'lib',
    'errors.ts',
    'client',
    'fleet/limits.ts',
    'protocol/ws-stream.ts',
    'protocol/shell-frames.ts',
  ],
  // The /stream door (issue 16): a door like graphql and mcp.
  stream: [...FLEET_SURFACE, 'protocol', 'lib', 'errors.ts'],
  client: ['generated', 'lib', 'errors.ts', 'protocol/ws-stream.ts'],
};

const MAX_LINES = 400;
const MAX_WIRING_LINES = 200;

const CODE_RULES: RawCodeRules = {
  codes: errorCodes,
  catalogue: 'errors.ts',
  wireCodes: Object.values(AgentErrorCode),
  wireAreas: ['protocol', 'agent', 'hub'],
};

const src = readTree(resolve('src'));

test('imports follow the layering', () => {
  assert.deepEqual(layeringViolations(src, LAYERING), []);
});

test('no import cycle in src/, type imports included', () => {
  assert.deepEqual(importCycles(src), []);
});

test('no @mikro-orm/* (or driver) import outside src/store/', () => {
  assert.deepEqual(ormImportsOutsideStore(src), []);
});

test('no SQL outside src/store/', () => {
  assert.deepEqual(sqlOutsideStore(src), []);
});

test(`no file in src/ over ${MAX_LINES} lines (generated code excepted)`, () => {
  assert.deepEqual(longFiles(src, MAX_LINES), []);
});

test(`src/fleet/fleet.ts is wiring: at most ${MAX_WIRING_LINES} lines`, () => {
  const lines = lineCount(src.get('fleet/fleet.ts') ?? '');
  assert.ok(lines > 0, 'src/fleet/fleet.ts is missing: update this rule if the wiring moved');
  assert.ok(lines <= MAX_WIRING_LINES, `src/fleet/fleet.ts has ${lines} lines`);
});

test('no raw error-code string in src/ outside the catalogue', () => {
  assert.deepEqual(rawErrorCodes(src, CODE_RULES), []);
});

// ── each rule fails when broken ──────────────────────────────────────────────────────────────

test('the layering check refuses a door reaching into the fleet, mcp/ importing cli/, the CLI importing the fleet', () => {
  const tree = treeOf({
    'fleet/index.ts': `export type { Fleet } from './fleet.js';`,
    'fleet/limits.ts': `export const MAX = 1;`,
    'fleet/gate.ts': `export const gate = 1;`,
    'fleet/fleet.ts': `import type { Store } from '../store/index.js';`,
    'store/index.ts': `import { x } from '../lib/x.js';`,
    'lib/x.ts': `export const x = 1;`,
    'graphql/ok.ts': `import type { Fleet } from '../fleet/index.js';\nimport { MAX } from '../fleet/limits.js';`,
    'graphql/bad.ts': `import type {\n  Gate,\n} from '../fleet/gate.js';`,
    'mcp/bad.ts': `import { run } from '../cli/run.js';`,
    'mcp/lazy.ts': `const m = await import('../fleet/gate.js');`,
    'cli/run.ts': `import { MAX } from '../fleet/limits.js';\nexport type { Fleet } from '../fleet/index.js';`,
    'hub/bad.ts': `import '../store/index.js';`,
    'main.ts': `import '../fleet/gate.js';`,
  });
  assert.deepEqual(layeringViolations(tree, LAYERING).sort(), [
    'cli/run.ts imports fleet/index.ts',
    'graphql/bad.ts imports fleet/gate.ts',
    'hub/bad.ts imports store/index.ts',
    'mcp/bad.ts imports cli/run.ts',
    'mcp/lazy.ts imports fleet/gate.ts',
  ]);
});

test('the cycle check finds cycles through type imports, re-exports and index files', () => {
  const tree = treeOf({
    'fleet/fleet.ts': `import type { Caller } from './files.js';\nexport type Fleet = 1;`,
    'fleet/files.ts': `import type { Fleet } from './fleet.js';`,
    'fleet/a.ts': `export * from './b.js';`,
    'fleet/b.ts': `import { c } from './c/index.js';`,
    'fleet/c/index.ts': `export { a } from '../a.js';`,
    'fleet/self.ts': `import type { X } from './self.js';`,
    'fleet/ok.ts': `import type { Fleet } from './fleet.js';`,
  });
  assert.deepEqual(importCycles(tree).sort(), [
    'fleet/a.ts → fleet/b.ts → fleet/c/index.ts → fleet/a.ts',
    'fleet/files.ts → fleet/fleet.ts → fleet/files.ts',
    'fleet/self.ts → fleet/self.ts',
  ]);
});

test('the store-seam checks refuse ORM imports and SQL outside src/store/', () => {
  const tree = treeOf({
    'store/clients.ts': `import { EntityManager } from '@mikro-orm/core';\nconst q = 'SELECT id FROM clients';`,
    'fleet/registry.ts': `import type { EntityManager } from '@mikro-orm/sqlite';`,
    'fleet/events.ts': [
      `// we select the rows from the outbox (prose, not SQL)`,
      'const rows = await em.execute(`SELECT * FROM events WHERE id > ?`);',
      `const n = "json_extract(tags, '$.x')";`,
      `await knex.raw('DELETE FROM webhook_deliveries');`,
      `em.getKnex().insert(x);`,
      `const s = 'UPDATE clients SET quarantined = 1';`,
      `const t = 'INSERT OR IGNORE INTO tags (name) VALUES (?)';`,
      'await sql.all(`select c.uuid, c.client_id from client c where c.uuid = ?`);',
      `  const m = 'Select a client from the list, or update them all.';`,
      ` * delete from the outbox (a doc comment)`,
    ].join('\n'),
    'graphql/x.ts': `import Database from 'better-sqlite3';`,
  });
  assert.deepEqual(ormImportsOutsideStore(tree), [
    'fleet/registry.ts imports @mikro-orm/sqlite',
    'graphql/x.ts imports better-sqlite3',
  ]);
  assert.deepEqual(
    sqlOutsideStore(tree).map((line) => line.split(':').slice(0, 2).join(':')),
    [
      'fleet/events.ts:2',
      'fleet/events.ts:3',
      'fleet/events.ts:4',
      'fleet/events.ts:5',
      'fleet/events.ts:6',
      'fleet/events.ts:7',
      'fleet/events.ts:8',
    ],
  );
  // The pattern finds the store's own SQL, lower case as it is written there.
  const store = new Map([...src].filter(([file]) => file.startsWith('store/')));
  assert.ok(sqlLines(store) > 20, `only ${sqlLines(store)} SQL lines found in src/store/`);
});

test('the size checks count lines as wc -l does and spare generated code', () => {
  const long = 'x\n'.repeat(MAX_LINES + 1);
  const tree = treeOf({
    'fleet/big.ts': long,
    'fleet/fits.ts': 'x\n'.repeat(MAX_LINES),
    'generated/graphql.ts': long,
  });
  assert.deepEqual(longFiles(tree, MAX_LINES), [
    `fleet/big.ts: ${MAX_LINES + 1} lines (at most ${MAX_LINES})`,
  ]);
  assert.equal(lineCount('a\nb\n'), 2);
  assert.equal(lineCount('a\nb'), 2);
});

test('the raw-code check refuses code strings outside the catalogue, the wire codes aside', () => {
  const tree = treeOf({
    'errors.ts': `export const ErrorCode = { notFound: 'NOT_FOUND' } as const;`,
    'fleet/gate.ts': `throw new AppError('CLIENT_OFFLINE', 'x');\nconst ok = 'OFFLINE';`,
    'mcp/tools.ts': 'return { code: `RATE_LIMITED` };',
    'agent/files.ts': `fail('PATH_DENIED', "no"); fail("NOT_A_FILE");`,
    'hub/x.ts': `const c = 'CLIENT_OFFLINE';`,
    'generated/graphql.ts': `NotFound = 'NOT_FOUND',`,
  });
  assert.deepEqual(rawErrorCodes(tree, CODE_RULES), [
    'fleet/gate.ts:1: CLIENT_OFFLINE',
    'mcp/tools.ts:1: RATE_LIMITED',
    'hub/x.ts:1: CLIENT_OFFLINE',
  ]);
});
