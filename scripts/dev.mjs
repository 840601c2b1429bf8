#!/usr/bin/env node
// `npm run dev [-- --db FILE] [-- --electron] [-- --no-open]`: the renderer on Vite's dev server
// (hot reload) with its /trpc calls proxied to an in-process browser host on the same workspace.
// With --electron (and Electron's runtime installed) the desktop shell opens on the dev server
// instead of the system browser, calling the core over IPC as in production.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { createServer } from 'vite';
import { electronBinary, runForwardingSignals } from './electron-runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    electron: { type: 'boolean', default: false },
    'no-open': { type: 'boolean', default: false },
  },
  strict: true,
});

const server = await tsImport('../electron/browser-host/server.ts', import.meta.url);
const { openInBrowser } = await tsImport('../electron/browser-host/open-browser.ts', import.meta.url);
const dbFile = values.db ? path.resolve(values.db) : server.defaultDatabaseFile();

const host = await server.startBrowserHost({ dbFile, port: 0, staticDir: null });
// renderer/vite.config.ts proxies /trpc to RAPPORT_API_PORT; the proxy below (/trpc and the host's
// /host endpoint, which Settings uses to open another database) also rewrites the
// Host header, which the browser host checks.
process.env.RAPPORT_API_PORT = String(host.port);
const vite = await createServer({
  configFile: path.join(root, 'renderer', 'vite.config.ts'),
  server: {
    host: '127.0.0.1',
    proxy: { '/trpc': { target: host.origin, changeOrigin: true }, '/host': { target: host.origin, changeOrigin: true } },
  },
});
await vite.listen();
const base = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
const pageUrl = `${base}?token=${encodeURIComponent(host.token)}`;

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  await vite.close().catch(() => undefined);
  await host.close().catch(() => undefined);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => void stop(0));

console.log(`Rapport (development) is running at ${pageUrl}`);
console.log(`API: ${host.origin}/trpc  Database: ${host.status.file}`);

if (values.electron) {
  const binary = electronBinary();
  if (!binary) {
    console.log("Electron's runtime is not available on this machine; use the browser address above.");
  } else {
    const build = spawn(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--quiet'], { stdio: 'inherit' });
    const built = await new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
    if (!built) await stop(1);
    const env = { ...process.env, RAPPORT_DEV_SERVER_URL: base };
    delete env.ELECTRON_RUN_AS_NODE;
    const code = await runForwardingSignals(binary, [root, '--db', dbFile], { env, cwd: root, name: 'Rapport (Electron)' });
    await stop(code);
  }
} else if (!values['no-open'] && !process.env.CI) {
  openInBrowser(pageUrl);
}
