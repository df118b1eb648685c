// The path jail under attack, in process: a generated corpus of more than 2,000 escape attempts
// against every operation that takes a path (read_file, write_file with and without
// createParents, list_files, run_command's cwd, upload_file, download_file), with the root set
// as the owner's ceiling and as the server's roots; then a race swapping a directory for a
// symlink to outside while reads, writes, listings and commands run. Zero escapes: every attempt
// ends in a clear error, the canary outside is never read or changed, nothing appears outside.

import {
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  mkdir,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sendDownload } from '../../src/agent/handlers/download-file.js';
import { listFiles } from '../../src/agent/handlers/list-files.js';
import { readFile as readFileHandler } from '../../src/agent/handlers/read-file.js';
import { runCommand } from '../../src/agent/handlers/run-command.js';
import {
  AgentError,
  type HandlerContext,
  type TransferLink,
} from '../../src/agent/handlers/types.js';
import { receiveUpload } from '../../src/agent/handlers/upload-file.js';
import { writeFile as writeFileHandler } from '../../src/agent/handlers/write-file.js';
import {
  plantFixture,
  traversalPaths,
  type TraversalFixture,
} from '../support/traversal-corpus.js';

const linux = process.platform === 'linux';
const CLEAR_CODES = new Set([
  'PATH_DENIED',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'NOT_A_DIRECTORY',
  'NOT_A_FILE',
]);

/** A transfer link that must never be reached by a refused path. */
const untouchable: TransferLink = {
  reader: {
    readLine: () => Promise.reject(new Error('ESCAPE: the link was used')),
    readBytes: () => Promise.reject(new Error('ESCAPE: the link was used')),
  },
  write: () => Promise.reject(new Error('ESCAPE: the link was used')),
};

type Operation = (target: string, context: HandlerContext, roots?: string[]) => Promise<unknown>;

const operations: Record<string, Operation> = {
  read_file: (p, c, roots) => readFileHandler({ path: p, roots }, c),
  write_file: (p, c, roots) => writeFileHandler({ path: p, contentBase64: 'RVNDQVBF', roots }, c),
  write_file_parents: (p, c, roots) =>
    writeFileHandler({ path: p, contentBase64: 'RVNDQVBF', createParents: true, roots }, c),
  list_files: (p, c, roots) => listFiles({ path: p, roots }, c),
  cwd: (p, c, roots) =>
    runCommand(
      { cmd: 'cat canary.txt; echo ESCAPE > escaped.txt', cwd: p, timeoutMs: 5000, roots },
      c,
    ),
  upload_file: (p, c, roots) =>
    receiveUpload({ path: p, size: 6, createParents: true, roots }, c, untouchable),
  download_file: (p, c, roots) => sendDownload({ path: p, offset: 0, roots }, c, untouchable),
};

function context(allowedPaths: string[] | null): HandlerContext {
  return { signal: new AbortController().signal, allowedPaths };
}

async function snapshot(dir: string): Promise<string> {
  const names = (await readdir(dir)).sort();
  const parts = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(dir, name));
      return `${name}:${info.size}:${info.mtimeMs}:${info.ino}`;
    }),
  );
  return parts.join('\n');
}

describe(
  'traversal corpus against every operation',
  { skip: !linux && 'Linux fixtures (/proc, symlinks)' },
  () => {
    let base: string;
    let f: TraversalFixture;
    let outsideBefore: string;
    let siblingBefore: string;
    let canaryMtime: number;

    before(async () => {
      base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-traversal-')));
      f = await plantFixture(base);
      outsideBefore = await snapshot(f.outside);
      siblingBefore = await snapshot(f.sibling);
      canaryMtime = (await stat(f.canary)).mtimeMs;
    });
    after(async () => {
      await rm(base, { recursive: true, force: true });
    });

    for (const mode of ['owner ceiling', 'server roots'] as const) {
      test(`zero escapes with the root as the ${mode}`, async () => {
        const paths = traversalPaths(f);
        let attempts = 0;
        const escapes: string[] = [];
        for (const [name, operation] of Object.entries(operations)) {
          for (const target of paths) {
            attempts++;
            const ctx = context(mode === 'owner ceiling' ? [f.root] : null);
            const roots = mode === 'server roots' ? [f.root] : undefined;
            try {
              const result = await operation(target, ctx, roots);
              escapes.push(
                `${name} ${JSON.stringify(target)} succeeded: ${JSON.stringify(result).slice(0, 200)}`,
              );
            } catch (error) {
              if (
                !(error instanceof AgentError) ||
                !CLEAR_CODES.has(error.code) ||
                error.message.length < 10
              ) {
                escapes.push(
                  `${name} ${JSON.stringify(target.slice(0, 200))}: unclear error ${String(error)}`,
                );
              } else if (
                error.code === 'PATH_DENIED' &&
                !error.message.includes(f.root) &&
                !error.message.includes('link')
              ) {
                escapes.push(
                  `${name} ${JSON.stringify(target.slice(0, 200))}: PATH_DENIED without the roots: ${error.message}`,
                );
              }
            }
          }
        }
        assert.ok(attempts >= 2000, `only ${attempts} attempts`);
        assert.deepEqual(escapes.slice(0, 20), [], `${escapes.length} escapes of ${attempts}`);
        assert.equal(await readFile(f.canary, 'utf8'), f.canaryContent);
        assert.equal((await stat(f.canary)).mtimeMs, canaryMtime);
        assert.equal(
          await snapshot(f.outside),
          outsideBefore,
          'nothing created or changed outside',
        );
        assert.equal(await snapshot(f.sibling), siblingBefore, 'the sibling root is untouched');
        await assert.rejects(stat(path.join(base, 'root..')));
        await assert.rejects(stat(path.join(base, 'new-file.txt')));
      });
    }
  },
);

