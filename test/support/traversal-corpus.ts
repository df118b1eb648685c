// A generated corpus of paths that try to leave an allowed root: `..` at every depth with every
// separator trick, sibling prefixes, trailing dots and slashes, symlinks and symlink chains
// planted inside the root, hard links, /proc/self/root, relative paths, NUL bytes, very long
// paths. Every attempt names a place outside the root (or is malformed): none may succeed.

import { link, mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface TraversalFixture {
  /** The allowed root. */
  root: string;
  /** A sibling sharing the root's name as a prefix (root + "2"). */
  sibling: string;
  /** Outside the root: holds the canary. */
  outside: string;
  canary: string;
  canaryContent: string;
}

/**
 * Plants, under `base` (a real path):
 *   root/ sub/deeper/ a.txt, esc → outside, esc-file → canary, chain1 → chain2 → chain3 →
 *         outside, rel-esc → ../outside, proc → /proc/self/root, loop1 ⇄ loop2, hard (a hard
 *         link to the canary, when the file system allows it)
 *   root2/ x.txt          outside/ canary.txt, only-outside
 */
export async function plantFixture(base: string): Promise<TraversalFixture> {
  const root = path.join(base, 'root');
  const sibling = `${root}2`;
  const outside = path.join(base, 'outside');
  const canary = path.join(outside, 'canary.txt');
  const canaryContent = `canary ${Date.now()} — must never be read or changed`;
  await mkdir(path.join(root, 'sub', 'deeper'), { recursive: true });
  await mkdir(sibling);
  await mkdir(outside);
  await writeFile(path.join(root, 'sub', 'a.txt'), 'inside');
  await writeFile(path.join(sibling, 'x.txt'), 'sibling');
  await writeFile(canary, canaryContent);
  await writeFile(path.join(outside, 'only-outside'), 'outside');
  await symlink(outside, path.join(root, 'esc'));
  await symlink(canary, path.join(root, 'esc-file'));
  await symlink(path.join(root, 'chain2'), path.join(root, 'chain1'));
  await symlink('chain3', path.join(root, 'chain2'));
  await symlink('../outside', path.join(root, 'chain3'));
  await symlink('../outside', path.join(root, 'rel-esc'));
  await symlink('../../outside/canary.txt', path.join(root, 'sub', 'deep-esc'));
  await symlink('/proc/self/root', path.join(root, 'proc'));
  await symlink('loop2', path.join(root, 'loop1'));
  await symlink('loop1', path.join(root, 'loop2'));
  await symlink(sibling, path.join(root, 'to-sibling'));
  try {
    await link(canary, path.join(root, 'hard'));
  } catch {
    // Hard links across devices are impossible: then there is nothing to test.
  }
  return { root, sibling, outside, canary, canaryContent };
}

/** The corpus: absolute or malformed paths, none of which may reach outside `root`. */
export function traversalPaths(f: TraversalFixture): string[] {
  const out = new Set<string>();
  const rel = path.relative(f.root, f.outside); // "../outside"
  const targets = ['canary.txt', '', 'only-outside', 'new-file.txt', 'new-dir/new-file.txt'];
  const separators = ['/', '//', '/./', '/.//', '///'];
  // `..` at every depth below the root, through existing and missing directories.
  for (let depth = 0; depth <= 12; depth++) {
    for (const sep of separators) {
      for (const through of ['sub', 'missing']) {
        const down = Array.from({ length: depth }, () => through).join(sep);
        const up = Array.from({ length: depth + 1 }, () => '..').join(sep);
        for (const target of targets.slice(0, 3)) {
          const start = depth === 0 ? f.root : `${f.root}${sep}${down}`;
          out.add(`${start}${sep}${up}${sep}outside${target ? sep + target : ''}`);
        }
      }
    }
  }
  // Climbing far past the file system root still lands outside.
  for (let extra = 1; extra <= 40; extra += 3) {
    out.add(`${f.root}/${'../'.repeat(extra)}${f.canary.slice(1)}`);
  }
  // Sibling prefixes.
  const siblingTails = ['2', '2/', '2/x.txt', '2/.', '2/../outside/canary.txt', '-x', '..'];
  for (const suffix of [...siblingTails, '.bak', '../root2/x.txt']) {
    out.add(`${f.root}${suffix}`);
  }
  out.add(f.sibling);
  // Trailing dots and slashes on outside targets.
  for (const tail of ['', '/', '/.', '//', '/./', '/..', '/../outside/canary.txt']) {
    out.add(`${f.outside}${tail}`);
    out.add(`${f.canary}${tail}`);
    out.add(`${f.root}/../outside${tail}`);
    out.add(`${f.root}/sub/../../outside/canary.txt${tail}`);
  }
  // Symlinks and symlink chains planted inside the root.
  for (const link of ['esc', 'chain1', 'chain2', 'chain3', 'rel-esc', 'to-sibling']) {
    for (const target of targets) out.add(path.join(f.root, link, target) + (target ? '' : '/'));
    out.add(`${f.root}/${link}`);
    out.add(`${f.root}/${link}/.`);
    out.add(`${f.root}/${link}/../outside/canary.txt`);
    out.add(`${f.root}/${link}//canary.txt`);
    out.add(`${f.root}/sub/../${link}/canary.txt`);
  }
  for (const link of ['esc-file', 'sub/deep-esc', 'hard', 'loop1', 'loop2', 'loop1/x']) {
    out.add(`${f.root}/${link}`);
    out.add(`${f.root}//${link}`);
    out.add(`${f.root}/./${link}`);
  }
  // /proc/self/root, directly and through a link inside the root.
  for (const prefix of ['/proc/self/root', `${f.root}/proc`, `${f.root}/../../proc/self/root`]) {
    out.add(`${prefix}${f.canary}`);
    out.add(`${prefix}${f.outside}`);
    out.add(`${prefix}${f.outside}/new-file.txt`);
  }
  // Relative paths.
  for (const relative of [
    rel,
    `${rel}/canary.txt`,
    'canary.txt',
    '.',
    '..',
    './root/../outside',
    'root/sub/a.txt',
    '~/.ssh/id_ed25519',
    `${f.root.slice(1)}`,
  ]) {
    out.add(relative);
  }
  // NUL bytes.
  for (const at of [f.root, `${f.root}/sub`, `${f.root}/a.txt`]) {
    out.add(`${at}\0/../../outside/canary.txt`);
    out.add(`${at}/\0`);
    out.add(`${f.canary}\0${at}`);
  }
  // Very long paths: over PATH_MAX, an over-long component, and a long walk back up.
  out.add(`${f.root}/${'a/'.repeat(2100)}x`);
  out.add(`${f.root}/${'x'.repeat(300)}/../../outside/canary.txt`);
  out.add(`${f.root}/${'a/'.repeat(1000)}${'../'.repeat(1001)}outside/canary.txt`);
  out.add(`${f.root}/${'sub/'.repeat(1100)}..`);
  return [...out];
}
