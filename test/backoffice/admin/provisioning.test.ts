/**
 * Issue 8, hole 1: the staff PIN must fail closed. Damaging settings.json costs neither the
 * PIN nor the kiosk id; a PIN hash that goes missing or unreadable after a PIN existed means
 * "locked: provision it again" (KIOSK_ADMIN_PIN or the USB set-up file), never "choose a PIN"
 * on the public screen.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/bridge/dispatch.js';
import { AUDIT_FILE } from '../../../electron/backoffice/admin/audit.js';
import { PIN_FILE, PROVISIONED_FILE } from '../../../electron/backoffice/admin/pin-store.js';
import {
  SETUP_FILE_NAME,
  findSetupFile,
  setupSearchRoots,
} from '../../../electron/backoffice/admin/setup-file.js';
import { createBridgeHandlers } from '../../../electron/backoffice/index.js';
import { KIOSK_ID_FILE } from '../../../electron/backoffice/kiosk-id.js';
import { tempDir } from '../helpers.js';
import { PIN, closeAll, openKiosk, setUp, type Kiosk } from './support.js';

afterEach(closeAll);

/** Cuts `bytes` off the end of a file (a bad write or a bad sector). */
function cut(file: string, bytes: number): void {
  fs.truncateSync(file, fs.statSync(file).size - bytes);
}

/** A kiosk whose PIN was provisioned from KIOSK_ADMIN_PIN, then restarted without it. */
async function provisioned(): Promise<Kiosk> {
  const kiosk = openKiosk({ KIOSK_ADMIN_PIN: PIN });
  expect((await kiosk.backOffice.admin.state()).pin).toBe('set');
  kiosk.reopen({});
  return kiosk;
}

/** An old-style scrypt hash as settings.json held it before this version. */
function legacyHash(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, 32, { N: 16_384, r: 8, p: 1 });
  return ['scrypt', 16_384, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}

describe('a damaged settings file', () => {
  it('keeps the PIN and the kiosk id (three bytes cut off the end)', async () => {
    const kiosk = await provisioned();
    const id = kiosk.backOffice.settings().kioskId;
    kiosk.backOffice.close();
    cut(path.join(kiosk.dir, 'settings.json'), 3);
    const reopened = kiosk.reopen({});
    expect(reopened.settings().kioskId).toBe(id);
    expect((await reopened.admin.state()).pin).toBe('set');
    expect((await reopened.admin.unlock(PIN)).unlocked).toBe(true);
  });

  it('keeps the kiosk id even when the settings file is all zeros (kiosk-id.json)', async () => {
    const kiosk = await provisioned();
    const id = kiosk.backOffice.settings().kioskId;
    kiosk.backOffice.close();
    fs.writeFileSync(path.join(kiosk.dir, 'settings.json'), Buffer.alloc(200));
    expect(kiosk.reopen({}).settings().kioskId).toBe(id);
    // And when settings.json is gone altogether.
    kiosk.backOffice.close();
    fs.rmSync(path.join(kiosk.dir, 'settings.json'));
    expect(kiosk.reopen({}).settings().kioskId).toBe(id);
  });

  it('follows a kiosk id staff changed in the panel', async () => {
    const kiosk = openKiosk();
    const token = await setUp(kiosk);
    await kiosk.backOffice.admin.action({
      adminToken: token,
      action: 'set-settings',
      settings: { kioskId: 'hue-02' },
    });
    expect(JSON.parse(fs.readFileSync(path.join(kiosk.dir, KIOSK_ID_FILE), 'utf8'))).toEqual({
      kioskId: 'hue-02',
    });
    kiosk.backOffice.close();
    cut(path.join(kiosk.dir, 'settings.json'), 3);
    expect(kiosk.reopen({}).settings().kioskId).toBe('hue-02');
  });
});

