/**
 * What a simulation station is, as the hub and the visitor-flow shell see it.
 * Stations are registered in scenes/registry.ts; each is loaded on demand (code-split),
 * mounted into a container the shell gives it, and destroyed when the visitor leaves,
 * when the session ends or when the kiosk goes idle. Runs in the renderer.
 */
import type { Language, VisitorEvent } from '../electron/bridge/contract.js';

/** A visitor event as a station reports it: the shell adds the session id. */
export type StationEvent = VisitorEvent extends infer E
  ? E extends { sessionId: string }
    ? Omit<E, 'sessionId'>
    : never
  : never;

export interface StationContext {
  /** Element the station owns while mounted: full-screen, below the shell's top bar. */
  readonly root: HTMLElement;
  /** Current language; stations re-render text when `onLanguageChange` fires. */
  language(): Language;
  /** Subscribe to language switches; returns an unsubscribe function. */
  onLanguageChange(listener: (language: Language) => void): () => void;
  /** Report an anonymous visitor event (choices, results, checks). Never throws; never blocks play. */
  record(event: StationEvent): void;
  /** Play a short synthesised feedback sound. */
  sound(kind: 'tap' | 'good' | 'bad' | 'arrive'): void;
  /** Leave the station and go back to the hub. */
  exit(reason: 'completed' | 'exited'): void;
}

export interface StationHandle {
  /** Free every resource (Phaser game, listeners, timers, DOM). Called exactly once. */
  destroy(): void;
}

export interface StationModule {
  mount(context: StationContext): StationHandle | Promise<StationHandle>;
}

export interface StationDefinition {
  /** Scene id used in the journal and tallies (contract SceneIdSchema). */
  readonly id: string;
  /** i18n keys for the station's name and one-line pitch on the hub. */
  readonly titleKey: string;
  readonly pitchKey: string;
  /** Accent colour of the station's 3D beacon (0xRRGGBB). */
  readonly color: number;
  /** Emoji/icon asset URL shown on the station button. */
  readonly icon: string;
  /** Loads the station's code on demand. */
  load(): Promise<StationModule>;
}
