import path from 'node:path';

export interface AppPaths {
  /** Vite's renderer build, served over app://kiosk/. */
  rendererDir: string;
  /** The preload bundled to one CommonJS file (sandboxed preloads cannot load modules). */
  preloadPath: string;
}

/**
 * Where the built pieces live, from the app root (`app.getAppPath()`: the repo root in
 * development, the asar archive when packaged). The compiled main sits deep in
 * dist/node/electron/main/, so paths are anchored on the root rather than on this file.
 */
export function appPaths(appRoot: string): AppPaths {
  return {
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    preloadPath: path.join(appRoot, 'dist', 'preload', 'preload.cjs'),
  };
}
