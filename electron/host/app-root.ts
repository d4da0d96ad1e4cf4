/** Finds the app's root folder (the one with our package.json) from compiled or source code. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface AppPackage {
  root: string;
  version: string;
}

/** Walks up from `startDir` to the folder whose package.json is this app's. */
export function findAppPackage(startDir: string): AppPackage {
  let dir = path.resolve(startDir);
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'not-alone-kiosk') return { root: dir, version: pkg.version ?? '0.0.0' };
    } catch {
      // no package.json here; keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the kiosk's package.json above ${startDir}.`);
    dir = parent;
  }
}
