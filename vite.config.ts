import { defineConfig } from 'vite';

// The renderer: built to dist/renderer, served by the Electron app:// protocol and by the
// browser host. Relative base so both hosts can serve it from their own roots.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    assetsInlineLimit: 0,
  },
});
