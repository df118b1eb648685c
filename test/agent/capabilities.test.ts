// Capability detection against a fake PATH of shell scripts and a fake filesystem root.

import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectCapabilities } from '../../src/agent/capabilities.js';

const posix = process.platform !== 'win32';

describe('detectCapabilities', { skip: !posix && 'fake executables are shell scripts' }, () => {
  let dir: string;
  let bin: string;
  let emptyRoot: string;

  async function executable(name: string, script = 'exit 0', directory = bin): Promise<void> {
    const file = path.join(directory, name);
    await writeFile(file, `#!/bin/sh\n${script}\n`);
    await chmod(file, 0o755);
  }

  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'etph-caps-'));
    bin = path.join(dir, 'bin');
    emptyRoot = path.join(dir, 'empty-root');
    await mkdir(bin);
    await mkdir(emptyRoot);
    for (const name of ['docker', 'git', 'apt-get', 'clang', 'ssh']) await executable(name);
    await executable('python3', 'echo 3.12');
    // Present but not executable, and a directory: neither counts.
    await writeFile(path.join(bin, 'kubectl'), '#!/bin/sh\n');
    await chmod(path.join(bin, 'kubectl'), 0o644);
    await mkdir(path.join(bin, 'podman'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('finds executables on PATH, and python3 with its version', async () => {
    const caps = await detectCapabilities({ pathEnv: bin, root: emptyRoot });
    assert.deepEqual(caps, ['apt', 'c-compiler', 'docker', 'git', 'python3.12', 'ssh']);
  });

  test('searches every PATH entry, skipping relative and missing ones', async () => {
    const second = path.join(dir, 'second-bin');
    await mkdir(second);
    await executable('make', 'exit 0', second);
    const pathEnv = ['relative-bin', path.join(dir, 'missing'), bin, second].join(path.delimiter);
    const caps = await detectCapabilities({ pathEnv, root: emptyRoot });
    assert.ok(caps.includes('make'));
    assert.ok(caps.includes('docker'));
  });

  test('leaves python out when it fails or prints something odd', async () => {
    const broken = path.join(dir, 'broken-bin');
    await mkdir(broken);
    await executable('python3', 'exit 1', broken);
    assert.deepEqual(await detectCapabilities({ pathEnv: broken, root: emptyRoot }), []);
    await executable('python3', 'echo "Python was not found"', broken);
    assert.deepEqual(await detectCapabilities({ pathEnv: broken, root: emptyRoot }), []);
  });

  test('an empty PATH and an empty root find nothing', async () => {
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: emptyRoot }), []);
  });

  test('probes GPUs and systemd through the filesystem root', async () => {
    const nvidiaRoot = path.join(dir, 'nvidia-root');
    await mkdir(path.join(nvidiaRoot, 'proc/driver/nvidia/gpus/0000:01:00.0'), { recursive: true });
    await mkdir(path.join(nvidiaRoot, 'run/systemd/system'), { recursive: true });
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: nvidiaRoot }), [
      'nvidia-gpu',
      'systemd',
    ]);

    const devRoot = path.join(dir, 'dev-root');
    await mkdir(path.join(devRoot, 'dev'), { recursive: true });
    await writeFile(path.join(devRoot, 'dev/nvidia0'), '');
    await writeFile(path.join(devRoot, 'dev/kfd'), '');
    // A file where systemd's directory should be is not systemd.
    await mkdir(path.join(devRoot, 'run/systemd'), { recursive: true });
    await writeFile(path.join(devRoot, 'run/systemd/system'), '');
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: devRoot }), [
      'amd-gpu',
      'nvidia-gpu',
    ]);

    const drmRoot = path.join(dir, 'drm-root');
    await mkdir(path.join(drmRoot, 'sys/class/drm/card0/device'), { recursive: true });
    await mkdir(path.join(drmRoot, 'sys/class/drm/card1/device'), { recursive: true });
    await writeFile(path.join(drmRoot, 'sys/class/drm/card0/device/vendor'), '0x8086\n');
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: drmRoot }), []);
    await writeFile(path.join(drmRoot, 'sys/class/drm/card1/device/vendor'), '0x1002\n');
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: drmRoot }), ['amd-gpu']);
  });

  test('an empty nvidia gpus directory is no GPU; nvidia-smi on PATH is one', async () => {
    const emptyDriver = path.join(dir, 'empty-driver');
    await mkdir(path.join(emptyDriver, 'proc/driver/nvidia/gpus'), { recursive: true });
    assert.deepEqual(await detectCapabilities({ pathEnv: '', root: emptyDriver }), []);
    const smiBin = path.join(dir, 'smi-bin');
    await mkdir(smiBin);
    await executable('nvidia-smi', 'exit 0', smiBin);
    assert.deepEqual(await detectCapabilities({ pathEnv: smiBin, root: emptyDriver }), [
      'nvidia-gpu',
    ]);
  });

  test('the real machine gives a sorted, unique list', async () => {
    const caps = await detectCapabilities();
    assert.deepEqual(caps, [...new Set(caps)].sort());
  });
});
