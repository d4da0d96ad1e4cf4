/**
 * The import boundaries are lint errors: deliberate violations, linted with the very blocks
 * the project's ESLint config uses (eslint.boundaries.js), must fail, and the allowed
 * imports next to them must pass. Linted as text at virtual paths, so nothing here is a real
 * file that `npm run lint` would trip over.
 */
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { boundaries } from '../../eslint.boundaries.js';

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
});

/** The rule ids that fire for `code` placed at `filePath`. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const IMPORTS = 'no-restricted-imports';

describe.each([
  ['a station importing another station', 'scenes/scam/index.ts', "import x from '../pledge/index.js';"],
  ['a station importing the registry', 'scenes/scam/index.ts', "import { STATIONS } from '../registry.js';"],
  [
    'a station part importing the hub',
    'scenes/scam/parts/view.ts',
    "import x from '../../hub/hub-world.js';",
  ],
  ['the hub importing a station', 'scenes/hub/hub-world.ts', "import x from '../scam/index.js';"],
  [
    'a shared part importing a station',
    'scenes/shared/phone/phone.ts',
    "import x from '../../scam/index.js';",
  ],
  [
    'scenes importing the shell',
    'scenes/shared/phone/x.ts',
    "import { h } from '../../../renderer/shell/dom.js';",
  ],
  [
    'scenes importing the back office',
    'scenes/scam/index.ts',
    "import x from '../../electron/backoffice/tallies.js';",
  ],
  ['an engine importing Phaser', 'scenes/shared/story/run.ts', "import * as Phaser from 'phaser';"],
  ['an engine importing three', 'scenes/shared/content/deep.ts', "import * as THREE from 'three';"],
  ['an engine importing the DOM kit', 'scenes/shared/story/x.ts', "import { h } from '../dom/dom.js';"],
  [
    'the shell importing a station',
    'renderer/shell/kiosk-app.ts',
    "import x from '../../scenes/scam/index.js';",
  ],
  [
    'the shell importing a shared part',
    'renderer/shell/x.ts',
    "import x from '../../scenes/shared/story/index.js';",
  ],
  [
    'the renderer importing the back office',
    'renderer/admin/x.ts',
    "import x from '../../electron/backoffice/tallies.js';",
  ],
  ['the renderer importing electron', 'renderer/main.ts', "import { ipcRenderer } from 'electron';"],
  ['the back office importing electron', 'electron/backoffice/x.ts', "import { app } from 'electron';"],
  [
    'the host borrowing from electron/main',
    'electron/host/server.ts',
    "import { CSP } from '../main/csp.js';",
  ],
  ['the merge tool importing electron', 'electron/tally/run.ts', "import electron from 'electron';"],
  ['the bridge importing electron', 'electron/bridge/contract.ts', "import { ipcMain } from 'electron';"],
])('%s', (_name, filePath, code) => {
  it('is a lint error', async () => {
    expect(await violations(filePath, code)).toContain(IMPORTS);
  });
});

describe('engines use no DOM globals', () => {
  it('flags document and window in an engine, not in a station part', async () => {
    const code = 'export const width = window.innerWidth + document.body.clientWidth;\n';
    expect(await violations('scenes/shared/story/x.ts', code)).toContain('no-restricted-globals');
    expect(await violations('scenes/shared/phone/x.ts', code)).toEqual([]);
  });
});

describe.each([
  [
    'a station importing shared parts and the types',
    'scenes/scam/index.ts',
    "import x from '../shared/story-station/mount.js';\nimport type { StationModule } from '../station.js';",
  ],
  [
    'a station importing its own files',
    'scenes/scam/parts/view.ts',
    "import x from '../content/a.json';\nimport y from './y.js';",
  ],
  [
    'scenes importing the bridge contract',
    'scenes/shared/story/schema.ts',
    "import { z } from 'zod';\nimport { ContentIdSchema } from '../../../electron/bridge/contract.js';",
  ],
  [
    'an engine importing another engine',
    'scenes/shared/story/load.ts',
    "import { deepFreeze } from '../content/deep.js';",
  ],
  [
    'the shell importing the registry, the types and the hub',
    'renderer/shell/kiosk-app.ts',
    "import { STATIONS } from '../../scenes/registry.js';\nimport type { StationDefinition } from '../../scenes/station.js';\nimport { HubWorld } from '../../scenes/hub/hub-world.js';",
  ],
  [
    'the renderer importing the contract',
    'renderer/admin/x.ts',
    "import type { Tallies } from '../../electron/bridge/contract.js';\nimport { summarizeLearning } from '../../electron/bridge/learning.js';",
  ],
  ['the registry importing stations', 'scenes/registry.ts', "import x from './scam/index.js';"],
  [
    'the host importing shared serving code',
    'electron/host/static-files.ts',
    "import { mimeTypeFor } from '../serving/mime.js';",
  ],
  ['Electron glue importing electron', 'electron/main/main.ts', "import { app } from 'electron';"],
])('%s', (_name, filePath, code) => {
  it('passes', async () => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});
