/**
 * The pledge station's content files (path → parsed JSON), bundled at build time: one glob
 * shared by the station's mount (index.ts) and its content check (check.ts).
 */
export const CONTENT = import.meta.glob<unknown>('./content/*.json', { eager: true, import: 'default' });
