/** Tiny DOM helpers for the overlays. Runs in the renderer. */

type Attributes = Record<string, string | number | boolean | undefined>;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    element.append(child);
  }
  return element;
}

/** A decorative inline SVG icon (hidden from assistive technology; the button carries the name). */
export function icon(svgMarkup: string, className = 'icon'): HTMLSpanElement {
  const span = h('span', { class: className, 'aria-hidden': 'true' });
  // The markup is a static file bundled from an npm icon package, never user input.
  span.innerHTML = svgMarkup;
  return span;
}

/** A decorative emoji image from the bundled Twemoji set. */
export function emoji(url: string, className = 'emoji'): HTMLImageElement {
  return h('img', { src: url, alt: '', class: className, draggable: 'false', 'aria-hidden': 'true' });
}
