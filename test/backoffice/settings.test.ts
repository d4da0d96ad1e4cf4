import fs from 'node:fs';
import path from 'node:path';
import Conf, { type Options } from 'conf';
import { describe, expect, it } from 'vitest';
import { BridgeFailure } from '../../electron/bridge/dispatch.js';
import { openBackOffice } from '../../electron/backoffice/backoffice.js';
import { SETTINGS_VERSION, SettingsSchema, type Settings } from '../../electron/backoffice/settings.js';
import { memoryLogger, tempDir } from './helpers.js';

function open(dataDir: string, env: Record<string, string | undefined> = {}) {
  const logger = memoryLogger();
  const backOffice = openBackOffice({ dataDir, version: '0.1.0', host: 'browser', env, logger });
  return { backOffice, logger };
}

const settingsFile = (dir: string) => path.join(dir, 'settings.json');
const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
const corruptCopies = (dir: string) =>
  fs.readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));

describe('settings defaults and persistence', () => {
  it('starts from defaults with a generated kiosk id that is saved and kept across restarts', () => {
    const dir = tempDir();
    const first = open(dir).backOffice;
    const settings = first.settings();
    expect(settings).toEqual({
      kioskId: settings.kioskId,
      language: 'vi',
      idleSeconds: 60,
      campaignUrl: '',
      sync: { endpoint: null, intervalSeconds: 300, enabled: true, batchSize: 2000 },
    });
    expect(settings.kioskId).toMatch(/^kiosk-[a-z0-9]{6}$/);
    expect(readJson(settingsFile(dir)).kioskId).toBe(settings.kioskId);
    first.close();

    const second = open(dir).backOffice;
    expect(second.settings().kioskId).toBe(settings.kioskId);
    expect(second.config().kioskId).toBe(settings.kioskId);
    second.close();
    expect(open(tempDir()).backOffice.settings().kioskId).not.toBe(settings.kioskId);
  });

  it('saves valid changes and rejects invalid ones without touching the file', () => {
    const dir = tempDir();
    const { backOffice } = open(dir);
    const updated = backOffice.updateSettings({ language: 'en', idleSeconds: 120 });
    expect(updated.language).toBe('en');
    const saved = fs.readFileSync(settingsFile(dir), 'utf8');

    expect(() => backOffice.updateSettings({ idleSeconds: 5 })).toThrow(BridgeFailure);
    expect(() => backOffice.updateSettings({ idleSeconds: 5 })).toThrow(/idleSeconds/);
    expect(() => backOffice.updateSettings({ nope: 1 } as Partial<Settings>)).toThrow(/nope/);
    expect(() => backOffice.updateSettings({ sync: { endpoint: 'ftp://x', intervalSeconds: 300 } })).toThrow(
      /sync.endpoint/,
    );
    expect(fs.readFileSync(settingsFile(dir), 'utf8')).toBe(saved);
    expect(backOffice.settings().idleSeconds).toBe(120);
    backOffice.close();

    const reopened = open(dir).backOffice;
    expect(reopened.settings()).toMatchObject({ language: 'en', idleSeconds: 120 });
    expect(reopened.config()).toMatchObject({ language: 'en', idleSeconds: 120 });
    reopened.close();
  });

  it('keeps the campaign page (pledge QR code) across restarts, refuses a non-http one, keeps it when a patch leaves it out', () => {
    const dir = tempDir();
    const { backOffice } = open(dir);
    backOffice.updateSettings({ campaignUrl: 'https://example.org/khong-mot-minh' });
    expect(() => backOffice.updateSettings({ campaignUrl: 'javascript:alert(1)' })).toThrow(/campaignUrl/);
    backOffice.updateSettings({ idleSeconds: 90 });
    expect(backOffice.config().campaignUrl).toBe('https://example.org/khong-mot-minh');
    backOffice.close();
    const reopened = open(dir).backOffice;
    expect(reopened.settings().campaignUrl).toBe('https://example.org/khong-mot-minh');
    reopened.updateSettings({ campaignUrl: '' });
    expect(reopened.config().campaignUrl).toBe('');
    reopened.close();
  });

  it('gives ElectronStore-style factories the right file name too', () => {
    // ElectronStore replaces configName by its own `name` option (default "config").
    const dir = tempDir();
    const electronStoreLike = (options: Options<Settings>) => {
      const { name } = options as Options<Settings> & { name?: string };
      return new Conf<Settings>({ ...options, configName: name ?? 'config' });
    };
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '0.1.0',
      host: 'electron',
      logger: memoryLogger(),
      settingsStoreFactory: electronStoreLike,
    });
    expect(fs.existsSync(settingsFile(dir))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    backOffice.close();
  });
});

