// Keeps the architecture of DESIGN.md / STYLE.md true: which directory may import which.
// Wiring files at the top of src/ (main.ts, serve.ts, config.ts …) may import anything.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const allowed: Record<string, string[]> = {
  protocol: [],
  lib: [],
  generated: [],
  store: ['lib'],
  hub: ['protocol', 'lib'],
  agent: ['protocol', 'lib', 'logger.ts', 'version.ts'],
  fleet: ['hub', 'store', 'lib', 'protocol', 'errors.ts'],
  graphql: ['fleet', 'protocol', 'lib', 'errors.ts'],
  mcp: ['fleet', 'protocol', 'lib', 'errors.ts', 'generated', 'client'],
  // The /stream door (issue 16): a door like graphql and mcp.
  stream: ['fleet', 'protocol', 'lib', 'errors.ts'],
  // The CLI talks GraphQL over the network: of the fleet, only its limits (pure constants); of
  // the protocol, only the pure wire formats of the /stream path (shells and tunnels, issue 16).
  cli: [
    'generated',
    'lib',
    'errors.ts',
    'client',
    'fleet/limits.ts',
    'protocol/ws-stream.ts',
    'protocol/shell-frames.ts',
  ],
  client: ['generated', 'lib', 'errors.ts', 'protocol/ws-stream.ts'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

test('imports follow the layering', () => {
  const src = resolve('src');
  const violations: string[] = [];
  for (const file of files(src)) {
    const area = relative(src, file).split('/')[0] ?? '';
    if (!(area in allowed)) continue; // top-level wiring
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/from\s+'(\.[^']+)'/g)) {
      const target = relative(src, resolve(dirname(file), match[1] ?? ''));
      const targetArea = target.split('/')[0] ?? '';
      if (targetArea === area) continue;
      const name = target.includes('/') ? targetArea : target.replace(/\.js$/, '.ts');
      const module = target.replace(/\.js$/, '.ts');
      if (!allowed[area]?.includes(name) && !allowed[area]?.includes(module))
        violations.push(`${relative(src, file)} imports ${target}`);
    }
  }
  assert.deepEqual(violations, []);
});
