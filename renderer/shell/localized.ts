/**
 * Binds DOM text and accessible names to i18n keys, so a language switch re-labels every
 * visible element at once. Runs in the renderer.
 */
import type { i18n as I18n } from 'i18next';

type Vars = Record<string, string | number>;
type Target = 'text' | 'label';
/**
 * Held weakly: a view that is only detached for a while (the hub while a station is open)
 * must follow a language switch made meanwhile, and a view thrown away (an old admin screen)
 * must not be kept alive by its labels. `vars` closures must not capture the element.
 */
type Binding = { element: WeakRef<HTMLElement>; key: string; vars: () => Vars; target: Target };

export class Localized {
  private bindings: Binding[] = [];

  constructor(private readonly i18n: I18n) {}

  t(key: string, vars: Vars = {}): string {
    return this.i18n.t(key, vars);
  }

  /**
   * The text of `key` in one given language, whatever the current one (for screens that
   * show both languages at once, such as the attract loop).
   */
  fixed(language: string, key: string, vars: Vars = {}): string {
    return this.i18n.getFixedT(language)(key, vars);
  }

  /** Sets the element's text from `key` now and after every language switch. */
  text<E extends HTMLElement>(element: E, key: string, vars: () => Vars = () => ({})): E {
    return this.bind(element, { key, vars, target: 'text' });
  }

  /** Sets the element's accessible name (aria-label) from `key`. */
  label<E extends HTMLElement>(element: E, key: string, vars: () => Vars = () => ({})): E {
    return this.bind(element, { key, vars, target: 'label' });
  }

  /**
   * Re-applies every binding whose element still exists, in the page or not (after a
   * language change or a value change); forgets the ones whose element was collected.
   */
  refresh(): void {
    this.bindings = this.bindings.filter((binding) => {
      const element = binding.element.deref();
      if (element) this.apply(element, binding);
      return element !== undefined;
    });
  }

  /** How many bindings are held (for tests and diagnostics). */
  get size(): number {
    return this.bindings.length;
  }

  private bind<E extends HTMLElement>(element: E, binding: Omit<Binding, 'element'>): E {
    this.bindings.push({ ...binding, element: new WeakRef(element) });
    this.apply(element, binding);
    return element;
  }

  private apply(element: HTMLElement, binding: Omit<Binding, 'element'>): void {
    const value = this.i18n.t(binding.key, binding.vars());
    if (binding.target === 'text') element.textContent = value;
    else element.setAttribute('aria-label', value);
  }
}
