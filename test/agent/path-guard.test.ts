// The path jail: absolute paths only, `..` and symlinks resolved the way the kernel walks them.

import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentError } from '../../src/agent/handlers/types.js';
import { assertPathAllowed } from '../../src/agent/path-guard.js';

const posix = process.platform !== 'win32';

function rejectsWith(code: string, message?: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof AgentError, `expected an AgentError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message !== undefined) assert.match(err.message, message);
    return true;
  };
}

describe('assertPathAllowed', () => {
  // root/
  //   deploy/          the allowed root
  //     app.txt
  //     escape -> ../outside      a symlink out of the jail
  //   deploy2/         a sibling sharing the prefix
  //   outside/
  //     secret.txt
  //   way-in -> deploy          a symlink into the jail
  let root: string;
  let deploy: string;
  before(async () => {
    root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-guard-')));
    deploy = path.join(root, 'deploy');
    await mkdir(deploy);
    await mkdir(path.join(root, 'deploy2'));
    await mkdir(path.join(root, 'outside'));
    await writeFile(path.join(deploy, 'app.txt'), '');
    await writeFile(path.join(root, 'outside', 'secret.txt'), '');
    if (posix) {
      await symlink(path.join(root, 'outside'), path.join(deploy, 'escape'));
      await symlink(deploy, path.join(root, 'way-in'));
    }
  });
  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test('requires an absolute path, even with no ceiling', async () => {
    await assert.rejects(assertPathAllowed('deploy/app.txt', null), rejectsWith('BAD_USER_INPUT'));
    await assert.rejects(assertPathAllowed('./x', []), rejectsWith('BAD_USER_INPUT'));
  });

  test('rejects NUL bytes', async () => {
    await assert.rejects(
      assertPathAllowed(`${deploy}/a\0b`, null),
      rejectsWith('BAD_USER_INPUT', /NUL/),
    );
  });

  test('null or empty allowedPaths admit any absolute path, resolved', async () => {
    const secret = path.join(root, 'outside', 'secret.txt');
    assert.equal(await assertPathAllowed(secret, null), secret);
    assert.equal(
      await assertPathAllowed(path.join(deploy, '..', 'outside', 'secret.txt'), []),
      secret,
    );
  });

  test('admits the root itself and paths below it', async () => {
    assert.equal(await assertPathAllowed(deploy, [deploy]), deploy);
    assert.equal(await assertPathAllowed(`${deploy}${path.sep}`, [deploy]), deploy);
    const app = path.join(deploy, 'app.txt');
    assert.equal(await assertPathAllowed(app, [deploy]), app);
  });

  test('compares whole components: deploy does not admit deploy2', async () => {
    await assert.rejects(
      assertPathAllowed(path.join(root, 'deploy2', 'x'), [deploy]),
      rejectsWith('PATH_DENIED'),
    );
  });

  test('resolves .. before comparing', async () => {
    await assert.rejects(
      assertPathAllowed(`${deploy}/../outside/secret.txt`, [deploy]),
      rejectsWith('PATH_DENIED'),
    );
    assert.equal(
      await assertPathAllowed(`${deploy}/sub/../app.txt`, [deploy]),
      path.join(deploy, 'app.txt'),
    );
  });

  test(
    'follows symlinks: out of the jail is denied, into it is admitted',
    { skip: !posix && 'symlinks need privileges on Windows' },
    async () => {
      await assert.rejects(
        assertPathAllowed(path.join(deploy, 'escape', 'secret.txt'), [deploy]),
        rejectsWith('PATH_DENIED', /resolves to/),
      );
      // The kernel follows `escape` before `..`: this names root/, not deploy/.
      await assert.rejects(
        assertPathAllowed(`${deploy}/escape/../deploy2`, [deploy]),
        rejectsWith('PATH_DENIED'),
      );
      assert.equal(
        await assertPathAllowed(path.join(root, 'way-in', 'app.txt'), [deploy]),
        path.join(deploy, 'app.txt'),
      );
    },
  );

  test(
    'an allowed root given through a symlink is compared by its real path',
    { skip: !posix && 'symlinks need privileges on Windows' },
    async () => {
      const app = path.join(deploy, 'app.txt');
      assert.equal(await assertPathAllowed(app, [path.join(root, 'way-in')]), app);
    },
  );

  test('a path that does not exist yet resolves through its deepest existing ancestor', async () => {
    assert.equal(
      await assertPathAllowed(`${deploy}/new/dir/file.txt`, [deploy]),
      path.join(deploy, 'new', 'dir', 'file.txt'),
    );
    await assert.rejects(
      assertPathAllowed(`${deploy}/new/../../outside/file.txt`, [deploy]),
      rejectsWith('PATH_DENIED'),
    );
    if (posix) {
      await assert.rejects(
        assertPathAllowed(path.join(deploy, 'escape', 'new', 'file.txt'), [deploy]),
        rejectsWith('PATH_DENIED'),
      );
    }
  });

  test('the refusal names the path and the allowed roots', async () => {
    const secret = path.join(root, 'outside', 'secret.txt');
    const roots = [deploy, path.join(root, 'deploy2')];
    await assert.rejects(assertPathAllowed(secret, roots), (err) => {
      assert.ok(err instanceof AgentError);
      assert.equal(err.code, 'PATH_DENIED');
      assert.ok(err.message.includes(secret));
      for (const allowed of roots) assert.ok(err.message.includes(allowed));
      return true;
    });
  });

  test('admits anything under a filesystem root, ignores relative roots', async () => {
    const secret = path.join(root, 'outside', 'secret.txt');
    assert.equal(await assertPathAllowed(secret, [path.parse(secret).root]), secret);
    await assert.rejects(assertPathAllowed(secret, ['outside']), rejectsWith('PATH_DENIED'));
  });

  test('the server’s roots and the owner’s ceiling must both admit a path', async () => {
    const app = path.join(deploy, 'app.txt');
    assert.equal(await assertPathAllowed(app, [root], [deploy]), app);
    assert.equal(await assertPathAllowed(app, null, [deploy]), app);
    await assert.rejects(
      assertPathAllowed(app, [path.join(root, 'deploy2')], [deploy]),
      rejectsWith('PATH_DENIED', /config\.yaml allowed_paths/),
    );
    await assert.rejects(
      assertPathAllowed(path.join(root, 'outside', 'secret.txt'), [root], [deploy]),
      rejectsWith('PATH_DENIED'),
    );
  });
});
