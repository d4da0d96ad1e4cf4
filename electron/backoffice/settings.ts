/**
 * Kiosk settings: the schema (zod is the authority; conf gets a JSON Schema derived from
 * it), the defaults, and the migrations from older settings files.
 */
import crypto from 'node:crypto';
import type { Options } from 'conf';
import type Conf from 'conf';
import { z } from 'zod';
import { CampaignUrlSchema, KioskIdSchema } from '../bridge/admin-contract.js';
import { LanguageSchema } from '../bridge/contract.js';
import { MAX_BATCH_RECORDS } from '../bridge/sync-contract.js';

/** Bump with every new migration below; conf records it in the file. */
export const SETTINGS_VERSION = '0.1.0';
export const SETTINGS_FILE_NAME = 'settings';

export { KioskIdSchema };

export const SettingsSchema = z.object({
  kioskId: KioskIdSchema,
  language: LanguageSchema,
  /** Seconds without input before the kiosk returns to the attract screen. */
  idleSeconds: z.int().min(15).max(600),
  /** The campaign's public page for the pledge station's QR code; "" for none. */
  campaignUrl: CampaignUrlSchema.default(''),
  sync: z.object({
    /** Where tallies are uploaded (http or https URL), or null for a stand-alone kiosk. */
    endpoint: z
      .string()
      .max(2048)
      .regex(/^https?:\/\/\S+$/, 'sync.endpoint must be an http(s) URL')
      .nullable(),
    intervalSeconds: z.int().min(30).max(86_400),
    /** Sync switched on (issue 9); settings files from before it have none: on. */
    enabled: z.boolean().default(true),
    /** Records per batch sent to the collector. */
    batchSize: z.int().min(1).max(MAX_BATCH_RECORDS).default(2000),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * Changes the admin panel may make: any subset of the settings, nothing else. (Without the
 * read-time default of `campaignUrl`, so a patch that leaves it out does not clear it.)
 */
export const SettingsPatchSchema = SettingsSchema.extend({ campaignUrl: CampaignUrlSchema })
  .partial()
  .strict();
/** A settings change as callers write it (fields with defaults may be left out). */
export type SettingsPatch = z.input<typeof SettingsPatchSchema>;

const KIOSK_ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh kiosk id: "kiosk-" and 6 random lowercase letters or digits. */
export function generateKioskId(): string {
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += KIOSK_ID_ALPHABET.charAt(crypto.randomInt(KIOSK_ID_ALPHABET.length));
  return `kiosk-${suffix}`;
}

/** Defaults for a new kiosk; the kiosk id is generated here and persisted on first open. */
export function defaultSettings(kioskId: string = generateKioskId()): Settings {
  return {
    kioskId,
    language: 'vi',
    idleSeconds: 60,
    campaignUrl: '',
    sync: { endpoint: null, intervalSeconds: 300, enabled: true, batchSize: 2000 },
  };
}

/**
 * The per-key JSON Schema conf validates with, derived from SettingsSchema so the two can
 * never disagree on a rule. (The root schema must stay open: conf stores its own
 * `__internal__` key next to ours.)
 */
function confSchema(): NonNullable<Options<Settings>['schema']> {
  const json = z.toJSONSchema(SettingsSchema, { io: 'input' }) as { properties: unknown };
  return json.properties as NonNullable<Options<Settings>['schema']>;
}

/** A settings file from before SETTINGS_VERSION may still hold keys we have since renamed. */
type LegacyStore = Conf;

/**
 * Settings files written before 0.1.0 (the pilot build) stored the idle timeout in
 * milliseconds as `idleTimeout` and the language as a locale (`locale: "vi-VN"`).
 */
function migrateTo010(store: LegacyStore): void {
  const idleTimeout = store.get('idleTimeout');
  if (typeof idleTimeout === 'number' && Number.isFinite(idleTimeout)) {
    // Clamp into today's range rather than reject: an old kiosk must still boot with its intent.
    const seconds = Math.min(600, Math.max(15, Math.round(idleTimeout / 1000)));
    store.set('idleSeconds', seconds);
  }
  store.delete('idleTimeout');
  const locale = store.get('locale');
  if (typeof locale === 'string') {
    store.set('language', locale.toLowerCase().startsWith('en') ? 'en' : 'vi');
  }
  store.delete('locale');
}

/**
 * The options handed to the settings store factory (Conf, or ElectronStore in Electron).
 * `name` is set as well as `configName` because ElectronStore replaces `configName` by
 * `name` (default "config"); with both, either class writes `<dataDir>/settings.json`.
 */
export function settingsStoreOptions(dataDir: string, defaults: Settings): Options<Settings> {
  const options: Options<Settings> & { name: string } = {
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
    name: SETTINGS_FILE_NAME,
    projectVersion: SETTINGS_VERSION,
    defaults,
    schema: confSchema(),
    migrations: {
      '0.1.0': (store) => {
        migrateTo010(store as unknown as LegacyStore);
      },
    },
    clearInvalidConfig: false,
    watch: false,
    // Private to the kiosk's user, like everything in the data folder.
    configFileMode: 0o600,
  };
  return options;
}
