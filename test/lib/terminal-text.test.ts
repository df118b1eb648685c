// lib/terminal-text: what the CLI and the MCP door do to text that did not come from its reader.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeJsonControls, showControls, stripControls } from '../../src/lib/terminal-text.js';

test('showControls shows each control as visible text; tabs and newlines stay unless single-line', () => {
  assert.equal(showControls('a\u001b]52;c;eA==\u0007b'), 'a^[]52;c;eA==^Gb');
  assert.equal(showControls('x\ty\nz\u007f\u009b\u202e'), 'x\ty\nz^?<U+009B><U+202E>');
  assert.equal(showControls('one\r\ntwo', { singleLine: true }), 'one^M^Jtwo');
  assert.equal(showControls('plain'), 'plain');
});

test('showControls keeps exactly the sequences it is told to keep', () => {
  // eslint-disable-next-line no-control-regex
  const keep = /\u001b\[(?:1|22)m/;
  assert.equal(
    showControls('\u001b[1mbold\u001b[22m\u001b[2J', { keep }),
    '\u001b[1mbold\u001b[22m^[[2J',
  );
});

test('stripControls removes sequences and controls; escapeJsonControls round-trips', () => {
  assert.equal(stripControls('a\u001b[2Jb\r\nc\u0007'), 'ab\nc');
  const value = { name: 'n\u009b\u202e\u007f\u2028' };
  const json = escapeJsonControls(JSON.stringify(value));

  assert.doesNotMatch(json, /[\u007f-\u009f\u2028\u202e]/);
  assert.deepEqual(JSON.parse(json), value);
});