describe('a PIN hash that goes missing or unreadable', () => {
  it.each([
    [
      'deleted',
      (file: string) => {
        fs.rmSync(file);
      },
    ],
    [
      'cut short',
      (file: string) => {
        cut(file, 10);
      },
    ],
    [
      'zeroed',
      (file: string) => {
        fs.writeFileSync(file, Buffer.alloc(60));
      },
    ],
  ])(
    'locks the pad for re-provisioning when %s; set-up on the screen stays refused',
    async (_name, damage) => {
      const kiosk = await provisioned();
      kiosk.backOffice.close();
      damage(path.join(kiosk.dir, PIN_FILE));
      // Even with on-screen set-up allowed: a PIN existed here.
      const reopened = kiosk.reopen({ KIOSK_ALLOW_SCREEN_SETUP: '1' });
      expect((await reopened.admin.state()).pin).toBe('reprovision');
      const setup = await dispatch(createBridgeHandlers(reopened), 'adminSetupPin', { pin: '135790' });
      expect(setup).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await reopened.admin.unlock(PIN)).toMatchObject({ unlocked: false, refused: 'reprovision' });
    },
  );

  it('remembers that a PIN existed from the audit log too (marker and hash both lost)', async () => {
    const kiosk = await provisioned();
    kiosk.backOffice.close();
    fs.rmSync(path.join(kiosk.dir, PIN_FILE));
    fs.rmSync(path.join(kiosk.dir, PROVISIONED_FILE));
    expect(fs.readFileSync(path.join(kiosk.dir, AUDIT_FILE), 'utf8')).toContain('setup-pin');
    expect((await kiosk.reopen({ KIOSK_ALLOW_SCREEN_SETUP: '1' }).admin.state()).pin).toBe('reprovision');
  });

  it('is provisioned again by KIOSK_ADMIN_PIN', async () => {
    const kiosk = await provisioned();
    kiosk.backOffice.close();
    fs.rmSync(path.join(kiosk.dir, PIN_FILE));
    const reopened = kiosk.reopen({ KIOSK_ADMIN_PIN: '97531086' });
    expect((await reopened.admin.state()).pin).toBe('set');
    expect((await reopened.admin.unlock('97531086')).unlocked).toBe(true);
    expect((await kiosk.reopen({}).admin.unlock('97531086')).unlocked).toBe(true);
  });

  it('is provisioned again by the USB set-up file, which is then deleted from the stick', async () => {
    const kiosk = await provisioned();
    kiosk.backOffice.close();
    fs.rmSync(path.join(kiosk.dir, PIN_FILE));
    const media = tempDir('media-');
    const env = { KIOSK_SETUP_DIRS: media };
    const reopened = kiosk.reopen(env);
    expect((await reopened.admin.state()).pin).toBe('reprovision');
    // Staff plug in the stick (mounted one level down) and open the pad again.
    const stick = path.join(media, 'KIOSK-USB');
    fs.mkdirSync(stick);
    fs.writeFileSync(path.join(stick, SETUP_FILE_NAME), '\uFEFF 13579024\r\n');
    kiosk.clock.advance(2_000); // the pad looks at most every 2 s
    expect((await reopened.admin.state()).pin).toBe('set');
    expect(fs.existsSync(path.join(stick, SETUP_FILE_NAME))).toBe(false);
    expect((await reopened.admin.unlock('13579024')).unlocked).toBe(true);
    expect(fs.readFileSync(path.join(kiosk.dir, AUDIT_FILE), 'utf8')).toContain('"source":"usb"');
  });
});

describe('the PIN hash of an older version (in settings.json)', () => {
  function oldKiosk(settingsText: (hash: string) => string): Kiosk {
    const dir = tempDir('legacy-');
    fs.writeFileSync(path.join(dir, 'settings.json'), settingsText(legacyHash('135790')));
    return openKiosk({}, dir);
  }

  it('moves to admin-pin.json and leaves settings.json', async () => {
    const kiosk = oldKiosk((hash) =>
      JSON.stringify({
        kioskId: 'hanoi-01',
        language: 'vi',
        idleSeconds: 60,
        adminPinHash: hash,
        sync: { endpoint: null, intervalSeconds: 300 },
        __internal__: { migrations: { version: '0.1.0' } },
      }),
    );
    expect((await kiosk.backOffice.admin.unlock('135790')).unlocked).toBe(true);
    expect(fs.readFileSync(path.join(kiosk.dir, 'settings.json'), 'utf8')).not.toContain('scrypt');
    expect(fs.readFileSync(path.join(kiosk.dir, PIN_FILE), 'utf8')).toContain('scrypt$16384$8$1$');
    expect(kiosk.backOffice.settings().kioskId).toBe('hanoi-01');
  });

  it('is salvaged from a damaged file cut after the hash', async () => {
    const kiosk = oldKiosk((hash) => `{"kioskId":"hue-02","adminPinHash":"${hash}","language":"v`);
    expect(kiosk.backOffice.settings().kioskId).toBe('hue-02');
    expect((await kiosk.backOffice.admin.unlock('135790')).unlocked).toBe(true);
  });
});

describe('first start without any PIN', () => {
  it('waits for provisioning instead of offering "choose a PIN"', async () => {
    const kiosk = openKiosk({});
    expect((await kiosk.backOffice.admin.state()).pin).toBe('unprovisioned');
    expect(fs.existsSync(path.join(kiosk.dir, PROVISIONED_FILE))).toBe(false);
  });
});

describe('the USB set-up file', () => {
  it('is looked for on the usual mount points of each system, or where KIOSK_SETUP_DIRS says', () => {
    expect(setupSearchRoots({}, 'win32')).toContain('E:\\');
    expect(setupSearchRoots({}, 'darwin')).toEqual(['/Volumes']);
    expect(setupSearchRoots({}, 'linux')).toEqual(expect.arrayContaining(['/media', '/mnt']));
    expect(setupSearchRoots({ KIOSK_SETUP_DIRS: `/a${path.delimiter}/b` }, 'linux')).toEqual(['/a', '/b']);
  });

  it('must hold 6–8 digits and nothing else', () => {
    const media = tempDir('media-');
    const file = path.join(media, SETUP_FILE_NAME);
    for (const bad of ['1234', 'PIN=123456', '123456789', '12 34 56']) {
      fs.writeFileSync(file, bad);
      expect(findSetupFile([media])).toEqual({ kind: 'invalid', file });
    }
    fs.writeFileSync(file, '00112233\n');
    expect(findSetupFile([media])).toEqual({ kind: 'found', pin: '00112233', file });
  });
});
