// Allowed-path comparison: component by component, `..` resolved, Windows case-insensitive.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAbsoluteOnAnyPlatform, isWithinRoot } from '../../src/lib/paths.js';

test('a path is within a root only component by component', () => {
  const cases: [string, string, boolean][] = [
    ['/home/deploy', '/home/deploy', true],
    ['/home/deploy/app', '/home/deploy', true],
    ['/home/deploy/', '/home/deploy', true],
    ['/home/deploy2', '/home/deploy', false],
    ['/home/deploy-old/x', '/home/deploy', false],
    ['/home', '/home/deploy', false],
    ['/home/deploy/../other', '/home/deploy', false],
    ['/home/deploy/a/../../deploy/b', '/home/deploy', true],
    ['/home/deploy/..', '/home/deploy', false],
    ['/home//deploy///x', '/home/deploy', true],
    ['/home/deploy/./x', '/home/deploy/', true],
    ['/', '/home/deploy', false],
    ['/anything', '/', true],
    ['C:\\Users\\Deploy\\app', 'c:\\users\\deploy', true],
    ['C:\\Users\\Deploy2', 'C:\\Users\\Deploy', false],
    ['C:\\Users\\Deploy\\..\\Other', 'C:\\Users\\Deploy', false],
    ['D:\\Users\\Deploy', 'C:\\Users\\Deploy', false],
    ['/HOME/deploy', '/home/deploy', false],
    ['/home/deploy/..hidden', '/home/deploy', true],
    ['/home/deploy/...', '/home/deploy', true],
  ];
  for (const [path, root, expected] of cases)
    assert.equal(isWithinRoot(path, root), expected, `${path} in ${root}`);
});

test('absolute on any platform', () => {
  for (const path of ['/srv', 'C:\\srv', 'C:/srv', '\\\\server\\share'])
    assert.ok(isAbsoluteOnAnyPlatform(path), path);
  for (const path of ['srv', './srv', '../srv', 'C:srv', ''])
    assert.ok(!isAbsoluteOnAnyPlatform(path), path);
});
