import { describe, expect, it } from 'vitest';
import { ContentError, loadContent } from '../../../../scenes/shared/story/index.js';
import { fill, loadUiText, loadUiTexts } from '../../../../scenes/shared/story-station/ui-text.js';
import { allContentFiles, readJson } from '../story/helpers.js';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe('station text (content/ui.<lang>.json)', () => {
  it('loads both real files, with the same keys and different words', () => {
    const texts = loadUiTexts(allContentFiles());
    expect(keysOf(texts.en)).toEqual(keysOf(texts.vi));
    expect(texts.vi.play.continue).not.toBe(texts.en.play.continue);
  });

  it('is skipped by the engine, so the whole content folder still loads in one go', () => {
    expect(() => loadContent(allContentFiles())).not.toThrow();
  });

  it('names the file and the field of a broken entry', () => {
    const broken = structuredClone(readJson('ui.en.json')) as { play: Record<string, unknown> };
    broken.play.continue = '';
    delete broken.play.question;
    let error: unknown;
    try {
      loadUiText(broken, '../content/ui.en.json');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect(String(error)).toContain('ui.en.json: play.continue: must not be empty');
    expect(String(error)).toContain('ui.en.json: play.question: is required');
  });

  it('rejects a file whose language does not match its name, or a missing language', () => {
    expect(() => loadUiText(readJson('ui.vi.json'), 'ui.en.json')).toThrow(
      /ui\.en\.json: lang: "vi" does not match/,
    );
    const onlyVi = allContentFiles().filter((file) => !file.fileName.endsWith('ui.en.json'));
    expect(() => loadUiTexts(onlyVi)).toThrow(/ui\.en\.json: is missing/);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fill('Câu {{n}}/{{total}}', { n: 2, total: 3 })).toBe('Câu 2/3');
    expect(fill('{{missing}} left', {})).toBe('{{missing}} left');
  });
});
