/**
 * A story station's content: its own files (scenarios, check forms, optional word overrides),
 * plus what every story station shares (the A05 tactics' wording and the station words in
 * ./content). Bundled at build time by Vite and validated once per page load; a broken file
 * throws an error naming the file and field (the shell logs it for staff and tells the visitor
 * the station cannot open).
 */
import { loadContent, type ContentFile, type StoryContent } from '../story/index.js';
import { loadUiTexts, type UiTexts } from './ui-text.js';

export interface StationContent {
  readonly story: StoryContent;
  readonly ui: UiTexts;
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
  return { story: loadContent([...tactics, ...withoutUi]), ui: loadUiTexts(shared, ownUi) };
}
