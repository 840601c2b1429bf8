import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** statfs f_type magic numbers of network and FUSE filesystems on Linux. */
const NETWORK_FS_TYPES = new Set([
  0x517b, // smbfs
  0xfe534d42, // smb2
  0xff534d42, // cifs
  0x6969, // nfs
  0x65735546, // fuse (sshfs and friends)
  0x564c, // ncp
  0x47504653, // gpfs
  0x0bd00bd0, // lustre
  0x01021997, // 9p (v9fs): WSL2 drvfs, VM shares
  0x53464846, // WSL1 drvfs (lxfs "WSLF")
  0x786f4256, // vboxsf (VirtualBox shared folders)
  0x00c36400, // ceph
  0x5346414f, // AFS (kAFS and OpenAFS)
  0x73757245, // coda
  0x7461636f, // ocfs2
  0x01161970, // gfs2
]);

/**
 * True when the file lives on a network location: a UNC path, a mapped network drive on Windows,
 * or a network/FUSE mount elsewhere. Such a file is treated as shared even if nobody marked it.
 */
export function isNetworkPath(file: string, platform: NodeJS.Platform = process.platform): boolean {
  if (/^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(file)) return true;
  if (platform === 'win32') return isMappedNetworkDrive(file);
  try {
    const dir = fs.existsSync(file) ? file : path.dirname(file);
    const stats = fs.statfsSync(dir);
    if (platform === 'linux') return NETWORK_FS_TYPES.has(stats.type >>> 0);
    if (platform === 'darwin') return isMacNetworkMount(dir);
  } catch {
    return false;
  }
  return false;
}

function isMappedNetworkDrive(file: string): boolean {
  const drive = /^([a-zA-Z]):/.exec(path.resolve(file))?.[1];
  if (!drive) return false;
  try {
    const output = execFileSync('net', ['use'], { encoding: 'utf8', timeout: 3000, windowsHide: true });
    return new RegExp(`\\s${drive}:\\s`, 'i').test(output);
  } catch {
    return false;
  }
}

function isMacNetworkMount(dir: string): boolean {
  try {
    const output = execFileSync('df', ['-P', dir], { encoding: 'utf8', timeout: 3000 });
    const device = output.trim().split('\n')[1]?.split(/\s+/)[0] ?? '';
    return device.startsWith('//') || /^[^/]+:\//.test(device);
  } catch {
    return false;
  }
}
