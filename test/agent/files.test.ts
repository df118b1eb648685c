// read_file, write_file and list_files against a temp directory, including the path jail.

import { execFileSync } from 'node:child_process';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { listFiles } from '../../src/agent/handlers/list-files.js';
import { readFile as readFileHandler } from '../../src/agent/handlers/read-file.js';
import { AgentError, type HandlerContext } from '../../src/agent/handlers/types.js';
import { writeFile as writeFileHandler } from '../../src/agent/handlers/write-file.js';

const posix = process.platform !== 'win32';
const isRoot = process.getuid?.() === 0;

function context(allowedPaths: string[] | null = null): HandlerContext {
  return { signal: new AbortController().signal, allowedPaths };
}

function assertAgentError(code: string, message?: RegExp): (err: unknown) => boolean {
  return (err) => {
    assert.ok(err instanceof AgentError, `expected an AgentError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message !== undefined) assert.match(err.message, message);
    return true;
  };
}

const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

let root: string;
before(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-files-')));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('read_file', () => {
  test('returns binary content as base64 with size, mtime and mode', async () => {
    const file = path.join(root, 'bytes.bin');
    await writeFile(file, allBytes);
    await chmod(file, 0o640);
    const result = await readFileHandler({ path: file }, context());
    assert.deepEqual(Buffer.from(result.contentBase64, 'base64'), allBytes);
    assert.equal(result.path, file);
    assert.equal(result.size, 256);
    assert.equal(result.mtimeMs, (await stat(file)).mtimeMs);
    if (posix) assert.equal(result.mode, 0o640);
  });

  test('maps missing files, directories and relative paths to stable codes', async () => {
    await assert.rejects(
      readFileHandler({ path: path.join(root, 'missing') }, context()),
      assertAgentError('NOT_FOUND'),
    );
    await assert.rejects(
      readFileHandler({ path: root }, context()),
      assertAgentError('NOT_A_FILE'),
    );
    await assert.rejects(
      readFileHandler({ path: 'relative.txt' }, context()),
      assertAgentError('BAD_USER_INPUT'),
    );
  });

  test('refuses a file over maxBytes, naming size, limit and download_file', async () => {
    const file = path.join(root, 'big.txt');
    await writeFile(file, 'x'.repeat(100));
    await assert.rejects(
      readFileHandler({ path: file, maxBytes: 10 }, context()),
      assertAgentError('TOO_LARGE', /100 bytes.*limit of 10 bytes.*download_file/),
    );
  });

  test('refuses paths outside the allowed roots', async () => {
    const inside = path.join(root, 'jail');
    await mkdir(inside, { recursive: true });
    await writeFile(path.join(root, 'secret'), 'nope');
    await assert.rejects(
      readFileHandler({ path: path.join(inside, '..', 'secret') }, context([inside])),
      assertAgentError('PATH_DENIED'),
    );
  });

  test(
    'maps EACCES to PERMISSION_DENIED',
    { skip: (!posix || isRoot) && 'needs a non-root POSIX user' },
    async () => {
      const file = path.join(root, 'private.txt');
      await writeFile(file, 'secret');
      await chmod(file, 0o000);
      await assert.rejects(
        readFileHandler({ path: file }, context()),
        assertAgentError('PERMISSION_DENIED'),
      );
    },
  );

  test(
    'refuses a FIFO without waiting for a writer',
    { skip: !posix && 'POSIX only', timeout: 10_000 },
    async () => {
      const fifo = path.join(root, 'fifo');
      execFileSync('mkfifo', [fifo]);
      await assert.rejects(
        readFileHandler({ path: fifo }, context()),
        assertAgentError('NOT_A_FILE'),
      );
    },
  );
});

describe('write_file', () => {
  test('writes binary content that read_file returns unchanged', async () => {
    const file = path.join(root, 'roundtrip.bin');
    const written = await writeFileHandler(
      { path: file, contentBase64: allBytes.toString('base64') },
      context(),
    );
    assert.deepEqual(written, { path: file, size: 256 });
    assert.deepEqual(await readFile(file), allBytes);
  });

  test('replaces atomically, leaving no temp file, and keeps an existing mode', async () => {
    const dir = path.join(root, 'atomic');
    await mkdir(dir);
    const file = path.join(dir, 'config');
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    await writeFileHandler(
      { path: file, contentBase64: Buffer.from('new').toString('base64'), mode: 0o644 },
      context(),
    );
    assert.equal(await readFile(file, 'utf8'), 'new');
    assert.deepEqual(await readdir(dir), ['config']);
    if (posix) assert.equal((await stat(file)).mode & 0o777, 0o600);
  });

  test(
    'creates a new file with the given mode, or a non-executable default',
    { skip: !posix && 'POSIX modes' },
    async () => {
      const given = path.join(root, 'given-mode');
      await writeFileHandler({ path: given, contentBase64: '', mode: 0o600 }, context());
      assert.equal((await stat(given)).mode & 0o777, 0o600);
      const defaulted = path.join(root, 'default-mode');
      await writeFileHandler({ path: defaulted, contentBase64: '' }, context());
      const mode = (await stat(defaulted)).mode & 0o777;
      assert.equal(mode & 0o600, 0o600);
      assert.equal(mode & 0o111, 0);
    },
  );

  test('needs createParents for a missing parent', async () => {
    const file = path.join(root, 'new', 'deeper', 'file.txt');
    await assert.rejects(
      writeFileHandler({ path: file, contentBase64: 'aGk=' }, context()),
      assertAgentError('NOT_FOUND', /createParents/),
    );
    await assert.rejects(stat(path.join(root, 'new')));
    await writeFileHandler({ path: file, contentBase64: 'aGk=', createParents: true }, context());
    assert.equal(await readFile(file, 'utf8'), 'hi');
  });

  test('a refused path changes nothing on disk', async () => {
    const jail = path.join(root, 'write-jail');
    await mkdir(jail);
    const outside = path.join(root, 'escaped', 'file.txt');
    await assert.rejects(
      writeFileHandler(
        {
          path: path.join(jail, '..', 'escaped', 'file.txt'),
          contentBase64: 'aGk=',
          createParents: true,
        },
        context([jail]),
      ),
      assertAgentError('PATH_DENIED'),
    );
    await assert.rejects(stat(path.dirname(outside)));
  });

  test(
    'writes through a symlink, keeping the link',
    { skip: !posix && 'symlinks need privileges on Windows' },
    async () => {
      const target = path.join(root, 'link-target.txt');
      const link = path.join(root, 'link.txt');
      await writeFile(target, 'old');
      await symlink(target, link);
      const result = await writeFileHandler({ path: link, contentBase64: 'bmV3' }, context());
      assert.equal(result.path, target);
      assert.ok((await lstat(link)).isSymbolicLink());
      assert.equal(await readFile(target, 'utf8'), 'new');
    },
  );

  test('will not replace a directory', async () => {
    const dir = path.join(root, 'a-directory');
    await mkdir(dir);
    await assert.rejects(
      writeFileHandler({ path: dir, contentBase64: 'aGk=' }, context()),
      assertAgentError('NOT_A_FILE'),
    );
    assert.ok((await stat(dir)).isDirectory());
  });
});

describe('list_files', () => {
  let dir: string;
  before(async () => {
    dir = path.join(root, 'listing');
    await mkdir(path.join(dir, 'b-dir'), { recursive: true });
    await writeFile(path.join(dir, 'c-file'), '12345');
    await writeFile(path.join(dir, 'a-file'), '');
    if (posix) await symlink('/nowhere', path.join(dir, 'd-link'));
  });

  test('lists entries sorted by name with type, size, mtime and mode', async () => {
    const result = await listFiles({ path: dir }, context());
    assert.equal(result.path, dir);
    assert.equal(result.truncated, false);
    const summary = result.entries.map(({ name, type }) => `${name}:${type}`);
    assert.deepEqual(summary, [
      'a-file:file',
      'b-dir:directory',
      'c-file:file',
      ...(posix ? ['d-link:symlink'] : []),
    ]);
    const cFile = result.entries.find((entry) => entry.name === 'c-file');
    assert.equal(cFile?.size, 5);
    assert.equal(cFile?.mtimeMs, (await stat(path.join(dir, 'c-file'))).mtimeMs);
    assert.equal(typeof cFile?.mode, 'number');
  });

  test('cuts at limit and says so', async () => {
    const result = await listFiles({ path: dir, limit: 2 }, context());
    assert.deepEqual(
      result.entries.map((entry) => entry.name),
      ['a-file', 'b-dir'],
    );
    assert.equal(result.truncated, true);
  });

  test('refuses files, missing paths and paths outside the allowed roots', async () => {
    await assert.rejects(
      listFiles({ path: path.join(dir, 'c-file') }, context()),
      assertAgentError('NOT_A_DIRECTORY'),
    );
    await assert.rejects(
      listFiles({ path: path.join(dir, 'missing') }, context()),
      assertAgentError('NOT_FOUND'),
    );
    await assert.rejects(
      listFiles({ path: root }, context([dir])),
      assertAgentError('PATH_DENIED'),
    );
  });
});
