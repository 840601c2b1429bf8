/**
 * The start scripts' guards: the Node version check (plain CommonJS, so it runs on old Node) and
 * the report of a child that crashed, which `npm start` used to swallow.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const scripts = path.dirname(fileURLToPath(import.meta.url));
const checkNode = path.join(scripts, 'check-node.cjs');

interface Runtime {
  describeExit(name: string, code: number | null, signal: NodeJS.Signals | null, options?: { stopping?: boolean }): string | null;
  runForwardingSignals(command: string, args: string[], options?: Record<string, unknown>): Promise<number>;
}
const runtime = (): Promise<Runtime> => import(new URL('./electron-runtime.mjs', import.meta.url).href) as Promise<Runtime>;

/** Runs check-node.cjs in a Node that reports `version` (process.version is what it reads). */
function checkNodeAs(version: string) {
  const pretend = `Object.defineProperty(process, 'version', { value: 'v${version}' });
    Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '${version}' } });
    require(${JSON.stringify(checkNode)});`;
  return spawnSync(process.execPath, ['-e', pretend], { encoding: 'utf8' });
}

describe('scripts/check-node.cjs', () => {
  it('lets this Node through silently', () => {
    const result = spawnSync(process.execPath, [checkNode], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('refuses Node 20 with the needed version and how to get it', () => {
    const result = checkNodeAs('20.20.2');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Rapport needs Node.js 22.14.0 or newer (this is Node v20.20.2');
    expect(result.stderr).toContain('https://nodejs.org');
    expect(result.stderr).toContain('npm install --prefix ~/.node22 node@22');
  });

  it('reads the minimum from package.json engines, to the patch level', () => {
    expect(checkNodeAs('22.13.9').status).toBe(1);
    expect(checkNodeAs('22.14.0').status).toBe(0);
    expect(checkNodeAs('24.0.0').status).toBe(0);
  });
});

describe('scripts/electron-runtime.mjs: a child that ends badly is reported', () => {
  it('names the signal or the exit code, and stays quiet for a normal end or a requested stop', async () => {
    const { describeExit } = await runtime();
    expect(describeExit('Rapport (browser host)', null, 'SIGSEGV')).toMatch(/^Rapport \(browser host\) crashed: it was ended by SIGSEGV \(a segmentation fault/);
    expect(describeExit('Rapport (Electron)', 3, null)).toBe('Rapport (Electron) stopped with exit code 3.');
    expect(describeExit('x', 0, null)).toBeNull();
    expect(describeExit('x', null, 'SIGINT', { stopping: true })).toBeNull();
    expect(describeExit('x', null, 'SIGTERM')).toMatch(/ended by SIGTERM/);
  });

  it('fails with 128 + signal when the child segfaults, instead of ending silently', async () => {
    const { runForwardingSignals } = await runtime();
    const child = ['-e', "process.kill(process.pid, 'SIGSEGV')"];
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      expect(await runForwardingSignals(process.execPath, child, { name: 'Rapport (browser host)', stdio: 'ignore' })).toBe(139);
      expect(await runForwardingSignals(process.execPath, ['-e', 'process.exit(4)'], { name: 'Rapport (browser host)', stdio: 'ignore' })).toBe(4);
      expect(await runForwardingSignals(process.execPath, ['-e', '0'], { name: 'quiet', stdio: 'ignore' })).toBe(0);
    } finally {
      console.error = original;
    }
    expect(errors.map((line) => line.trim())).toEqual([
      expect.stringMatching(/^Rapport \(browser host\) crashed: it was ended by SIGSEGV/),
      'Rapport (browser host) stopped with exit code 4.',
    ]);
  });
});
