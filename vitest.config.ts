import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One shared electron mock for every main-process test (Electron cannot run here).
    alias: { electron: fileURLToPath(new URL('./test/mocks/electron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // electron-store imports electron at top level; inline it so the alias above applies.
    server: { deps: { inline: ['electron-store'] } },
  },
});