describe('damaged settings files', () => {
  it('moves an unparsable file aside byte for byte and boots on defaults', () => {
    const dir = tempDir();
    const original = Buffer.from('{"kioskId": "kiosk-abc123", "language": "en",\n  \u0000\u0000 oops');
    fs.writeFileSync(settingsFile(dir), original);
    const { backOffice, logger } = open(dir);

    expect(backOffice.settings().language).toBe('vi');
    const copies = corruptCopies(dir);
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, copies[0] ?? ''))).toEqual(original);
    expect(SettingsSchema.safeParse(readJson(settingsFile(dir))).success).toBe(true);
    expect(logger.at('warn').join('\n')).toMatch(/settings\.json was damaged .*moved aside to .*corrupt-/);
    backOffice.close();
  });

  it('moves a schema-invalid file aside, keeps its valid kiosk id, uses defaults for the rest', () => {
    const dir = tempDir();
    const original = `${JSON.stringify({
      kioskId: 'kiosk-keep01',
      language: 'en',
      idleSeconds: 5000,
      sync: { endpoint: null, intervalSeconds: 300 },
      __internal__: { migrations: { version: SETTINGS_VERSION } },
    })}\n`;
    fs.writeFileSync(settingsFile(dir), original);
    const { backOffice, logger } = open(dir);

    expect(backOffice.settings()).toMatchObject({ kioskId: 'kiosk-keep01', language: 'vi', idleSeconds: 60 });
    const copies = corruptCopies(dir);
    expect(copies).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, copies[0] ?? ''), 'utf8')).toBe(original);
    expect(readJson(settingsFile(dir))).toMatchObject({ kioskId: 'kiosk-keep01', idleSeconds: 60 });
    expect(logger.at('warn').join('\n')).toMatch(/kept kiosk id kiosk-keep01/);
    expect(backOffice.health().lastError).toBeNull();
    backOffice.close();
  });

  it('migrates a pilot-build (pre-0.1.0) file instead of discarding it', () => {
    const dir = tempDir();
    fs.writeFileSync(
      settingsFile(dir),
      JSON.stringify({ kioskId: 'kiosk-old123', idleTimeout: 90_000, locale: 'en-US' }, null, 2),
    );
    const { backOffice } = open(dir);

    expect(backOffice.settings()).toEqual({
      kioskId: 'kiosk-old123',
      language: 'en',
      idleSeconds: 90,
      campaignUrl: '',
      sync: { endpoint: null, intervalSeconds: 300, enabled: true, batchSize: 2000 },
    });
    const stored = readJson(settingsFile(dir));
    expect(stored).not.toHaveProperty('idleTimeout');
    expect(stored).not.toHaveProperty('locale');
    expect(stored.__internal__).toEqual({ migrations: { version: SETTINGS_VERSION } });
    expect(corruptCopies(dir)).toEqual([]);
    backOffice.close();
  });

  it('clamps a legacy idle timeout outside today’s range', () => {
    const dir = tempDir();
    fs.writeFileSync(settingsFile(dir), JSON.stringify({ idleTimeout: 3_600_000, locale: 'vi-VN' }));
    const { backOffice } = open(dir);
    expect(backOffice.settings()).toMatchObject({ idleSeconds: 600, language: 'vi' });
    expect(backOffice.settings().kioskId).toMatch(/^kiosk-[a-z0-9]{6}$/);
    backOffice.close();
  });
});

describe('KIOSK_IDLE_SECONDS', () => {
  it('overrides the stored idle time in config() without changing the settings', () => {
    const dir = tempDir();
    const { backOffice } = open(dir, { KIOSK_IDLE_SECONDS: '30' });
    expect(backOffice.config().idleSeconds).toBe(30);
    expect(backOffice.settings().idleSeconds).toBe(60);
    backOffice.updateSettings({ idleSeconds: 90 });
    expect(backOffice.config().idleSeconds).toBe(30);
    backOffice.close();
  });

  it('is ignored when empty', () => {
    const { backOffice } = open(tempDir(), { KIOSK_IDLE_SECONDS: '' });
    expect(backOffice.config().idleSeconds).toBe(60);
    backOffice.close();
  });

  it.each(['abc', '4', '3601', '12.5', '-10', '1e3'])(
    'rejects %j with an error naming the variable',
    (value) => {
      const dir = tempDir();
      expect(() => open(dir, { KIOSK_IDLE_SECONDS: value })).toThrow(
        new RegExp(
          `KIOSK_IDLE_SECONDS must be a whole number of seconds from 5 to 3600, but it is "${value.replace('.', '\\.')}"`,
        ),
      );
      // Thrown before touching the disk: nothing half-created.
      expect(fs.readdirSync(dir)).toEqual([]);
    },
  );
});
