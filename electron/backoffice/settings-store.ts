/**
 * Opening and changing the settings file without ever failing the boot.
 *
 * A damaged settings file (not JSON, or not valid settings even after migrations) is set
 * aside byte for byte as `settings.json.corrupt-<time>` and the kiosk starts on defaults,
 * keeping its kiosk id (from `kiosk-id.json`, or else salvaged from the damaged bytes) so its
 * tallies stay under the same name. When the folder cannot hold a settings file at all, the kiosk runs
 * on in-memory settings and says why in `problem` (shown on the health screen).
 */
import fs from 'node:fs';
import path from 'node:path';
import type Conf from 'conf';
import { BridgeFailure, describeZodError } from '../bridge/dispatch.js';
import { noticeMessage } from '../bridge/admin-contract.js';
import { errnoCode, storageNotice, storageSentence } from './errors.js';
import { fileStamp, writeNewFileDurably } from './fsutil.js';
import { readKioskIdFile, salvageKioskId, saveKioskIdFile } from './kiosk-id.js';
import {
  SETTINGS_FILE_NAME,
  SettingsPatchSchema,
  SettingsSchema,
  defaultSettings,
  settingsStoreOptions,
  type Settings,
} from './settings.js';
import type { Logger, SettingsStoreFactory } from './types.js';

const SAVE_ACTION = 'save-settings';

export interface SettingsStore {
  /** The current validated settings (a copy: changing it changes nothing). */
  current(): Settings;
  /**
   * Validates `patch` (any subset of Settings), saves and returns the new settings.
   * @throws BridgeFailure 'bad-request' for invalid values, 'storage' when it cannot be saved.
   */
  update(patch: unknown): Settings;
  /** A staff sentence saying why settings are not being saved, or null when all is well. */
  readonly problem: string | null;
  /** Removes a key that is no longer a setting (a secret an older version kept there). Best effort. */
  forget(key: string): void;
}

export interface OpenSettingsOptions {
  dataDir: string;
  factory: SettingsStoreFactory;
  logger: Logger;
  now: () => Date;
}

function readIfPresent(file: string): Buffer | null {
  try {
    return fs.readFileSync(file);
  } catch {
    return null;
  }
}

function clone(settings: Settings): Settings {
  return { ...settings, sync: { ...settings.sync } };
}

function validatePatch(current: Settings, patch: unknown): Settings {
  const parsedPatch = SettingsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) {
    throw new BridgeFailure(
      'bad-request',
      noticeMessage({ code: 'invalid-settings', params: { detail: describeZodError(parsedPatch.error) } }),
    );
  }
  return SettingsSchema.parse({ ...current, ...parsedPatch.data });
}

class ConfSettingsStore implements SettingsStore {
  problem: string | null = null;
  private cached: Settings;

  constructor(
    private readonly store: Conf<Settings>,
    private readonly dataDir: string,
    private readonly logger: Logger,
  ) {
    // Validated here too: conf checks the JSON Schema, zod is the authority.
    this.cached = SettingsSchema.parse(store.store);
    if (readKioskIdFile(dataDir) !== this.cached.kioskId)
      saveKioskIdFile(dataDir, this.cached.kioskId, logger);
  }

  forget(key: string): void {
    const raw = this.store as unknown as Conf;
    try {
      if (raw.has(key)) raw.delete(key);
    } catch (error) {
      this.logger.warn(`Could not remove "${key}" from ${this.store.path}: ${String(error)}`);
    }
  }

  current(): Settings {
    return clone(this.cached);
  }

  update(patch: unknown): Settings {
    const next = validatePatch(this.cached, patch);
    try {
      this.store.set(next);
    } catch (error) {
      if (errnoCode(error) === undefined)
        throw new BridgeFailure(
          'bad-request',
          noticeMessage({ code: 'invalid-settings', params: { detail: String(error) } }),
        );
      this.problem = noticeMessage(storageNotice(SAVE_ACTION, error, this.store.path));
      throw new BridgeFailure('storage', this.problem);
    }
    this.problem = null;
    if (next.kioskId !== this.cached.kioskId) saveKioskIdFile(this.dataDir, next.kioskId, this.logger);
    this.cached = next;
    return clone(next);
  }
}

/** Settings that live only in memory, when the data folder cannot hold a settings file. */
class MemorySettingsStore implements SettingsStore {
  constructor(
    private cached: Settings,
    readonly problem: string,
  ) {}

  current(): Settings {
    return clone(this.cached);
  }

  update(patch: unknown): Settings {
    this.cached = validatePatch(this.cached, patch);
    return clone(this.cached);
  }

  forget(): void {
    // Nothing on disk to clean.
  }
}

/** Opens `<dataDir>/settings.json` through the factory. Never throws. */
export function openSettingsStore(options: OpenSettingsOptions): SettingsStore {
  const { dataDir, factory, logger } = options;
  const file = path.join(dataDir, `${SETTINGS_FILE_NAME}.json`);
  const create = (defaults: Settings): SettingsStore =>
    new ConfSettingsStore(factory(settingsStoreOptions(dataDir, defaults)), dataDir, logger);
  // A settings file lost entirely must not rename the kiosk either.
  const knownId = readKioskIdFile(dataDir) ?? undefined;
  const inMemory = (error: unknown, defaults: Settings): SettingsStore => {
    logger.error(
      `${storageSentence(SAVE_ACTION, error, file)} Running on settings kept in memory until restart.`,
    );
    return new MemorySettingsStore(defaults, noticeMessage(storageNotice(SAVE_ACTION, error, file)));
  };

  const original = readIfPresent(file);
  try {
    return create(defaultSettings(knownId));
  } catch (error) {
    // Errors with an errno are the folder's fault (missing, full, read-only), not the file's.
    if (errnoCode(error) !== undefined || original === null) return inMemory(error, defaultSettings(knownId));
    const reason =
      error instanceof Error && error.name === 'ZodError'
        ? 'its values are not valid settings'
        : error instanceof Error
          ? error.message
          : String(error);
    const kioskId = knownId ?? salvageKioskId(original);
    const defaults = defaultSettings(kioskId);
    let aside: string;
    try {
      aside = writeNewFileDurably(`${file}.corrupt-${fileStamp(options.now())}`, original);
      fs.rmSync(file, { force: true });
    } catch (moveError) {
      return inMemory(moveError, defaults);
    }
    logger.warn(
      `Settings file ${file} was damaged (${reason}); moved aside to ${aside} and started from defaults` +
        (kioskId === undefined ? '.' : ` (kept kiosk id ${kioskId}).`),
    );
    try {
      return create(defaults);
    } catch (retryError) {
      return inMemory(retryError, defaults);
    }
  }
}
