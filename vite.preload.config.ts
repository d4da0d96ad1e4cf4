import { defineConfig } from 'vite';

/**
 * Bundles the preload to dist/preload/preload.cjs: sandboxed preloads cannot import
 * modules, so everything but `electron` (provided by the runtime) goes into one CJS file.
 */
export default defineConfig({
  build: {
    lib: {
      entry: 'electron/preload/preload.ts',
      formats: ['cjs'],
      fileName: 'preload',
    },
    outDir: 'dist/preload',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      external: ['electron'],
    },
  },
});
