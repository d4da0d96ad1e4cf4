/**
 * What a simulation station is, as the hub and the visitor-flow shell see it.
 * Stations are registered in scenes/registry.ts from their `station.json` (name, pitch, icon,
 * colour); each is loaded on demand (code-split), mounted into a container the shell gives
 * it, and destroyed when the visitor leaves, when the session ends or when the kiosk goes idle.
 * Runs in the renderer.
 */
import type { Language, StationCounts, StationEventType, VisitorEvent } from '../electron/bridge/contract.js';

type Recordable = Extract<VisitorEvent, { type: StationEventType }>;

/**
 * A visitor event as a station reports it: only the station event types, without the session
 * id and the station id, which the shell stamps. A station cannot report session, language
 * or enter/leave events, nor speak for another station.
 */
export type StationEvent = Recordable extends infer E
  ? E extends Recordable
    ? Omit<E, 'sessionId' | 'sceneId'>
    : never
  : never;

/** A JSON value a station keeps for the rest of the visitor session. */
export type SessionValue =
  string | number | boolean | null | readonly SessionValue[] | { readonly [key: string]: SessionValue };

/**
 * Values a station keeps for the current visitor session only (for example "the before check
 * was offered"): they survive leaving and re-entering the station, and are forgotten when the
 * session ends. In memory only; nothing here is stored or sent.
 */
export interface SessionMemory {
  get(key: string): SessionValue | undefined;
  set(key: string, value: SessionValue): void;
}

export interface StationContext {
  /** The station's own id (as in the registry, the journal and the tallies). */
  readonly stationId: string;
  /** Element the station owns while mounted: full-screen, below the shell's top bar. */
  readonly root: HTMLElement;
  /** Current language; stations re-render text when `onLanguageChange` fires. */
  language(): Language;
  /** Subscribe to language switches; returns an unsubscribe function. */
  onLanguageChange(listener: (language: Language) => void): () => void;
  /**
   * Report an anonymous visitor event (stories, choices, results, checks, pledges); the shell
   * adds the session and station ids. Never throws; never blocks play.
   */
  record(event: StationEvent): void;
  /**
   * This station's own figures, today and all time, as the back office counts them (for
   * example "you are pledge number N"): `allTime.pledges`, `today.pledges`, `pledgesById`,
   * entries, completions and stories started. Rejects when the back office cannot answer;
   * the station then shows its screen without the figure.
   */
  counts(): Promise<StationCounts>;
  /**
   * The campaign's public page (a staff setting, for a QR code), or null when staff set none.
   * A plain URL: it says nothing about the visitor.
   */
  campaignUrl(): string | null;
  /** This visitor session's memory for the station (see SessionMemory). */
  readonly session: SessionMemory;
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

/**
 * A station's content check (the default export of an optional `check.ts` next to its
 * `index.ts`): loads and validates every content file with the same loaders the station uses
 * when it opens, without mounting anything (no Phaser, no three), so the shell can hide a
 * station with a broken file before a visitor meets it.
 * @throws ContentError (or ContentBundleError) naming the file and the field
 */
export type StationCheck = () => void;

/** A name or line in both kiosk languages. */
export type Localized = Readonly<Record<Language, string>>;

export interface StationDefinition {
  /** Scene id used in the journal and tallies (contract SceneIdSchema). */
  readonly id: string;
  /** The station's name and one-line pitch on the hub, from its station.json. */
  readonly name: Localized;
  readonly pitch: Localized;
  /** The same as i18n keys (`stations.<id>.title` / `.pitch`), for the shell's translated labels. */
  readonly titleKey: string;
  readonly pitchKey: string;
  /** Accent colour of the station's 3D beacon (0xRRGGBB). */
  readonly color: number;
  /** Picture URL shown on the station button. */
  readonly icon: string;
  /** Loads the station's code on demand. */
  load(): Promise<StationModule>;
  /**
   * Loads the station's content check (its own small chunk: see StationCheck). Absent when
   * the station has no check.ts. Run it through the registry's `checkStation`.
   */
  readonly loadCheck?: () => Promise<StationCheck>;
}
