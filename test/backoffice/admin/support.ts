/**
 * Helpers for the staff (admin) tests: a back office on a temp folder with a movable clock,
 * reopened on the same folder to prove what survives a restart.
 */
import { openBackOffice, type BackOffice } from '../../../electron/backoffice/index.js';
import { memoryLogger, sessionEvents, tempDir, type MemoryLogger } from '../helpers.js';

export interface Clock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

/** A clock tests move by hand. */
export function manualClock(start = '2025-11-22T02:00:00.000Z'): Clock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface Kiosk {
  dir: string;
  clock: Clock;
  logger: MemoryLogger;
  backOffice: BackOffice;
  /** Closes and opens the back office again on the same folder (a restart). */
  reopen(env?: Record<string, string | undefined>): BackOffice;
  /** Plays one full visitor session (6 records). */
  playSession(sessionId: string): void;
}

const open: BackOffice[] = [];

/** The PIN `setUp` chooses, and a wrong one; both 6 digits like every staff PIN. */
export const PIN = '246810';
export const WRONG_PIN = '000000';

/**
 * Opens a browser-host back office on a fresh temp folder, where choosing the first PIN on the
 * screen is allowed (KIOSK_ALLOW_SCREEN_SETUP) unless `env` says otherwise. Call `closeAll()`
 * in afterEach.
 */
export function openKiosk(
  env: Record<string, string | undefined> = { KIOSK_ALLOW_SCREEN_SETUP: '1' },
  dir = tempDir('admin-'),
): Kiosk {
  const clock = manualClock();
  const logger = memoryLogger();
  const make = (e: Record<string, string | undefined>): BackOffice => {
    const backOffice = openBackOffice({
      dataDir: dir,
      version: '1.2.3',
      host: 'browser',
      env: e,
      logger,
      now: clock.now,
    });
    open.push(backOffice);
    return backOffice;
  };
  const kiosk: Kiosk = {
    dir,
    clock,
    logger,
    backOffice: make(env),
    reopen(e = {}) {
      kiosk.backOffice.close();
      kiosk.backOffice = make(e);
      return kiosk.backOffice;
    },
    playSession(sessionId) {
      for (const event of sessionEvents(sessionId)) kiosk.backOffice.record(event);
    },
  };
  return kiosk;
}

/** Closes every back office opened by openKiosk (releases the journal locks). */
export function closeAll(): void {
  for (const backOffice of open.splice(0)) backOffice.close();
}

/** Chooses PIN on first run (on-screen set-up must be allowed) and returns the staff token. */
export async function setUp(kiosk: Kiosk, pin = PIN): Promise<string> {
  return (await kiosk.backOffice.admin.setupPin(pin)).adminToken;
}

/** Unlocks with `pin` and returns the staff token, or throws. */
export async function unlockToken(kiosk: Kiosk, pin = PIN): Promise<string> {
  const session = await kiosk.backOffice.admin.unlock(pin);
  if (!session.unlocked) throw new Error('unlock failed');
  return session.adminToken;
}
