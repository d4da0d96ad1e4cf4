/**
 * Mounts one station into its container and guarantees it is destroyed exactly once. The
 * station's context is built here: every event it records is stamped with the station's id
 * (a station can record only station event types, and only as itself), it reads only its own
 * counts, and its session memory is the visitor session's. Runs in the renderer.
 */
import { isStationEventType, type Language, type StationCounts } from '../../electron/bridge/contract.js';
import type {
  SessionMemory,
  StationContext,
  StationDefinition,
  StationEvent,
  StationHandle,
} from '../../scenes/station.js';
import type { SoundKind } from '../audio/sound.js';
import type { ShellEvent } from '../session/visitor-session.js';

export interface MountedStation {
  readonly definition: StationDefinition;
  setLanguage(language: Language): void;
  destroy(): void;
}

export interface StationHostDeps {
  container: HTMLElement;
  language: () => Language;
  /** Records a stamped event in the visitor session. */
  record: (event: ShellEvent) => void;
  /** The back office's counts for one station. */
  counts: (sceneId: string) => Promise<StationCounts>;
  /** The campaign page's URL (staff setting), or null. */
  campaignUrl?: () => string | null;
  /** The visitor session's memory for this station. */
  session: SessionMemory;
  sound: (kind: SoundKind) => void;
  exit: (reason: 'completed' | 'exited') => void;
  /** Reports a station's misuse of its context (for staff logs). */
  warn: (message: string) => void;
}

/** The station event with the station's id stamped on, or null when a station may not record it. */
export function stampStationEvent(event: StationEvent, sceneId: string): ShellEvent | null {
  if (!isStationEventType(event.type)) return null;
  // The id goes last: a station cannot speak for another one, even by passing its own sceneId.
  return { ...event, sceneId };
}

/** Loads and mounts `definition`; rejects (after cleaning up) when the station fails to start. */
export async function mountStation(
  definition: StationDefinition,
  deps: StationHostDeps,
): Promise<MountedStation> {
  const root = document.createElement('div');
  root.className = 'station-root__inner';
  root.dataset.station = definition.id;
  deps.container.append(root);
  const listeners = new Set<(language: Language) => void>();
  let handle: StationHandle | null = null;
  let destroyed = false;
  const context: StationContext = {
    stationId: definition.id,
    root,
    language: deps.language,
    onLanguageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record(event) {
      if (destroyed) return;
      const stamped = stampStationEvent(event, definition.id);
      if (stamped) deps.record(stamped);
      else deps.warn(`Station "${definition.id}" tried to record a "${event.type}" event; refused.`);
    },
    counts: () => deps.counts(definition.id),
    campaignUrl: () => deps.campaignUrl?.() ?? null,
    session: deps.session,
    sound: deps.sound,
    exit: deps.exit,
  };
  try {
    const module = await definition.load();
    handle = await module.mount(context);
  } catch (error) {
    root.remove();
    throw error;
  }
  return {
    definition,
    setLanguage(language) {
      for (const listener of listeners) listener(language);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners.clear();
      handle.destroy();
      root.remove();
    },
  };
}
