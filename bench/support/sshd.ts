// A throwaway OpenSSH server for the benchmarks that compare us with OpenSSH (run-command: ssh
// and ControlMaster; transfers: sftp; tunnels: ssh -L): `/usr/sbin/sshd -D` on a free loopback
// port, its own host key and a client key authorized for the current user, nothing read from
// the machine's ssh configuration. Each benchmark adds the lines its comparison needs.

import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnProcess } from '../../test/support/processes.js';
import { waitFor } from '../../test/support/wait.js';
import { freePort, type Cleanups } from '../common.js';

export const SSHD = '/usr/sbin/sshd';

export interface Sshd {
  /** Where its keys and configuration live. */
  dir: string;
  port: number;
  /** The listening sshd (its per-connection processes are its children). */
  pid: number;
  /**
   * What `ssh` (and `sftp`, with `portFlag: '-P'`) needs to reach it as the current user,
   * ending with user@127.0.0.1; `ssh` takes its command after them.
   */
  clientArgs(portFlag?: '-p' | '-P'): string[];
}

/** The pids of a process's children (sshd's per-connection processes). */
function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text === '' ? [] : text.split(/\s+/).map(Number);
  } catch {
    return [];
  }
}

/** Starts sshd in `dir` with `extraConfig` lines; stopped by `cleanups`. */
export async function startSshd(
  dir: string,
  cleanups: Cleanups,
  extraConfig: readonly string[] = [],
): Promise<Sshd> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  // sshd's privilege separation directory; Debian creates it only when the service starts.
  await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = join(dir, 'ssh_host_ed25519_key');
  const clientKey = join(dir, 'client_ed25519');
  const keygen = promisify(execFile);
  await keygen('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bench-host', '-f', hostKey]);
  await keygen('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bench', '-f', clientKey]);
  const authorizedKeys = join(dir, 'authorized_keys');
  await writeFile(authorizedKeys, await readFile(`${clientKey}.pub`, 'utf8'));
  await chmod(authorizedKeys, 0o600);
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  await writeFile(
    config,
    [
      `ListenAddress 127.0.0.1:${port}`,
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      'UseDNS no',
      'LogLevel INFO',
      ...extraConfig,
      '',
    ].join('\n'),
  );
  const sshd = spawnProcess(SSHD, ['-D', '-e', '-f', config]);
  cleanups.add('sshd', async () => {
    // Let its per-connection children end first, or they outlive it as orphans.
    const pid = sshd.child.pid ?? 0;
    await waitFor(() => childPids(pid).length === 0, { timeoutMs: 3000, intervalMs: 20 }).catch(
      () => undefined,
    );
    await sshd.kill('SIGTERM');
  });
  await sshd.waitForLine((line) => line.includes('Server listening'));
  return {
    dir,
    port,
    pid: sshd.child.pid ?? 0,
    clientArgs: (portFlag = '-p') => [
      '-F',
      '/dev/null',
      '-i',
      clientKey,
      '-o',
      'IdentitiesOnly=yes',
      '-o',
      'IdentityAgent=none',
      '-o',
      'StrictHostKeyChecking=no',
      '-o',
      'UserKnownHostsFile=/dev/null',
      '-o',
      'BatchMode=yes',
      '-o',
      'LogLevel=ERROR',
      portFlag,
      String(port),
      `${os.userInfo().username}@127.0.0.1`,
    ],
  };
}
