import { processPinLockouts, type PinLockouts } from '../system/pin-lockout';
import { StaffSession, sessionContext } from '../system/session';
import { openWorkspace, type OpenOptions, type Workspace } from '../workspace/open';
import type { ApiContext } from './trpc';

export { defaultWorkspacePath } from './core-protocol';

/** What a host (Electron main, browser host, tests) holds: one open workspace and its API context. */
export interface Core {
  workspace: Workspace;
  /** The context calls run in for `session` (a connection's sign-in state); without one, the core's own session. */
  context(session?: StaffSession): ApiContext;
  close(): void;
}

const HEARTBEAT_MS = 30_000;

/** `pinLockouts`: where wrong PINs are counted; the process's own unless a test brings its clock. */
export function openCore(file: string, options: OpenOptions = {}, pinLockouts: PinLockouts = processPinLockouts): Core {
  const workspace = openWorkspace(file, options);
  const heartbeat = setInterval(() => workspace.heartbeat(), HEARTBEAT_MS);
  heartbeat.unref();
  const ownSession = new StaffSession();
  return {
    workspace,
    context: (session = ownSession) => sessionContext(workspace, session, pinLockouts),
    close: () => {
      clearInterval(heartbeat);
      workspace.close();
    },
  };
}

