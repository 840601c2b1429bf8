/**
 * The core process: the one place where SQLite runs. Electron main forks it as a utilityProcess,
 * the browser host as a child process, tests and the bench as a plain Node child; all speak the
 * protocol in core-protocol.ts. A lock wait here blocks only this process, never a window or the
 * HTTP host. Plain Node: it never imports electron.
 */
import nodeModule from 'node:module';
import type { CoreToHost, HostToCore } from './core-protocol';
import { CoreServer } from './core-server';

/** Electron's utilityProcess API (`process.parentPort`), which @types/node does not know. */
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown; ports?: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
  start?(): void;
  on(event: 'close', listener: () => void): void;
}

/** Starts serving on whatever this process was started by. */
function serve(): void {
  const server = new CoreServer();
  const shutdown = () => {
    server.closeWorkspace();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  // Ctrl+C in a terminal reaches the whole process group: the host decides when the core stops.
  process.on('SIGINT', () => undefined);
  const parentPort = (process as unknown as { parentPort?: PortLike }).parentPort;
  if (parentPort) {
    // Electron utilityProcess: control messages from main; each window's port arrives with `connect`.
    parentPort.on('message', ({ data, ports }) => {
      const message = data as HostToCore;
      if (message?.type === 'control' && message.op === 'connect' && ports?.[0]) {
        const port = ports[0];
        const session = message.session;
        server.connect(session);
        port.on('message', (event) => void server.handle(event.data, (reply) => port.postMessage(reply), session));
        port.on('close', () => void server.handle({ id: -1, type: 'control', op: 'disconnect', session }, () => undefined));
        port.start?.();
        parentPort.postMessage({ id: message.id, ok: true, data: null });
        return;
      }
      void server.handle(message, (reply) => parentPort.postMessage(reply));
    });
    parentPort.postMessage({ type: 'ready', pid: process.pid } satisfies CoreToHost);
    return;
  }
  if (process.send) {
    // A Node child process (browser host, tests, bench): one IPC channel, sessions named in each message.
    process.on('message', (message) => void server.handle(message, (reply) => process.send?.(reply)));
    // The host went away: nothing else may keep this file open.
    process.on('disconnect', shutdown);
    process.send({ type: 'ready', pid: process.pid } satisfies CoreToHost);
    return;
  }
  process.stderr.write('The Rapport core must be started by a host (Electron, the browser host or a test).\n');
  process.exit(2);
}

serve();
// The host sets NODE_COMPILE_CACHE (core-client.ts) and stops the core with a kill, which writes
// nothing: write the compiled code once the core is up, so the next start skips compiling it.
// (Optional: a runtime without the compile cache, or without NODE_COMPILE_CACHE set, has nothing to write.)
setTimeout(() => nodeModule.flushCompileCache?.(), 1_000).unref();
