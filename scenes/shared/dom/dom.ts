/** A tiny element builder for the station's DOM (no framework: a handful of views). */

type Attributes = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children; strings become text nodes (never HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** A decorative picture (hidden from assistive technology: the text next to it carries the meaning). */
export function picture(url: string, className: string): HTMLImageElement {
  return h('img', { src: url, alt: '', class: className, draggable: 'false', 'aria-hidden': 'true' });
}

/** A button whose accessible name is its visible text; `onPress` runs on click. */
export function button(
  className: string,
  content: Child[],
  onPress: () => void,
  attributes: Attributes = {},
): HTMLButtonElement {
  const element = h('button', { type: 'button', class: className, ...attributes }, ...content);
  element.addEventListener('click', onPress);
  return element;
}

/** Positions an absolutely placed element over a rectangle (viewport or parent pixels). */
export function place(
  element: HTMLElement,
  rect: { x: number; y: number; width: number; height: number },
  origin = { x: 0, y: 0 },
): void {
  element.style.left = `${rect.x - origin.x}px`;
  element.style.top = `${rect.y - origin.y}px`;
  element.style.width = `${rect.width}px`;
  element.style.height = `${rect.height}px`;
}
