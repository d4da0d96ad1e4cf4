/**
 * The station's content, bundled at build time by Vite and validated once per page load:
 * scenarios, tactics and check pools through the engine, the station's own text here.
 * A broken file throws an error naming the file and field (the shell logs it for staff and
 * tells the visitor the station cannot open).
 */
import { loadContent, type ContentFile, type ScamContent } from '../engine/index.js';
import { loadUiTexts, type UiTexts } from './ui-text.js';

export interface StationContent {
  readonly scam: ScamContent;
  readonly ui: UiTexts;
}

let cached: StationContent | null = null;

/** Every JSON file under scenes/scam/content, parsed. */
function contentFiles(): ContentFile[] {
  const modules = import.meta.glob<unknown>('../content/**/*.json', { eager: true, import: 'default' });
  return Object.entries(modules).map(([fileName, json]) => ({ fileName, json }));
}

/** Loads (once) and returns the validated content. */
export function stationContent(): StationContent {
  if (!cached) {
    const files = contentFiles();
    cached = { scam: loadContent(files), ui: loadUiTexts(files) };
  }
  return cached;
}
