/**
 * Runs the real main-process module (TypeScript source) against a stand-in `electron` (the runtime
 * cannot be downloaded here): start-up on the default workspace, the window's security settings,
 * the IPC channel, the menu, swapping databases, refusing a foreign file, and closing on quit.
 */
import { vi } from 'vitest';
import { mainProcessSuite } from './test-support/main-suite';

const fake = await vi.hoisted(async () => (await import('./test-support/fake-electron')).createFakeElectron());
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

mainProcessSuite('Electron main process from source (stand-in runtime)', fake, () => import('./index'));
