/**
 * Main's side of the core: forks db/api/core-process (bundled as core.mjs) in an Electron
 * utilityProcess and hands each renderer a MessagePort straight to it. Main itself never loads
 * better-sqlite3: it only passes ports and sends control messages (open, close, reminders).
 */
import { MessageChannelMain, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import { CoreClient } from '../../db/api/core-client';
import type { CoreToHost } from '../../db/api/core-protocol';
import { isTrustedSender, type SenderFrameLike, type TrustedRenderer } from '../ipc/sender';

/** The preload asks for its port on this channel; main answers on PORT_CHANNEL with the port. */
export const PORT_REQUEST_CHANNEL = 'rapport:port-request';
export const PORT_CHANNEL = 'rapport:port';

export function forkCoreUtility(entry: string): CoreClient {
  const child = utilityProcess.fork(entry, [], { serviceName: 'Rapport core', stdio: 'inherit' });
  let exit: { code: number | null } | undefined;
  child.once('exit', (code) => (exit = { code }));
  return new CoreClient({
    get pid() {
      return child.pid;
    },
    post: (message, transfer) => {
      if (!exit) child.postMessage(message, transfer as MessagePortMain[] | undefined);
    },
    onMessage: (listener) => child.on('message', (message: CoreToHost) => listener(message)),
    onExit: (listener) => {
      if (exit) listener(exit.code, null);
      else child.once('exit', (code) => listener(code, null));
    },
    kill: () => {
      if (!exit) child.kill();
    },
  });
}

/** The part of Electron's IpcMainEvent a port request reads. */
export interface PortRequestEvent {
  readonly senderFrame: SenderFrameLike | null;
  readonly sender: Pick<WebContents, 'id' | 'postMessage' | 'once'>;
}

export interface PortGrantOptions extends TrustedRenderer {
  onRefused?: (reason: string, detail: { url: string | null }) => void;
}

/**
 * Builds the `ipcMain.on(PORT_REQUEST_CHANNEL, …)` listener: checks who asks (only our renderer's
 * main frame), opens a session in the core for that page load and hands the page one end of a
 * MessageChannel whose other end the core holds. A reload asks again and gets a fresh session.
 */
export function createPortGrant(getCore: () => CoreClient | undefined, options: PortGrantOptions) {
  const sessions = new Map<number, string>();
  let counter = 0;
  const grant = async (event: PortRequestEvent): Promise<boolean> => {
    const url = event.senderFrame?.url ?? null;
    if (!isTrustedSender(event.senderFrame, options)) {
      options.onRefused?.('foreign sender', { url });
      return false;
    }
    const core = getCore();
    if (!core) {
      options.onRefused?.('no core running', { url });
      return false;
    }
    const contents = event.sender;
    const previous = sessions.get(contents.id);
    if (previous) void core.control({ op: 'disconnect', session: previous });
    else contents.once('destroyed', () => {
      const last = sessions.get(contents.id);
      sessions.delete(contents.id);
      if (last) void getCore()?.control({ op: 'disconnect', session: last });
    });
    const session = `window-${contents.id}-${++counter}`;
    sessions.set(contents.id, session);
    const { port1, port2 } = new MessageChannelMain();
    const answer = await core.control({ op: 'connect', session }, [port1]);
    if (!answer.ok) {
      options.onRefused?.(`core refused the connection: ${answer.error.message}`, { url });
      return false;
    }
    contents.postMessage(PORT_CHANNEL, null, [port2]);
    return true;
  };
  /** The session a window's page is connected as (whoever signed in there), for calls main makes on its behalf. */
  const sessionOf = (contentsId: number): string | undefined => sessions.get(contentsId);
  return Object.assign(grant, { sessionOf });
}
