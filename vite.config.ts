import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer only: main, preload, the browser host and the CLI are bundled by scripts/build.mjs.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // A desktop app loads its bundle from disk: one chunk is fine, and splitting buys nothing.
    chunkSizeWarningLimit: 2000,
  },
});
