// Keeps docs/errors.md true to the error catalogue (src/errors.ts), both ways:
//   - every catalogue code has a row in the table under "## The codes", and every row there names
//     a catalogue code;
//   - each row's GraphQL code, HTTP status, MCP text, CLI exit status, retry and meaning are the
//     catalogue's;
//   - each code has a "### `CODE`" section with the catalogue's next step for every door.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCatalog, errorCodes, isErrorCode, type ErrorCodeName } from '../../src/errors.js';

const PAGE = 'docs/errors.md';

/** The cells of the table rows under `## The codes` (header and separator left out). */
function tableRows(text: string): string[][] {
  const start = text.indexOf('\n## The codes\n');
  assert.ok(start >= 0, 'a "## The codes" section');
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The text of the `### \`CODE\`` section, or null. */
function sectionOf(text: string, code: string): string | null {
  const head = `\n### \`${code}\`\n`;
  const start = text.indexOf(head);
  if (start < 0) return null;
  const next = text.slice(start + head.length).search(/\n#{2,3} /);
  return text.slice(start, next < 0 ? undefined : start + head.length + next);
}

function problemsOf(text: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const cells of tableRows(text)) {
    const [name = '', graphql, http, mcp, exit, retry, meaning] = cells;
    const code = /^\[`([A-Z_]+)`\]\(#([a-z_]+)\)$/.exec(name);
    if (!code?.[1] || !isErrorCode(code[1])) {
      problems.push(`a row names no catalogue code: ${name}`);
      continue;
    }
    const id: ErrorCodeName = code[1];
    const entry = errorCatalog[id];
    seen.add(id);
    const expect = (what: string, got: string | undefined, want: string): void => {
      if (got !== want)
        problems.push(`${id}: ${what} is ${String(got)}, the catalogue says ${want}`);
    };
    expect('its anchor', code[2], id.toLowerCase());
    expect('the GraphQL code', graphql, entry.origin === 'client' ? '—' : `\`${id}\``);
    expect('the HTTP status', http, entry.httpStatus === null ? '—' : String(entry.httpStatus));
    expect(
      'the MCP text',
      mcp,
      entry.clientWorded ? `\`${id}: …\` + fenced client text` : `\`${id}: …\``,
    );
    expect('the exit status', exit, String(entry.exitStatus));
    expect('retry', retry, entry.retryable ? 'yes' : 'no');
    expect('the meaning', meaning, entry.meaning);
    const section = sectionOf(text, id);
    if (!section) problems.push(`${id}: no "### \`${id}\`" section`);
    else
      for (const door of ['graphql', 'mcp', 'cli'] as const)
        if (!section.includes(entry.next[door]))
          problems.push(`${id}: its section lacks the ${door} next step "${entry.next[door]}"`);
  }
  for (const code of errorCodes) if (!seen.has(code)) problems.push(`${code}: no row`);
  return problems;
}

const page = readFileSync(PAGE, 'utf8');

test('docs/errors.md lists every code of the catalogue, as the catalogue says', () => {
  assert.equal(tableRows(page).length, errorCodes.length);
  assert.deepEqual(problemsOf(page), []);
});

test('the check notices a missing code, a stray row and a wrong status', () => {
  const missing = page.replace(/^\| \[`TIMEOUT`\].*\n/m, '');
  assert.notEqual(missing, page);
  assert.ok(problemsOf(missing).includes('TIMEOUT: no row'), problemsOf(missing).join('\n'));

  const stray = page.replace(
    /^(\| \[`TIMEOUT`\].*\n)/m,
    '$1| [`SLOW_DOWN`](#slow_down) | `SLOW_DOWN` | 429 | `SLOW_DOWN: …` | 7 | yes | Slow. |\n',
  );
  assert.ok(
    problemsOf(stray).some((p) => /a row names no catalogue code: \[`SLOW_DOWN`\]/.test(p)),
  );

  const wrong = page.replace(/^(\| \[`TIMEOUT`\][^|]*\|[^|]*\|) 504 /m, '$1 500 ');
  assert.notEqual(wrong, page);
  assert.ok(
    problemsOf(wrong).some((p) =>
      /^TIMEOUT: the HTTP status is 500, the catalogue says 504/.test(p),
    ),
  );
});
