/**
 * The phone's content-driven surfaces for message kinds beyond text, links and pictures: a
 * document, a place card, a system banner and a parallel thread. One entry point, so the
 * overlay needs a single line per kind it does not draw itself.
 */
import type { Message } from '../../story/index.js';
import { documentElement } from './document.js';
import { asideElement } from './family-thread.js';
import { placeCardElement } from './place-card.js';
import { bannerLogElement } from './system-banner.js';

/** The surfaces' message kinds. */
export type SurfaceMessage = Extract<Message, { kind: 'document' | 'place' | 'banner' | 'aside' }>;

/** The element for a surface message. */
export function surfaceMessageElement(message: SurfaceMessage): HTMLElement {
  switch (message.kind) {
    case 'document':
      return documentElement(message);
    case 'place':
      return placeCardElement(message);
    case 'banner':
      return bannerLogElement(message);
    case 'aside':
      return asideElement(message);
  }
}
