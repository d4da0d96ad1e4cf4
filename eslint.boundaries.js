// @ts-check
/**
 * Where a file lives says what it may import: the house's boundaries as lint errors.
 *
 * - The back office, the browser host, the merge tool, the shared file serving and the
 *   bridge never import `electron` (or the Electron glue in electron/main).
 * - The renderer and scenes/ import from electron/ only the bridge contract modules.
 * - The shell (renderer/) reaches stations only through scenes/registry.ts (plus the
 *   StationContext types in scenes/station.ts, the hub's 3D world and the DOM kit).
 * - A folder of scenes/ (a station, the hub, the shared parts) imports only itself,
 *   scenes/shared/ and scenes/station.ts: no station imports another station.
 * - Engines (scenes/shared/story, scenes/shared/content, the seeded RNG) import no Phaser,
 *   three or DOM parts, and use no DOM globals.
 *
 * Relative imports are matched with regular expressions per folder depth, because a path
 * such as `../../scam/x.js` means another station only when seen from a known depth.
 * Each file gets exactly one `no-restricted-imports` setting (ESLint replaces, not merges,
 * a rule's options), so the blocks below have disjoint `files`.
 */

/** The bridge modules the renderer and scenes may import (isomorphic: zod only). */
const CONTRACT = String.raw`electron/bridge/(contract|admin-contract|tallies-contract|learning|key-policy)\.js$`;

const NO_ELECTRON = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron: this code runs without it.',
};

/** `../` repeated `n` times, as a regular expression. */
const up = (/** @type {number} */ n) => String.raw`(\.\./){${n}}`;

/**
 * Restrictions for a file `depth` folders below scenes/ (0: scenes/*.ts).
 * @param {number} depth
 */
function scenesPatterns(depth) {
  const patterns = [
    {
      regex: `^${up(depth + 1)}(?!\\.\\./|${CONTRACT})`,
      message:
        'scenes/ may import from outside scenes/ only the bridge contract (electron/bridge/contract.js …).',
    },
    { regex: `^${up(depth + 2)}`, message: 'This import leaves the repository.' },
  ];
  if (depth > 0) {
    patterns.push({
      regex: `^${up(depth)}(?!\\.\\./|shared/|station\\.js$)`,
      message:
        'A folder of scenes/ imports only itself, scenes/shared/ and scenes/station.ts: no station imports another (the shell finds stations through scenes/registry.ts).',
    });
  }
  return patterns;
}

const ENGINE_IMPORTS = [
  { regex: '^(phaser|three)(/|$)', message: 'Engines are pure TypeScript: no Phaser or three.js.' },
  {
    regex: String.raw`^(\.\./)+(dom|phone|three|story-station)/`,
    message: 'Engines import no DOM, phone, three.js or station parts.',
  },
];

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'Element',
  'requestAnimationFrame',
  'customElements',
].map((name) => ({ name, message: 'Engines run anywhere (tests, Node): no DOM.' }));

/** Engine folders (two levels below scenes/) and single engine files. */
const ENGINE_DIRS = ['scenes/shared/story', 'scenes/shared/content'];
const ENGINES = [...ENGINE_DIRS.map((dir) => `${dir}/**/*.ts`), 'scenes/shared/seeded-rng.ts'];

/** `scenes/*` plus `depth - 1` more folders and a file name, e.g. `scenes/*\/*\/*.ts`. */
const atDepth = (/** @type {number} */ depth) => `scenes/${'*/'.repeat(depth)}*.ts`;

/** @type {import('eslint').Linter.Config[]} */
export const boundaries = [
  {
    files: [
      'electron/backoffice/**/*.ts',
      'electron/host/**/*.ts',
      'electron/tally/**/*.ts',
      'electron/serving/**/*.ts',
      'electron/bridge/**/*.ts',
      'collector/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON],
          patterns: [
            { regex: '^electron/', message: NO_ELECTRON.message },
            {
              regex: String.raw`(^|/)main/`,
              message:
                'Nothing outside electron/main may borrow its files: shared serving code lives in electron/serving.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_ELECTRON],
          patterns: [
            {
              regex: String.raw`^(\.\./)+electron/(?!bridge/(contract|admin-contract|tallies-contract|learning|key-policy)\.js$)`,
              message: 'The renderer imports from electron/ only the bridge contract.',
            },
            {
              regex: String.raw`^(\.\./)+scenes/(?!registry\.js$|station\.js$|hub/|shared/dom/dom\.js$)`,
              message:
                'The shell reaches stations only through scenes/registry.ts (and shares only the DOM kit, scenes/shared/dom/dom.ts).',
            },
          ],
        },
      ],
    },
  },
  ...[0, 1, 2, 3, 4, 5].map(scenesBlock),
  ...[1, 2, 3, 4].map(engineBlock),
];

/** The engines' files `depth` folders below scenes/. */
function enginesAt(/** @type {number} */ depth) {
  if (depth === 1) return ['scenes/shared/seeded-rng.ts'];
  return ENGINE_DIRS.map((dir) => `${dir}/${'*/'.repeat(depth - 2)}*.ts`);
}

/**
 * The scenes/ rules for files `depth` folders below scenes/ (engines excepted).
 * @param {number} depth
 * @returns {import('eslint').Linter.Config}
 */
function scenesBlock(depth) {
  return {
    files: [atDepth(depth)],
    ignores: ENGINES,
    rules: { 'no-restricted-imports': ['error', { paths: [NO_ELECTRON], patterns: scenesPatterns(depth) }] },
  };
}

/**
 * The engines' block at one depth: the scenes/ rules plus no Phaser, three or DOM.
 * @param {number} depth
 * @returns {import('eslint').Linter.Config}
 */
function engineBlock(depth) {
  return {
    files: enginesAt(depth),
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [NO_ELECTRON], patterns: [...scenesPatterns(depth), ...ENGINE_IMPORTS] },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  };
}
