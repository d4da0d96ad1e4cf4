/**
 * A phone surface: one way the phone's screen looks and behaves (an SMS thread, a chat app, a
 * browser, an incoming call…). Content picks one per contact (`speaker.surface`, else the
 * channel's); the registry (`index.ts`) maps the id to its module. A surface only builds DOM:
 * the overlay places it, and the Phaser/canvas side draws the screen for its `mode`.
 */
import type { Message } from '../../story/index.js';
import type { UiText } from '../../story-station/ui-text.js';
import type { ScreenMode } from '../layout.js';

/** Who the phone shows at the top: a contact (threads), a caller (calls) or a site (browser). */
export interface SurfaceContact {
  readonly name: string;
  readonly detail?: string | undefined;
  readonly avatar: string;
  /** The deceptive part of `name`, marked on screen. */
  readonly mark?: string | undefined;
}

/** Where a call stands; the overlay shows it with a timer once connected. */
export type CallState = 'incoming' | 'outgoing' | 'connected' | 'ended';

export interface PhoneSurface {
  /** The id content names (`speaker.surface`); kebab-case. */
  readonly id: string;
  /** Which screen the canvas paints under the DOM (layout.ts `ScreenMode`). */
  readonly mode: ScreenMode;
  /** A call surface: the state it starts in. The overlay then shows state and timer. */
  readonly call?: 'incoming' | 'outgoing';
  /** The header's content: contact bar, caller block, address bar. */
  header(contact: SurfaceContact, text: UiText): (HTMLElement | string)[];
  /** This surface's own element for a message; null (or absent) for the shared bubble. */
  message?(message: Message, text: UiText): HTMLElement | null;
}
