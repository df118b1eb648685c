// What this machine can do, as short tags the hub filters on (`docker`, `python3.12`,
// `nvidia-gpu`…). Only what is really there: executables are looked up on PATH the way a shell
// would, devices through the filesystem. Nothing is run except python3, for its version.

import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

const PYTHON_TIMEOUT_MS = 3000;
const PYTHON_VERSION_SCRIPT = 'import sys;print("%d.%d"%sys.version_info[:2])';

/** Each capability, with the executables any one of which proves it. */
const EXECUTABLE_CAPABILITIES = {
  docker: ['docker'],
  podman: ['podman'],
  node: ['node'],
  git: ['git'],
  kubectl: ['kubectl'],
  apt: ['apt-get', 'apt'],
  dnf: ['dnf'],
  brew: ['brew'],
  make: ['make'],
  'c-compiler': ['cc', 'gcc', 'clang'],
  ssh: ['ssh'],
} as const;

// On macOS these are stubs that open an "install developer tools" dialog until the Command Line
// Tools are installed; before that they prove nothing (and python3 must not be run).
const MACOS_DEVELOPER_STUBS = ['git', 'make', 'cc', 'gcc', 'clang', 'python3'].map(
  (name) => `/usr/bin/${name}`,
);

export interface DetectCapabilitiesOptions {
  /** The PATH to search; defaults to the agent's own. */
  pathEnv?: string;
  /** Where the filesystem probes (/proc, /dev, /sys, /run) start; tests point it at a temp dir. */
  root?: string;
}

/** Sorted, unique capability tags of this machine. */
export async function detectCapabilities(
  options: DetectCapabilitiesOptions = {},
): Promise<string[]> {
  const pathEnv = options.pathEnv ?? process.env.PATH ?? '';
  const root = options.root ?? '/';
  const finder = createExecutableFinder(pathEnv, root);

  const found = await Promise.all(
    Object.entries(EXECUTABLE_CAPABILITIES).map(async ([capability, names]) => {
      for (const name of names) if ((await finder.find(name)) !== undefined) return capability;
      return undefined;
    }),
  );
  const probed = await Promise.all([
    detectPython(finder, pathEnv),
    hasNvidiaGpu(finder, root).then((yes) => (yes ? 'nvidia-gpu' : undefined)),
    hasAmdGpu(root).then((yes) => (yes ? 'amd-gpu' : undefined)),
    isDirectory(path.join(root, 'run/systemd/system')).then((yes) => (yes ? 'systemd' : undefined)),
  ]);
  const tags = [...found, ...probed].filter((tag): tag is string => tag !== undefined);
  return [...new Set(tags)].sort();
}

interface ExecutableFinder {
  /** Full path of the first executable `name` on PATH, as a shell would pick it. */
  find(name: string): Promise<string | undefined>;
}

function createExecutableFinder(pathEnv: string, root: string): ExecutableFinder {
  // A relative entry (".", "bin") would make the answer depend on the agent's cwd.
  const directories = pathEnv.split(path.delimiter).filter((dir) => path.isAbsolute(dir));
  const extensions =
    process.platform === 'win32'
      ? (process.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)
      : [''];
  let developerTools: Promise<boolean> | undefined;

  const isUsable = async (candidate: string): Promise<boolean> => {
    if (!(await isExecutableFile(candidate))) return false;
    if (process.platform !== 'darwin' || !MACOS_DEVELOPER_STUBS.includes(candidate)) return true;
    developerTools ??= Promise.all([
      isDirectory(path.join(root, 'Library/Developer/CommandLineTools')),
      isDirectory(path.join(root, 'Applications/Xcode.app')),
    ]).then(([tools, xcode]) => tools || xcode);
    return developerTools;
  };

  return {
    async find(name) {
      for (const directory of directories) {
        for (const extension of extensions) {
          const candidate = path.join(directory, name + extension);
          if (await isUsable(candidate)) return candidate;
        }
      }
      return undefined;
    },
  };
}

async function isExecutableFile(candidate: string): Promise<boolean> {
  try {
    // access(X_OK) alone admits directories (search permission); Windows has no X bit, so
    // there the extension from PATHEXT is what makes a file executable.
    if (!(await stat(candidate)).isFile()) return false;
    await access(candidate, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `python3.X` for the python3 first on PATH, or nothing when it is missing, slow or odd. */
async function detectPython(
  finder: ExecutableFinder,
  pathEnv: string,
): Promise<string | undefined> {
  const python = await finder.find('python3');
  if (python === undefined) return undefined;
  try {
    const { stdout } = await execFileAsync(python, ['-c', PYTHON_VERSION_SCRIPT], {
      timeout: PYTHON_TIMEOUT_MS,
      killSignal: 'SIGKILL',
      // Version managers' shims (pyenv) look up the real interpreter on PATH.
      env: { ...process.env, PATH: pathEnv },
      windowsHide: true,
    });
    const match = /^3\.(\d+)$/.exec(stdout.trim());
    return match === null ? undefined : `python3.${match[1]}`;
  } catch {
    return undefined;
  }
}

async function hasNvidiaGpu(finder: ExecutableFinder, root: string): Promise<boolean> {
  if ((await finder.find('nvidia-smi')) !== undefined) return true;
  try {
    const gpus = await readdir(path.join(root, 'proc/driver/nvidia/gpus'));
    if (gpus.length > 0) return true;
  } catch {
    // No driver directory: fall through to the device node.
  }
  return exists(path.join(root, 'dev/nvidia0'));
}

const AMD_PCI_VENDOR = '0x1002';

async function hasAmdGpu(root: string): Promise<boolean> {
  // /dev/kfd is the ROCm compute interface: present only with an AMD GPU and its driver.
  if (await exists(path.join(root, 'dev/kfd'))) return true;
  const drm = path.join(root, 'sys/class/drm');
  let cards: string[];
  try {
    cards = (await readdir(drm)).filter((name) => name.startsWith('card'));
  } catch {
    return false;
  }
  const vendors = await Promise.all(
    cards.map((card) => readFile(path.join(drm, card, 'device/vendor'), 'utf8').catch(() => '')),
  );
  return vendors.some((vendor) => vendor.trim().toLowerCase() === AMD_PCI_VENDOR);
}

async function exists(target: string): Promise<boolean> {
  try {
    await stat(target);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}
