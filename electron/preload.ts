/**
 * Runs in the sandboxed renderer before the page. It asks main for a MessagePort to the core
 * process and exposes exactly one function to the page: `window.rapport.invoke(request)`, which
 * sends one API call over that port and resolves with the core's answer. The port itself, Node and
 * ipcRenderer never reach the page. Bundled to CommonJS (sandboxed preloads cannot load ES
 * modules) with `electron` left external.
 */
import { contextBridge, ipcRenderer } from 'electron';

// Kept here, not imported: the sandboxed preload may require nothing but electron (see core-host.ts).
const PORT_REQUEST_CHANNEL = 'rapport:port-request';
const PORT_CHANNEL = 'rapport:port';

interface ApiRequest {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

type ApiResponse = { ok: true; data: unknown } | { ok: false; error: { message: string; code: string; data: unknown } };

let port: MessagePort | undefined;
let nextId = 1;
const pending = new Map<number, (response: ApiResponse) => void>();
/** Calls made before the port arrived; sent as soon as it does. */
const queued: { id: number; type: string; path: string; input: unknown }[] = [];

ipcRenderer.on(PORT_CHANNEL, (event) => {
  // ipcRenderer messages come from main only; take the first port main hands this page load.
  const received = event.ports[0];
  if (!received || port) return;
  port = received;
  port.onmessage = (message: MessageEvent<{ id: number } & ApiResponse>) => {
    const settle = pending.get(message.data.id);
    if (!settle) return;
    pending.delete(message.data.id);
    settle(message.data);
  };
  port.start();
  for (const request of queued.splice(0)) port.postMessage(request);
});
ipcRenderer.send(PORT_REQUEST_CHANNEL);

contextBridge.exposeInMainWorld('rapport', {
  invoke: (request: ApiRequest) =>
    new Promise<ApiResponse>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      // Only the three fields of a call cross to the core, whatever the page passed.
      const message = { id, type: request?.type, path: request?.path, input: request?.input };
      if (port) port.postMessage(message);
      else queued.push(message);
    }),
});
