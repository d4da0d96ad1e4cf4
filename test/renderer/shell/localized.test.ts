/**
 * Localized keeps labels in the current language, also on views that are detached for a while
 * (the hub while a station is open: a language switch there must reach the hub).
 */
import { describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { Localized } from '../../../renderer/shell/localized.js';

/** The parts of an element Localized touches; `isConnected` is there to prove it is ignored. */
class FakeElement {
  textContent = '';
  isConnected = true;
  readonly attributes = new Map<string, string>();
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

const STRINGS: Record<string, Record<string, string>> = {
  vi: { title: 'Thế giới số', open: 'Mở {{name}}' },
  en: { title: 'Digital world', open: 'Open {{name}}' },
};

function fakeI18n(): { i18n: I18n; setLanguage: (lang: string) => void } {
  let language = 'vi';
  const t = (key: string, vars: Record<string, string | number> = {}): string =>
    (STRINGS[language]?.[key] ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name]));
  return {
    i18n: { t } as unknown as I18n,
    setLanguage: (lang) => {
      language = lang;
    },
  };
}

const asElement = (fake: FakeElement): HTMLElement => fake as unknown as HTMLElement;

describe('Localized', () => {
  it('sets text and accessible names at once, with variables', () => {
    const { i18n } = fakeI18n();
    const loc = new Localized(i18n);
    const title = new FakeElement();
    const button = new FakeElement();
    loc.text(asElement(title), 'title');
    loc.label(asElement(button), 'open', () => ({ name: 'X' }));
    expect(title.textContent).toBe('Thế giới số');
    expect(button.attributes.get('aria-label')).toBe('Mở X');
  });

  it('re-labels a view that is detached during the switch (the hub behind a station)', () => {
    const { i18n, setLanguage } = fakeI18n();
    const loc = new Localized(i18n);
    const hubTitle = new FakeElement();
    const hubButton = new FakeElement();
    loc.text(asElement(hubTitle), 'title');
    loc.label(asElement(hubButton), 'open', () => ({ name: 'scam' }));
    hubTitle.isConnected = false;
    hubButton.isConnected = false;
    setLanguage('en');
    loc.refresh();
    expect(hubTitle.textContent).toBe('Digital world');
    expect(hubButton.attributes.get('aria-label')).toBe('Open scam');
    // …and still follows the next switch, once it is back on the page.
    hubTitle.isConnected = true;
    setLanguage('vi');
    loc.refresh();
    expect(hubTitle.textContent).toBe('Thế giới số');
    expect(loc.size).toBe(2);
  });

  it('re-reads variables on refresh', () => {
    const { i18n } = fakeI18n();
    const loc = new Localized(i18n);
    let name = 'a';
    const button = new FakeElement();
    loc.label(asElement(button), 'open', () => ({ name }));
    name = 'b';
    loc.refresh();
    expect(button.attributes.get('aria-label')).toBe('Mở b');
  });
});
