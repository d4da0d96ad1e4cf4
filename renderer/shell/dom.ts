/**
 * The shell's DOM helpers: the element builder is the stations' own DOM kit
 * (scenes/shared/dom/dom.ts), plus the shell's icons and emoji. Runs in the renderer.
 */
import { h } from '../../scenes/shared/dom/dom.js';

export { h };

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
