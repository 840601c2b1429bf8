import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// No CSP meta tag: every host sends the one strict policy as a header (electron/shared/csp.ts):
// the browser host, Electron's app:// protocol, and Electron's session for the dev server.

const appIconFile = fileURLToPath(new URL('../build/icon.png', import.meta.url));

/** The app's one icon (build/icon.png, drawn by scripts/make-icon.mjs) is the page's favicon too. */
function appIcon(): Plugin {
  return {
    name: 'rapport-app-icon',
    configureServer(server) {
      server.middlewares.use('/icon.png', (_request, response) => {
        response.setHeader('Content-Type', 'image/png');
        response.end(fs.readFileSync(appIconFile));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'icon.png', source: fs.readFileSync(appIconFile) });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), appIcon()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // Vite's 500 kB default is about pages downloaded over the internet. Rapport's renderer is read
    // from the local disk (app:// in Electron, 127.0.0.1 in the browser host) and needs all of its
    // code at once, so one chunk of a few MB costs parse time, not a download, and splitting it would
    // only add requests. The limit stays, to flag something clearly out of line (a whole library
    // pulled in by mistake); the bundle is about 1.4 MB today.
    chunkSizeWarningLimit: 3000,
  },
  server: {
    port: 5173,
    strictPort: false,
    proxy: {
      '/trpc': `http://127.0.0.1:${process.env.RAPPORT_API_PORT ?? 5174}`,
      '/host': `http://127.0.0.1:${process.env.RAPPORT_API_PORT ?? 5174}`,
    },
  },
});
