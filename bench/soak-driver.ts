/**
 * The festival-day monkey: visitor sessions through every station of the browser host, with
 * random taps, swipes, multi-touch and key presses, idle timeouts in the middle of scenes,
 * language switches and the staff gesture started and abandoned. Time is Playwright's clock
 * (installed before the page loads), so an idle minute costs a `fastForward`, not a minute.
 *
 * The driver does not predict what a random tap does: after every action it reads the shell's
 * diagnostics and counts what happened (a session started or ended, a station entered or
 * left), attributing an end to "idle" only when its own fast-forward caused it. The caller
 * compares those counts with the back office's tallies. Shared by test/e2e/soak.spec.ts (a
 * short run in CI), bench/soak.ts (`npm run soak`) and bench/memory.bench.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { seededRng, type Rng } from '../scenes/shared/seeded-rng.js';

/** What the driver saw happen, to compare with the tallies. */
export interface SoakCounts {
  sessions: number;
  /** Session ends by reason: "idle" when the driver's fast-forward ended it, else "visitor". */
  endedBy: { visitor: number; idle: number };
  /** Per station: entries, leaves because of idle, and other leaves (back, completed). */
  stations: Record<string, { enters: number; idleLeaves: number; otherLeaves: number }>;
  /** What the monkey did, for the report. */
  actions: {
    buttons: number;
    taps: number;
    swipes: number;
    multiTouches: number;
    keys: number;
    languageSwitches: number;
    gesturesAbandoned: number;
    idleWarningsAnswered: number;
  };
}

export interface SoakOptions {
  /** Visitor sessions to play. */
  sessions: number;
  /** PRNG seed: the same seed plays the same visits (as far as the page answers the same). */
  seed: number;
  /** The kiosk's idle time (KIOSK_IDLE_SECONDS of the host), in ms. */
  idleMs: number;
  /** Called after each session (for progress and memory samples). */
  afterSession?: (index: number) => Promise<void>;
}

interface Seen {
  state: string;
  sessionId: string | null;
  station: string | null;
}

/** The shell's diagnostics, reduced to what the driver counts. */
async function look(page: Page): Promise<Seen> {
  return page.evaluate(() => {
    const diagnostics = (
      window as unknown as {
        kioskDiagnostics?: () => { state: string; sessionId: string | null; station: string | null };
      }
    ).kioskDiagnostics;
    if (!diagnostics) return { state: 'booting', sessionId: null, station: null };
    const { state, sessionId, station } = diagnostics();
    return { state, sessionId, station };
  });
}

const KEYS = [
  'Tab',
  'Tab',
  'Enter',
  ' ',
  'Escape',
  'ArrowLeft',
  'ArrowRight',
  'ArrowDown',
  'a',
  '7',
] as const;

/** Plays sessions on a page already showing the attract loop with the clock installed. */
export class SoakDriver {
  readonly counts: SoakCounts = {
    sessions: 0,
    endedBy: { visitor: 0, idle: 0 },
    stations: {},
    actions: {
      buttons: 0,
      taps: 0,
      swipes: 0,
      multiTouches: 0,
      keys: 0,
      languageSwitches: 0,
      gesturesAbandoned: 0,
      idleWarningsAnswered: 0,
    },
  };
  private readonly rng: Rng;
  private seen: Seen = { state: 'booting', sessionId: null, station: null };
  private cdp: CDPSession | null = null;

  constructor(
    private readonly page: Page,
    private readonly options: SoakOptions,
    private readonly stationIds: readonly string[],
  ) {
    this.rng = seededRng(options.seed);
  }

  /** Plays `options.sessions` sessions; returns what was seen. */
  async run(): Promise<SoakCounts> {
    this.cdp = await this.page.context().newCDPSession(this.page);
    this.seen = await look(this.page);
    for (let index = 0; index < this.options.sessions; index++) {
      await this.session();
      await this.options.afterSession?.(index);
    }
    await this.cdp.detach();
    return this.counts;
  }

  private int(below: number): number {
    return Math.floor(this.rng() * below);
  }

  private pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  private station(id: string): { enters: number; idleLeaves: number; otherLeaves: number } {
    this.counts.stations[id] ??= { enters: 0, idleLeaves: 0, otherLeaves: 0 };
    return this.counts.stations[id];
  }

  /** Reads the shell's state and counts every change since the last look. */
  private async observe(byIdle = false): Promise<Seen> {
    const now = await look(this.page);
    const before = this.seen;
    if (before.station !== null && now.station !== before.station) {
      const tally = this.station(before.station);
      if (byIdle) tally.idleLeaves += 1;
      else tally.otherLeaves += 1;
    }
    if (now.station !== null && now.station !== before.station) this.station(now.station).enters += 1;
    if (before.sessionId !== null && now.sessionId !== before.sessionId) {
      if (byIdle) this.counts.endedBy.idle += 1;
      else this.counts.endedBy.visitor += 1;
    }
    if (now.sessionId !== null && now.sessionId !== before.sessionId) this.counts.sessions += 1;
    this.seen = now;
    return now;
  }