describe(
  'race: a directory swapped for a symlink to outside',
  { skip: !linux && 'Linux only' },
  () => {
    test('reads, writes, listings and commands never escape', async () => {
      const base = await realpath(await mkdtemp(path.join(os.tmpdir(), 'etph-race-')));
      try {
        const root = path.join(base, 'root');
        const outside = path.join(base, 'outside');
        await mkdir(path.join(root, 'parked-dir'), { recursive: true });
        await mkdir(outside);
        const canaryContent = 'CANARY-outside';
        await writeFile(path.join(outside, 'canary.txt'), canaryContent);
        await writeFile(path.join(outside, 'only-outside'), 'x');
        await writeFile(path.join(root, 'parked-dir', 'canary.txt'), 'inside');
        await symlink(outside, path.join(root, 'parked-link'));
        const before = await snapshot(outside);
        const canaryMtime = (await stat(path.join(outside, 'canary.txt'))).mtimeMs;
        const swap = path.join(root, 'swap');

        let running = true;
        let swaps = 0;
        // Each state is held for a random 0–1 ms, so that operations meet every state, and
        // every change of state, in the middle of their checks.
        const hold = (): Promise<void> =>
          new Promise((resolve) => setTimeout(resolve, Math.random() < 0.5 ? 0 : 1));
        const swapper = (async () => {
          while (running) {
            // `swap` is a real directory, then nothing, then a symlink to outside, then nothing.
            await rename(path.join(root, 'parked-dir'), swap).catch(() => undefined);
            await hold();
            await rename(swap, path.join(root, 'parked-dir')).catch(() => undefined);
            await rename(path.join(root, 'parked-link'), swap).catch(() => undefined);
            await hold();
            await rename(swap, path.join(root, 'parked-link')).catch(() => undefined);
            swaps++;
          }
        })();

        const escapes: string[] = [];
        let succeeded = 0;
        let refused = 0;
        const ctx = context([root]);
        const worker = async (index: number): Promise<void> => {
          // At least 250 each; more (up to 5,000) until both outcomes have been seen, so that a
          // run where timing never let an operation through still exercises the race.
          for (let i = 0; i < 5000 && (i < 250 || succeeded === 0 || refused === 0); i++) {
            try {
              switch ((i + index) % 4) {
                case 0: {
                  const r = await readFileHandler({ path: `${swap}/canary.txt` }, ctx);
                  if (Buffer.from(r.contentBase64, 'base64').toString() === canaryContent)
                    escapes.push('read the canary');
                  break;
                }
                case 1:
                  await writeFileHandler(
                    { path: `${swap}/w-${index}-${i}.txt`, contentBase64: 'RVNDQVBF' },
                    ctx,
                  );
                  break;
                case 2: {
                  const r = await listFiles({ path: swap }, ctx);
                  if (r.entries.some((e) => e.name === 'only-outside'))
                    escapes.push('listed outside');
                  break;
                }
                default: {
                  const r = await runCommand(
                    { cmd: 'cat canary.txt', cwd: swap, timeoutMs: 5000 },
                    ctx,
                  );
                  if (r.stdout.includes(canaryContent)) escapes.push('a command ran outside');
                }
              }
              succeeded++;
            } catch (error) {
              if (!(error instanceof AgentError)) escapes.push(`unclear error: ${String(error)}`);
              refused++;
            }
          }
        };
        await Promise.all([0, 1, 2, 3].map(worker));
        running = false;
        await swapper;

        assert.deepEqual(escapes, []);
        assert.ok(swaps > 10, `only ${swaps} swaps`);
        assert.ok(
          succeeded > 0 && refused > 0,
          `succeeded ${succeeded}, refused ${refused}: the race was not exercised`,
        );
        assert.equal(await readFile(path.join(outside, 'canary.txt'), 'utf8'), canaryContent);
        assert.equal((await stat(path.join(outside, 'canary.txt'))).mtimeMs, canaryMtime);
        assert.equal(await snapshot(outside), before, 'nothing was written outside');
      } finally {
        await rm(base, { recursive: true, force: true });
      }
    });
  },
);
