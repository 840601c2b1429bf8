/**
 * Runs in the sandboxed renderer before the page. It exposes exactly one function to the page:
 * `window.rapport.invoke(request)`, which forwards an API call to the main process. No Node, no
 * ipcRenderer, no other channel reaches the page. Bundled to CommonJS (sandboxed preloads cannot
 * load ES modules) with `electron` left external.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './ipc/channel';

interface ApiRequest {
  type: 'query' | 'mutation';
  path: string;
  input: unknown;
}

contextBridge.exposeInMainWorld('rapport', {
  invoke: (request: ApiRequest) => ipcRenderer.invoke(API_CHANNEL, request),
});