  /** Waits (in page time) until the shell reaches `state`, counting on the way. */
  private async until(predicate: (seen: Seen) => boolean, what: string, byIdle = false): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      if (predicate(await this.observe(byIdle))) return;
      await this.page.waitForTimeout(25);
    }
    throw new Error(`soak: the kiosk never reached ${what} (last seen ${JSON.stringify(this.seen)})`);
  }

  /** One visitor: start, wander, leave by "I'm done" or by walking away. */
  private async session(): Promise<void> {
    await this.until((seen) => seen.state === 'attract', 'the attract loop');
    await this.page.getByTestId('start').click();
    await this.until((seen) => seen.state === 'hub' && seen.sessionId !== null, 'the hub');
    if (this.rng() < 0.3) await this.switchLanguage();
    if (this.rng() < 0.15) await this.abandonGesture();
    // Mostly short visits: one station, sometimes none, sometimes two.
    const roll = this.rng();
    const visits = roll < 0.25 ? 0 : roll < 0.85 ? 1 : 2;
    for (let visit = 0; visit < visits && this.seen.state !== 'attract'; visit++) {
      if (!(await this.visit(this.pick(this.stationIds)))) break;
    }
    await this.end();
  }

  private async switchLanguage(): Promise<void> {
    await this.page.getByTestId('language').click();
    this.counts.actions.languageSwitches += 1;
    await this.observe();
  }

  /**
   * The staff gesture begun and not finished: a long press in the bottom-left corner, one tap
   * of three in the bottom-right, then nothing until the tap window has passed. The PIN pad
   * must not open.
   */
  private async abandonGesture(): Promise<void> {
    const { width, height } = this.page.viewportSize() ?? { width: 960, height: 540 };
    await this.page.mouse.move(20, height - 20);
    await this.page.mouse.down();
    await this.page.clock.fastForward(2_100);
    await this.page.mouse.up();
    await this.page.mouse.click(width - 20, height - 20);
    await this.page.clock.fastForward(4_500);
    const admin = await this.page.evaluate(
      () =>
        (window as unknown as { kioskAdminDiagnostics?: () => { view: string } }).kioskAdminDiagnostics?.()
          .view ?? 'closed',
    );
    if (admin !== 'closed') throw new Error(`soak: an abandoned staff gesture opened "${admin}"`);
    this.counts.actions.gesturesAbandoned += 1;
    await this.observe();
  }

  /** Opens a station from the hub and plays into it; false when the session ended meanwhile. */
  private async visit(id: string): Promise<boolean> {
    await this.closeOverlays();
    await this.observe();
    if (this.seen.state !== 'hub') return this.seen.sessionId !== null;
    await this.page.locator(`[data-station="${id}"]`).first().dispatchEvent('click');
    await this.until((seen) => seen.station === id, `station "${id}"`);
    const actions = 2 + this.int(8);
    for (let i = 0; i < actions; i++) {
      if (this.seen.station === null) break;
      // Now and then the visitor walks away in the middle of a scene (or a call).
      if (this.rng() < 0.06) {
        await this.walkAway();
        return false;
      }
      await this.monkey();
      await this.observe();
    }
    if (this.seen.station !== null) {
      await this.closeOverlays();
      await this.page.locator('.top-bar__back').click();
      await this.until((seen) => seen.station === null, 'the hub after leaving');
    }
    return this.seen.sessionId !== null;
  }

  /** One random input inside a station. */
  private async monkey(): Promise<void> {
    const { width, height } = this.page.viewportSize() ?? { width: 960, height: 540 };
    const roll = this.rng();
    if (roll < 0.5) {
      // A visible button of the station: what a visitor mostly does.
      const boxes = await this.page.evaluate(() =>
        [...document.querySelectorAll<HTMLButtonElement>('.station-root button')]
          .filter((button) => !button.disabled && button.checkVisibility({ checkVisibilityCSS: true }))
          .map((button) => {
            const rect = button.getBoundingClientRect();
            return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
          }),
      );
      if (boxes.length > 0) {
        const box = this.pick(boxes);
        await this.page.mouse.click(box.x, box.y);
        this.counts.actions.buttons += 1;
        return;
      }
    }
    // Below the top bar, away from the staff corners.
    const x = 140 + this.int(width - 280);
    const y = 100 + this.int(height - 200);
    if (roll < 0.7) {
      await this.page.mouse.click(x, y);
      this.counts.actions.taps += 1;
    } else if (roll < 0.82) {
      await this.page.mouse.move(x, y);
      await this.page.mouse.down();
      await this.page.mouse.move(140 + this.int(width - 280), 100 + this.int(height - 200), { steps: 4 });
      await this.page.mouse.up();
      this.counts.actions.swipes += 1;
    } else if (roll < 0.9) {
      await this.multiTouch(x, y);
    } else {
      await this.page.keyboard.press(this.pick(KEYS));
      this.counts.actions.keys += 1;
    }
    // Let the page's clock move on a little, as a visitor's pause would.
    await this.page.clock.fastForward(50 + this.int(400));
  }

  /** Two fingers down, a pinch, both up (CDP touch events: the page sees real touches). */
  private async multiTouch(x: number, y: number): Promise<void> {
    if (!this.cdp) return;
    const points = (spread: number): { x: number; y: number; id: number }[] => [
      { x: x - spread, y, id: 1 },
      { x: x + spread, y, id: 2 },
    ];
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(60) });
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(20) });
    await this.cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    this.counts.actions.multiTouches += 1;
  }

  /**
   * Nobody touches the screen: the warning comes, and either a touch keeps the session or the
   * countdown ends it. A second passes first, so a station's own pending exit is counted as
   * its own and not as idle.
   */
  private async walkAway(): Promise<void> {
    await this.page.clock.fastForward(1_000);
    await this.observe();
    await this.page.clock.fastForward(this.options.idleMs);
    await this.page.locator('.overlay--idle').waitFor({ state: 'visible' });
    await this.observe();
    await this.page.clock.fastForward(11_000);
    await this.until((seen) => seen.state === 'attract', 'the attract loop after idle', true);
  }

  /** Ends the session: "I'm done" on the hub, or walking away (sometimes answering the warning first). */
  private async end(): Promise<void> {
    if (this.seen.state === 'attract') return;
    if (this.seen.station !== null) {
      await this.walkAway();
      return;
    }
    if (this.rng() < 0.35) {
      if (this.rng() < 0.3) {
        // "Are you still there?" — yes, then walk away for good.
        await this.page.clock.fastForward(1_000);
        await this.page.clock.fastForward(this.options.idleMs);
        const warning = this.page.locator('.overlay--idle');
        await warning.getByRole('button').click();
        await warning.waitFor({ state: 'hidden' });
        this.counts.actions.idleWarningsAnswered += 1;
        await this.observe();
      }
      await this.walkAway();
      return;
    }
    await this.closeOverlays();
    await this.page.locator('.hub__finish').click();
    await this.until((seen) => seen.state === 'attract', 'the attract loop after "I\'m done"');
  }

  /** Closes the help or idle overlay a random key or tap may have opened. */
  private async closeOverlays(): Promise<void> {
    const open = this.page.locator('.overlay:not([hidden]) .pill--primary');
    if ((await open.count()) > 0) await open.first().click();
  }
}

