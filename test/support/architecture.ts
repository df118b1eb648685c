// Static checks of src/ that keep DESIGN.md and STYLE.md true: which directory may import which,
// no import cycle, the store seam (no ORM import or SQL outside src/store/), file sizes, and no raw
// error-code string outside the catalogue. Each check is a pure function of a directory tree, so
// test/architecture.test.ts runs it on src/ and on small fixture trees that break it on purpose
// (a check that never fails proves nothing).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A source tree: each .ts file's path relative to the root ('fleet/gate.ts'), and its text. */
export type SourceTree = ReadonlyMap<string, string>;

export function readTree(root: string): SourceTree {
  const tree = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) tree.set(relative(root, full), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return tree;
}

/** A fixture tree from literal files (paths relative to a pretend src/). */
export function treeOf(files: Record<string, string>): SourceTree {
  return new Map(Object.entries(files));
}

const IMPORT_PATTERNS = [
  // import … from '…', import type … from '…', export … from '…' (multi-line included)
  /\b(?:import|export)\s[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/g,
  // import '…' (side effects)
  /\bimport\s*['"]([^'"]+)['"]/g,
  // import('…')
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** Every module specifier a file names, type-only imports included. */
export function specifiersOf(text: string): string[] {
  return IMPORT_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1] ?? ''));
}

/** The tree file a relative specifier names ('./x.js' → 'dir/x.ts'), or null for a package. */
function resolveImport(tree: SourceTree, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = relative(resolve('/'), resolve('/', dirname(from), specifier));
  const candidates = [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => tree.has(candidate)) ?? base.replace(/\.js$/, '.ts');
}

/** The edges of the tree's import graph between its own files. */
export function importGraph(tree: SourceTree): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [file, text] of tree) {
    const targets = specifiersOf(text)
      .map((specifier) => resolveImport(tree, file, specifier))
      .filter((target): target is string => target !== null && tree.has(target));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

// ── layering ─────────────────────────────────────────────────────────────────────────────────

/**
 * What each directory of src/ may import outside itself: a directory name allows all of it, a
 * file path ('fleet/index.ts') allows that module only. Top-level wiring (main.ts, serve.ts …)
 * is not listed and may import anything.
 */
export type Layering = Readonly<Record<string, readonly string[]>>;

export function layeringViolations(tree: SourceTree, layering: Layering): string[] {
  const violations: string[] = [];
  for (const [file, text] of tree) {
    const area = file.split('/')[0] ?? '';
    if (!file.includes('/') || !(area in layering)) continue;
    for (const specifier of specifiersOf(text)) {
      const target = resolveImport(tree, file, specifier);
      if (target === null) continue;
      const targetArea = target.includes('/') ? (target.split('/')[0] ?? '') : target;
      if (targetArea === area) continue;
      const rules = layering[area] ?? [];
      if (!rules.includes(targetArea) && !rules.includes(target))
        violations.push(`${file} imports ${target}`);
    }
  }
  return violations;
}

// ── cycles ───────────────────────────────────────────────────────────────────────────────────

/** Every import cycle (type imports included), each as its files in a loop 'a → b → a'. */
export function importCycles(tree: SourceTree): string[] {
  const graph = importGraph(tree);
  // Tarjan's strongly connected components: a component of two or more files, or a file that
  // imports itself, is a cycle.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components.map((component) => describeCycle(graph, component.sort()));
}

/** One loop through a component, from its first file back to it, for the failure message. */
function describeCycle(graph: Map<string, string[]>, component: string[]): string {
  const members = new Set(component);
  const start = component[0] ?? '';
  // Breadth-first from start to any file that imports start, inside the component.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() ?? '';
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0] ?? '') ?? start);
        return [...path, start].join(' → ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return component.join(' ↔ ');
}

// ── the store seam ───────────────────────────────────────────────────────────────────────────

