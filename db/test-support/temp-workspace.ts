import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openCore, type Core } from '../api/core';
import { appRouter } from '../api/router';
import type { PinLockouts } from '../system/pin-lockout';
import type { OpenOptions } from '../workspace/open';

const dirs: string[] = [];
const cores: Core[] = [];

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-test-'));
  dirs.push(dir);
  return dir;
}

/** A real workspace file in a temp folder and an API caller bound to it (wrong PINs counted in `pinLockouts`, else the process's). */
export function tempCore(options: OpenOptions = {}, file = path.join(tempDir(), 'rapport.db'), pinLockouts?: PinLockouts) {
  const core = openCore(file, { probeLocks: false, ...options }, pinLockouts);
  cores.push(core);
  return { core, file, api: appRouter.createCaller(core.context()) };
}

afterEach(() => {
  for (const core of cores.splice(0)) {
    try {
      core.close();
    } catch {
      // already closed by the test
    }
  }
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `call` and returns the Rapport error data it failed with (throws if it succeeded). */
export async function rapportError(call: () => Promise<unknown>): Promise<{ code: string; issues?: { path: string; message: string }[]; current?: any }> {
  try {
    await call();
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause as { toData?: () => any } | undefined;
    if (cause?.toData) return cause.toData();
    const data = (error as { shape?: { data?: { rapport?: any } } }).shape?.data?.rapport;
    if (data) return data;
    const { toErrorData } = await import('../api/trpc');
    return toErrorData(error) as any;
  }
  throw new Error('Expected the call to fail');
}

export function fileBytes(file: string): Buffer {
  return fs.readFileSync(file);
}