/** The back office's tallies, read through the bridge as the renderer does. */
export async function readTallies(page: Page): Promise<{
  totals: { sessions: number };
  sessionsByEndReason: Record<string, number>;
  scenes: Record<string, { enters: number; leaves: Record<string, number> }>;
}> {
  return page.evaluate(async () => {
    const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-token"]')?.content ?? '';
    const response = await fetch('/api/tallies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
      body: '',
    });
    const answer = (await response.json()) as { ok: boolean; value: never; error?: { message: string } };
    if (!answer.ok) throw new Error(`tallies: ${answer.error?.message ?? 'failed'}`);
    return answer.value;
  });
}

/**
 * What the tallies should say after the driver's counts, in the tallies' own shape, and what
 * they say; equal when every session and station visit was recorded.
 */
export function expectedTallies(counts: SoakCounts): {
  sessions: number;
  endedBy: Record<string, number>;
  scenes: Record<string, { enters: number; idleLeaves: number; otherLeaves: number }>;
} {
  const endedBy: Record<string, number> = {};
  if (counts.endedBy.visitor > 0) endedBy.visitor = counts.endedBy.visitor;
  if (counts.endedBy.idle > 0) endedBy.idle = counts.endedBy.idle;
  return { sessions: counts.sessions, endedBy, scenes: counts.stations };
}

/** The tallies reduced to the shape of expectedTallies. */
export function talliesSeen(
  tallies: Awaited<ReturnType<typeof readTallies>>,
): ReturnType<typeof expectedTallies> {
  const endedBy = Object.fromEntries(
    Object.entries(tallies.sessionsByEndReason).filter(([, value]) => value > 0),
  );
  const scenes = Object.fromEntries(
    Object.entries(tallies.scenes)
      .filter(([, scene]) => scene.enters > 0)
      .map(([id, scene]) => {
        const idle = scene.leaves.idle ?? 0;
        const all = Object.values(scene.leaves).reduce((sum, value) => sum + value, 0);
        return [id, { enters: scene.enters, idleLeaves: idle, otherLeaves: all - idle }];
      }),
  );
  return { sessions: tallies.totals.sessions, endedBy, scenes };
}
