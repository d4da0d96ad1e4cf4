/**
 * The phone's system banner: what the phone itself says when contact is being cut (airplane
 * mode on, the SIM taken out, a number blocked). It slides in at the top of the screen and
 * stays while the thread is shown, and a line in the log keeps it in the conversation's order.
 */
import type { Message } from '../../story/index.js';
import { h } from '../../dom/dom.js';
import './surfaces.css';

export type BannerMessage = Extract<Message, { kind: 'banner' }>;

/** The glyph for each banner icon (decorative; the text says what happened). */
const GLYPHS: Readonly<Record<BannerMessage['icon'], string>> = {
  airplane: '✈',
  sim: '▯',
  blocked: '⊘',
};

function content(message: BannerMessage): HTMLElement[] {
  return [
    h(
      'span',
      { class: `story-banner__icon story-banner__icon--${message.icon}`, 'aria-hidden': 'true' },
      GLYPHS[message.icon],
    ),
    h('span', { class: 'story-banner__text' }, message.text),
  ];
}

/** The banner's line in the message log. */
export function bannerLogElement(message: BannerMessage): HTMLElement {
  return h(
    'div',
    { class: 'story-msg story-msg--banner', 'data-surface': 'banner', 'data-icon': message.icon },
    ...content(message),
  );
}

/** The banner across the top of the phone's screen; shows the latest message given. */
export class SystemBanner {
  readonly element = h('div', { class: 'story-banner', hidden: true, role: 'status' });

  /** Shows `message` as the phone's current banner. */
  show(message: BannerMessage): void {
    this.element.replaceChildren(...content(message));
    this.element.dataset.icon = message.icon;
    this.element.hidden = false;
  }

  /** Hides it (a new thread, or the lock screen). */
  clear(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
