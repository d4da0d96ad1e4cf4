/**
 * Binds DOM text and accessible names to i18n keys, so a language switch re-labels every
 * visible element at once. Runs in the renderer.
 */
import type { i18n as I18n } from 'i18next';

type Vars = Record<string, string | number>;
type Binding = { element: HTMLElement; key: string; vars: () => Vars; target: 'text' | 'label' };

export class Localized {
  private bindings: Binding[] = [];

  constructor(private readonly i18n: I18n) {}

  t(key: string, vars: Vars = {}): string {
    return this.i18n.t(key, vars);
  }

  /** Sets the element's text from `key` now and after every language switch. */
  text<E extends HTMLElement>(element: E, key: string, vars: () => Vars = () => ({})): E {
    return this.bind({ element, key, vars, target: 'text' });
  }

  /** Sets the element's accessible name (aria-label) from `key`. */
  label<E extends HTMLElement>(element: E, key: string, vars: () => Vars = () => ({})): E {
    return this.bind({ element, key, vars, target: 'label' });
  }

  /** Re-applies every binding (after a language change or a value change). */
  refresh(): void {
    // Elements removed from the page (a closed station's buttons) are forgotten here.
    this.bindings = this.bindings.filter((binding) => binding.element.isConnected);
    for (const binding of this.bindings) this.apply(binding);
  }

  private bind<E extends HTMLElement>(binding: Binding & { element: E }): E {
    this.bindings.push(binding);
    this.apply(binding);
    return binding.element;
  }

  private apply(binding: Binding): void {
    const value = this.i18n.t(binding.key, binding.vars());
    if (binding.target === 'text') binding.element.textContent = value;
    else binding.element.setAttribute('aria-label', value);
  }
}
