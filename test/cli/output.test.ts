// Colours only on a terminal and never with NO_COLOR; tables align cells that carry colours.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  colorEnabled,
  printList,
  printTable,
  styleFor,
  type CommandIO,
} from '../../src/cli/output.js';

function io(env: NodeJS.ProcessEnv, isTTY: boolean): CommandIO & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => void lines.push(t), err: () => undefined, env, isTTY };
}

test('colours: TTY yes, pipe no, NO_COLOR never, FORCE_COLOR forces, TERM=dumb no', () => {
  assert.equal(colorEnabled(io({}, true)), true);
  assert.equal(colorEnabled(io({}, false)), false);
  assert.equal(colorEnabled(io({ NO_COLOR: '1' }, true)), false);
  assert.equal(colorEnabled(io({ NO_COLOR: '' }, true)), true);
  assert.equal(colorEnabled(io({ FORCE_COLOR: '1' }, false)), true);
  assert.equal(colorEnabled(io({ FORCE_COLOR: '0' }, true)), true);
  assert.equal(colorEnabled(io({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)), false);
  assert.equal(colorEnabled(io({ TERM: 'dumb' }, true)), false);
});

test('printTable pads by visible width, so coloured cells line up', () => {
  const tty = io({}, true);
  const style = styleFor(tty);
  printTable(
    tty,
    ['A', 'B'],
    [
      [style.green('ok'), 'x'],
      ['longer', 'y'],
    ],
  );
  assert.ok(tty.lines[1]?.includes('\u001b['), 'the cell really is coloured');
  // eslint-disable-next-line no-control-regex
  const plain = tty.lines.map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
  assert.deepEqual(plain, ['A       B', 'ok      x', 'longer  y']);
  const pipe = io({}, false);
  printTable(pipe, ['A'], [[styleFor(pipe).red('no')]]);
  assert.ok(pipe.lines.every((l) => !l.includes('\u001b')));
});

test('printList: JSON with --json, else a table; an empty list says `empty`, or shows the headers', () => {
  const table = {
    headers: ['ID', 'NAME'],
    row: (i: { id: string; name: string }) => [i.id, i.name],
  };
  const items = [{ id: 'k1', name: 'web' }];
  const json = io({}, false);
  printList(json, true, items, table);
  assert.deepEqual(JSON.parse(json.lines.join('\n')), items);
  const rows = io({}, false);
  printList(rows, false, items, table);
  assert.deepEqual(rows.lines, ['ID  NAME', 'k1  web']);
  const none = io({}, false);
  printList(none, false, [], { ...table, empty: 'No keys.' });
  printList(none, false, [], table);
  printList(none, true, [], { ...table, empty: 'No keys.' });
  assert.deepEqual(none.lines, ['No keys.', 'ID  NAME', '[]']);
});
