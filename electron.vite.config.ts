// Builds the three Electron targets. Main has several entries: the Electron shell, the headless
// core (plain Node) and the sync server; all of them share the core and are built once.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import pkg from './package.json' with { type: 'json' };

const define = { __APP_VERSION__: JSON.stringify(pkg.version) };

export default defineConfig({
  main: {
    define,
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/shell/index.ts'),
          headless: resolve('src/main/headless.ts'),
          'sync-server': resolve('src/sync-server/index.ts'),
          // Worker-thread entries, loaded by core/pool/worker-pool.ts from out/main/workers/.
          'workers/pdf-worker': resolve('src/main/workers/pdf-worker.ts'),
          'workers/analysis-worker': resolve('src/main/workers/analysis-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves bundles unminified; the renderer is also served to browsers (headless).
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
