/**
 * Mounts one station into its container and guarantees it is destroyed exactly once.
 * Runs in the renderer.
 */
import type { Language } from '../../electron/bridge/contract.js';
import type { StationContext, StationDefinition, StationEvent, StationHandle } from '../../scenes/station.js';
import type { SoundKind } from '../audio/sound.js';

export interface MountedStation {
  readonly definition: StationDefinition;
  setLanguage(language: Language): void;
  destroy(): void;
}

export interface StationHostDeps {
  container: HTMLElement;
  language: () => Language;
  record: (event: StationEvent) => void;
  sound: (kind: SoundKind) => void;
  exit: (reason: 'completed' | 'exited') => void;
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
    root,
    language: deps.language,
    onLanguageChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    record: deps.record,
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
