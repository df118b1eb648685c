// The confinement primitives shared by the agent and the server's transfer roots.

import {
  link,
  mkdir,
  mkdtemp,
  readdir,
  realpath,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PathRefusal,
  READ_FLAGS,
  assertSingleLink,
  confine,
  isWithin,
  makeDirectories,
  openConfined,
} from '../../src/lib/safe-path.js';

const posix = process.platform !== 'win32';

function refusedWith(code: string, pattern?: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(error instanceof PathRefusal, String(error));
    // PathRefusal carries a kind; its callers map it to these codes (agent and fleet alike).
    const asCode = { invalid: 'BAD_USER_INPUT', denied: 'PATH_DENIED' }[error.kind];
    assert.equal(asCode, code);
    if (pattern) assert.match(error.message, pattern);
    return true;
  };
}

describe('safe-path', { skip: !posix && 'POSIX fixtures' }, () => {
  let base: string;
  let a: string;
  let b: string;
  let outside: string;
  before(async () => {
    base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-safe-path-')));
    a = path.join(base, 'a');
    b = path.join(a, 'b');
    outside = path.join(base, 'outside');
    await mkdir(b, { recursive: true });
    await mkdir(outside);
    await writeFile(path.join(b, 'f.txt'), 'inside');
    await writeFile(path.join(outside, 'secret'), 'secret');
  });
  after(async () => {
    await rm(base, { recursive: true, force: true });
  });

  test('isWithin compares whole components, folding case only when asked', () => {
    assert.equal(isWithin('/home/deploy/x', '/home/deploy'), true);
    assert.equal(isWithin('/home/deploy', '/home/deploy'), true);
    assert.equal(isWithin('/home/deploy2/x', '/home/deploy'), false);
    assert.equal(isWithin('/home/Deploy/x', '/home/deploy'), false);
    assert.equal(isWithin('/home/Deploy/x', '/home/deploy', true), true);
    assert.equal(isWithin('/anything', '/'), true);
  });

  test('root sets intersect: the owner’s ceiling and the server’s roots must both admit', async () => {
    const file = path.join(b, 'f.txt');
    assert.equal(await confine(file, [[a], [b]]), file);
    assert.equal(await confine(file, [null, [b]]), file);
    assert.equal(await confine(file, [[], undefined]), file);
    await assert.rejects(confine(file, [[a], [outside]]), refusedWith('PATH_DENIED', /outside/));
    await assert.rejects(confine(path.join(a, 'x'), [[a], [b]]), refusedWith('PATH_DENIED'));
  });

  test('relative paths, NUL bytes and over-long paths are bad input', async () => {
    await assert.rejects(confine('a/b', [[a]]), refusedWith('BAD_USER_INPUT', /not absolute/));
    await assert.rejects(confine(`${a}\0`, [[a]]), refusedWith('BAD_USER_INPUT', /NUL/));
    await assert.rejects(
      confine(`${a}/${'x/'.repeat(2100)}`, [[a]]),
      refusedWith('BAD_USER_INPUT', /4096/),
    );
  });

  test('a symlink as the final component is not followed when opened', async () => {
    const linkPath = path.join(b, 'late-link');
    await symlink(path.join(outside, 'secret'), linkPath);
    try {
      // As if the check had seen a file and the link was swapped in before the open.
      await assert.rejects(
        openConfined(linkPath, linkPath, READ_FLAGS, [[a]]),
        refusedWith('PATH_DENIED', /symbolic link/),
      );
    } finally {
      await rm(linkPath);
    }
  });

  test('a directory swapped for a symlink after the check is caught on the descriptor', async () => {
    const file = path.join(b, 'f.txt');
    const real = await confine(file, [[a]]);
    await rename(b, path.join(a, 'b-moved'));
    await symlink(outside, b);
    await writeFile(path.join(outside, 'f.txt'), 'outside');
    try {
      await assert.rejects(
        openConfined(file, real, READ_FLAGS, [[a]]),
        refusedWith('PATH_DENIED', /changed/),
      );
    } finally {
      await rm(b);
      await rm(path.join(outside, 'f.txt'));
      await rename(path.join(a, 'b-moved'), b);
    }
  });

  test('makeDirectories creates the missing levels inside, and nothing when refused', async () => {
    const deep = path.join(a, 'new', 'deeper');
    await makeDirectories(deep, deep, [[a]]);
    assert.deepEqual(await readdir(path.join(a, 'new')), ['deeper']);
    await symlink(outside, path.join(a, 'esc'));
    await assert.rejects(
      makeDirectories(path.join(a, 'esc', 'x'), path.join(a, 'esc', 'x'), [[a]]),
      refusedWith('PATH_DENIED'),
    );
    assert.deepEqual((await readdir(outside)).sort(), ['secret']);
  });

  test('files with several hard links are refused only while roots apply', async () => {
    const hard = path.join(b, 'hard');
    await link(path.join(outside, 'secret'), hard);
    const { handle, info } = await openConfined(hard, hard, READ_FLAGS, [[a]]);
    await handle.close();
    assert.throws(
      () => assertSingleLink(hard, info, [[a]]),
      refusedWith('PATH_DENIED', /hard links/),
    );
    assert.doesNotThrow(() => assertSingleLink(hard, info, [null]));
    await rm(hard);
  });
});
