import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One folder seen through several bindfs (FUSE) mounts, each playing a PC on the office share.
 * Without lock forwarding, the kernel keeps each mount's byte-range locks to itself: processes on
 * one mount exclude each other, two mounts do not — exactly an SMB or sshfs client whose locks
 * never reach the server. With `--enable-lock-forwarding` every lock is taken by the one bindfs
 * process, so locks do not exclude even between two processes of one PC.
 */
export interface ShareMounts {
  /** The folder itself (the server's disk). */
  real: string;
  pcA: string;
  pcB: string;
  /** A lock-forwarding mount: locks do not even exclude on one PC. */
  forwarding: string;
  unmount(): void;
}

export type MountOutcome = { ok: true; mounts: ShareMounts } | { ok: false; reason: string };

export function mountShare(): MountOutcome {
  if (process.platform !== 'linux') return { ok: false, reason: 'FUSE mounts are set up on Linux only' };
  if (!fs.existsSync('/dev/fuse')) return { ok: false, reason: '/dev/fuse is missing' };
  if (spawnSync('bindfs', ['--version']).status !== 0) return { ok: false, reason: 'bindfs is not installed (.ci/run installs it)' };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-share-'));
  const dirs = { real: path.join(root, 'real'), pcA: path.join(root, 'pc-a'), pcB: path.join(root, 'pc-b'), forwarding: path.join(root, 'fwd') };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir);
  const mounted: string[] = [];
  const unmount = () => {
    for (const dir of mounted.splice(0)) spawnSync('fusermount3', ['-uz', dir]);
    fs.rmSync(root, { recursive: true, force: true });
  };
  const mount = (target: string, extra: string[]) => {
    const result = spawnSync('bindfs', [...extra, dirs.real, target], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr.trim() || `bindfs exited ${result.status}`);
    mounted.push(target);
  };
  try {
    mount(dirs.pcA, []);
    mount(dirs.pcB, []);
    mount(dirs.forwarding, ['--multithreaded', '--enable-lock-forwarding']);
  } catch (error) {
    unmount();
    return { ok: false, reason: `bindfs could not mount: ${(error as Error).message}` };
  }
  return { ok: true, mounts: { ...dirs, unmount } };
}