/** Files outside store/ that import the ORM or a database driver. */
export function ormImportsOutsideStore(tree: SourceTree): string[] {
  const database = /^(@mikro-orm\/|better-sqlite3$|pg$|knex$|kysely$)/;
  return [...tree]
    .filter(([file]) => !file.startsWith('store/'))
    .flatMap(([file, text]) =>
      specifiersOf(text)
        .filter((specifier) => database.test(specifier))
        .map((specifier) => `${file} imports ${specifier}`),
    );
}

/**
 * SQL statements (either case: the store writes lower-case SQL) and the ORM's raw-SQL doors. A
 * select needs a column list or `*` before `from`, so prose ("select a client from the list")
 * passes; comment lines are skipped.
 */
const SQL = new RegExp(
  [
    String.raw`\bselect\s+(?:\*|distinct\b|count\(|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\s+\w`,
    String.raw`\binsert\s+(?:or\s+\w+\s+)?into\s+\w`,
    String.raw`\bdelete\s+from\s+\w`,
    String.raw`\bupdate\s+\w+\s+set\s`,
    String.raw`\b(?:create|alter|drop)\s+(?:unique\s+)?(?:table|index)\b`,
    String.raw`\bwhere\s+[\w.]+\s*(?:=|in\s*\(|like)\s*\?`,
    String.raw`\bjson_extract\s*\(`,
    String.raw`\bgetKnex\s*\(`,
    String.raw`\bcreateQueryBuilder\s*\(`,
  ].join('|'),
  'i',
);

const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*)/;

/** Lines outside store/ that write SQL. */
export function sqlOutsideStore(tree: SourceTree): string[] {
  return [...tree]
    .filter(([file]) => !file.startsWith('store/'))
    .flatMap(([file, text]) =>
      text
        .split('\n')
        .flatMap((line, i) =>
          !COMMENT_LINE.test(line) && SQL.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
}

/** Lines of a tree that look like SQL, store/ included (to show the pattern finds real SQL). */
export function sqlLines(tree: SourceTree): number {
  let count = 0;
  for (const text of tree.values())
    for (const line of text.split('\n')) if (!COMMENT_LINE.test(line) && SQL.test(line)) count += 1;
  return count;
}

// ── sizes ────────────────────────────────────────────────────────────────────────────────────

/** Lines in a file, as `wc -l` counts them (a final newline ends the last line). */
export function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Files over `maxLines`, generated code excepted. */
export function longFiles(tree: SourceTree, maxLines: number): string[] {
  return [...tree]
    .filter(([file]) => !file.startsWith('generated/'))
    .filter(([, text]) => lineCount(text) > maxLines)
    .map(([file, text]) => `${file}: ${lineCount(text)} lines (at most ${maxLines})`);
}

// ── error codes ──────────────────────────────────────────────────────────────────────────────

export interface RawCodeRules {
  /** Every code of the catalogue. */
  codes: readonly string[];
  /** The catalogue's own file, where codes are written. */
  catalogue: string;
  /** The agent protocol's codes (the wire's own), and the directories that speak the wire. */
  wireCodes: readonly string[];
  wireAreas: readonly string[];
}

/** Lines holding a string literal that is exactly an error code, outside the catalogue. */
export function rawErrorCodes(tree: SourceTree, rules: RawCodeRules): string[] {
  const escape = (code: string): string => code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const literal = new RegExp(`(['"\`])(${rules.codes.map(escape).join('|')})\\1`, 'g');
  return [...tree]
    .filter(([file]) => file !== rules.catalogue && !file.startsWith('generated/'))
    .flatMap(([file, text]) => {
      const wire = rules.wireAreas.includes(file.split('/')[0] ?? '');
      return text.split('\n').flatMap((line, i) =>
        [...line.matchAll(literal)]
          .map((m) => m[2] ?? '')
          .filter((code) => !(wire && rules.wireCodes.includes(code)))
          .map((code) => `${file}:${i + 1}: ${code}`),
      );
    });
}
