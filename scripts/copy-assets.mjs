#!/usr/bin/env node
// The second half of `npm run build`: tsc compiles src/ into dist/ but copies nothing else, so the
// files the program reads at run time are copied here — GraphiQL's example tabs
// (src/graphql/examples, read by src/graphql/graphiql-examples.ts). Each destination is replaced
// whole, so a file removed from src/ does not linger in dist/ (or in the package, which ships dist/).
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ASSETS = ['graphql/examples'];

for (const dir of ASSETS) {
  const to = `${root}dist/${dir}`;
  rmSync(to, { recursive: true, force: true });
  cpSync(`${root}src/${dir}`, to, { recursive: true });
}
