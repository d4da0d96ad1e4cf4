/**
 * What the station's flows (playing a scenario, a "scam or safe?" round) may touch: the shell's
 * context, the phone (its DOM layer and the model the scene draws from) and the panel. One
 * interface, so each flow is a small class that can be read on its own.
 */
import type { Language } from '../../../electron/bridge/contract.js';
import type { StationContext } from '../../station.js';
import type { Tactics } from '../story/index.js';
import type { PhoneModel } from '../phone/phone-model.js';
import type { ScreenMode } from '../phone/layout.js';
import type { UiText } from './ui-text.js';
import type { PhoneOverlay } from '../phone/overlay.js';

/** Which view is up: the CSS hooks `.scam[data-view]`, and the debrief gets the full panel. */
export type ViewName = 'picker' | 'check' | 'play' | 'debrief';

export interface StationSurface {
  readonly context: StationContext;
  readonly overlay: PhoneOverlay;
  readonly model: PhoneModel;
  language(): Language;
  text(): UiText;
  tactics(): Tactics;
  /** Replaces the panel's content. */
  showPanel(content: HTMLElement): void;
  /** Switches the phone's look. */
  setMode(mode: ScreenMode): void;
  setViewName(name: ViewName): void;
  /** Shows the countdown number (null hides the ring). */
  setCountdown(secondsLeft: number | null): void;
  /** Shakes the phone (its canvases and its text together). */
  shake(): void;
  /** Monotonic clock, ms. */
  now(): number;
}
