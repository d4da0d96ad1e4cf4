/**
 * A story station's content: its own files (scenarios, check forms, optional word overrides),
 * plus what every story station shares (the A05 tactics' wording and the station words in
 * ./content). Bundled at build time by Vite and validated once per page load; a broken file
 * throws an error naming the file and field (the shell logs it for staff and tells the visitor
 * the station cannot open).
 */
import { ContentError, type ContentIssue } from '../content/content-error.js';
import { loadContent, type ContentFile, type StoryContent } from '../story/index.js';
import { surfaceIds } from '../phone/surfaces/index.js';
import { loadUiTexts, type UiTexts } from './ui-text.js';

export interface StationContent {
  readonly story: StoryContent;
  readonly ui: UiTexts;
}

/** Parsed JSON modules from `import.meta.glob(…, { eager: true, import: 'default' })`. */
export type ContentModules = Readonly<Record<string, unknown>>;

/** The files of a glob, as the content loaders take them. */
export function contentFiles(modules: ContentModules): ContentFile[] {
  return Object.entries(modules).map(([fileName, json]) => ({ fileName, json }));
}

const loaded = new WeakMap<ContentModules, StationContent>();

/**
 * A station's content from its glob, validated once per page load: the shell's content check
 * (the station's check.ts) and the station's mount share the work and the verdict.
 * @throws ContentBundleError or ContentError naming every broken file and field
 */
export function stationContent(modules: ContentModules): StationContent {
  let content = loaded.get(modules);
  if (!content) {
    content = loadStationContent(contentFiles(modules));
    loaded.set(modules, content);
  }
  return content;
}

/** The shared files: tactics.<lang>.json and ui.<lang>.json. */
export function sharedContentFiles(): ContentFile[] {
  const modules = import.meta.glob<unknown>('./content/*.json', { eager: true, import: 'default' });
  return Object.entries(modules).map(([fileName, json]) => ({ fileName, json }));
}

/**
 * Validates a station's content with the shared files.
 * @param stationFiles every JSON file of the station's content folder
 * @throws ContentBundleError or ContentError naming every broken file and field
 */
export function loadStationContent(stationFiles: readonly ContentFile[]): StationContent {
  const shared = sharedContentFiles();
  const ownUi = stationFiles.filter((file) => /(^|[\\/])ui\.(vi|en)\.json$/.test(file.fileName));
  const withoutUi = stationFiles.filter((file) => !ownUi.includes(file));
  const tactics = shared.filter((file) => /(^|[\\/])tactics\.(vi|en)\.json$/.test(file.fileName));
  const story = loadContent([...tactics, ...withoutUi]);
  checkSurfaces(story);
  return { story, ui: loadUiTexts(shared, ownUi) };
}

/**
 * Every `speaker.surface` names a surface of the phone's registry (the engine cannot know
 * them: it imports nothing of the phone).
 * @throws ContentError naming the file, the field and the known surfaces
 */
export function checkSurfaces(story: StoryContent): void {
  const known = new Set(surfaceIds());
  for (const pair of story.scenarios) {
    for (const scenario of [pair.vi, pair.en]) {
      const issues: ContentIssue[] = [];
      scenario.nodes.forEach((node, i) => {
        const surface = node.speaker?.surface;
        if (surface !== undefined && !known.has(surface))
          issues.push({
            path: `nodes[${i}].speaker.surface`,
            message: `unknown phone surface "${surface}" (known: ${[...known].join(', ')})`,
          });
      });
      if (issues.length > 0) throw new ContentError(`${scenario.id}.${scenario.lang}.json`, issues);
    }
  }
}
