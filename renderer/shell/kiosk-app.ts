/**
 * The visitor flow: attract loop → (touch) → hub → station → hub …, with an idle timeout that
 * ends the session and returns to a fresh attract loop with every scene resource disposed.
 * Runs in the renderer.
 */
import type { i18n as I18n } from 'i18next';
import type { StaffNotice } from '../../electron/bridge/admin-contract.js';
import type { KioskApi, KioskConfig, Language, SessionEndReason } from '../../electron/bridge/contract.js';
import type { DeliveryState } from '../bridge/record-outbox.js';
import { HubWorld } from '../../scenes/hub/hub-world.js';
import { checkStation, stationProblem, type BrokenStation } from '../../scenes/registry.js';
import type { StationDefinition } from '../../scenes/station.js';
import { SoundBoard } from '../audio/sound.js';
import { IdleMonitor } from '../idle/idle-monitor.js';
import { VisitorSession } from '../session/visitor-session.js';
import { createAttractView, showPledgeCount } from './attract-view.js';
import { h } from './dom.js';
import { createHelpOverlay } from './help-overlay.js';
import { createHubView, type HubView } from './hub-view.js';
import { createIdleOverlay } from './idle-overlay.js';
import { Localized } from './localized.js';
import { mountStation, type MountedStation } from './station-host.js';
import { createStaffNotice } from './staff-notice.js';
import { createTopBar } from './top-bar.js';

export type AppState = 'attract' | 'hub' | 'station';

/** How often the idle monitor and the staff health check are consulted. */
const IDLE_TICK_MS = 250;
const HEALTH_POLL_MS = 30_000;

export interface Diagnostics {
  state: AppState;
  language: Language;
  sessionId: string | null;
  worldsCreated: number;
  worldsDisposed: number;
  liveWorld: ReturnType<HubWorld['stats']> | null;
  station: string | null;
  /** The stations the hub offers now (a station with a broken file is left out). */
  stations: string[];
}

export class KioskApp {
  private state: AppState = 'attract';
  private language: Language;
  private session: VisitorSession | null = null;
  private idle: IdleMonitor | null = null;
  private world: HubWorld | null = null;
  private station: MountedStation | null = null;
  private opening = false;
  private worldsCreated = 0;
  private worldsDisposed = 0;
  private readonly sound = new SoundBoard();
  private readonly loc: Localized;
  private readonly worldLayer = h('div', { class: 'world-layer', 'aria-hidden': 'true' });
  private readonly stationLayer = h('div', { class: 'station-root', hidden: true });
  private readonly screenLayer = h('main', { class: 'screen-layer' });
  private readonly status = h('p', { class: 'status-toast', role: 'status', hidden: true });
  private readonly topBar;
  private readonly help;
  private readonly idleOverlay;
  private readonly staffNotice;
  private readonly attract: HTMLElement;
  private hub: HubView;
  /** The stations the hub offers: the registry's, less any hidden for a broken file. */
  private stations: readonly StationDefinition[];
  /** One notice per station hidden since the page loaded (the files stay broken until fixed). */
  private readonly hiddenNotices: StaffNotice[] = [];
  /** The hub's world still shows a hidden station's beacon (rebuilt when the hub is next shown). */
  private worldStale = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly kiosk: KioskApi,
    private readonly config: KioskConfig,
    private readonly i18n: I18n,
    stations: readonly StationDefinition[],
    private readonly now: () => number = () => performance.now(),
  ) {
    this.stations = stations;
    this.language = config.language;
    this.loc = new Localized(i18n);
    this.topBar = createTopBar(this.loc, {
      onLanguage: () => void this.toggleLanguage(),
      onHelp: () => {
        this.help.open();
      },
      onBack: () => {
        this.leaveStation('exited');
      },
    });
    this.help = createHelpOverlay(this.loc, () => {
      this.help.close();
    });
    this.idleOverlay = createIdleOverlay(this.loc, () => {
      this.idleOverlay.close();
    });
    this.staffNotice = createStaffNotice(this.loc);
    this.attract = createAttractView(this.loc, () => {
      this.startSession();
    });
    this.hub = this.createHub();
  }

  /** Builds the page and starts the attract loop. */
  start(): void {
    this.root.append(
      this.worldLayer,
      this.stationLayer,
      this.screenLayer,
      this.topBar.element,
      this.status,
      this.staffNotice.element,
      this.help.element,
      this.idleOverlay.element,
    );
    // Every touch is activity (resets the idle timer) and gets an instant sound.
    window.addEventListener(
      'pointerdown',
      (event) => {
        this.onActivity();
        if (event.target instanceof Element && event.target.closest('button')) this.sound.play('tap');
      },
      { capture: true },
    );
    window.addEventListener(
      'keydown',
      () => {
        this.onActivity();
        this.idleOverlay.close();
      },
      { capture: true },
    );
    window.addEventListener('resize', () => {
      this.world?.resize(window.innerWidth, window.innerHeight);
    });
    window.setInterval(() => {
      this.tick();
    }, IDLE_TICK_MS);
    window.setInterval(() => void this.refreshHealth(), HEALTH_POLL_MS);
    void this.refreshHealth();
    this.showAttract();
  }

  diagnostics(): Diagnostics {
    return {
      state: this.state,
      language: this.language,
      sessionId: this.session?.id ?? null,
      worldsCreated: this.worldsCreated,
      worldsDisposed: this.worldsDisposed,
      liveWorld: this.world?.stats() ?? null,
      station: this.station?.definition.id ?? null,
      stations: this.stations.map((station) => station.id),
    };
  }

  /**
   * Runs every station's content check, one after the other (each loads its own small chunk),
   * and hides each station whose content is broken. Called once the attract loop runs, so the
   * checks stay off the first load; a visitor who opens a station meanwhile meets the same
   * validation at open, handled the same way.
   */
  async checkStations(): Promise<void> {
    for (const station of [...this.stations]) {
      const problem = await checkStation(station);
      if (problem?.lasting === true) this.hideStation(problem);
      else if (problem) {
        // The check could not even load (the host restarting?): the station's own open decides.
        void this.kiosk.log({
          level: 'warn',
          message: `Content check of "${station.id}" did not run: ${problem.problem}`,
        });
      }
    }
  }

  /**
   * A station with a broken file (its station.json, or content found broken by its check or
   * when it opened): kiosk.log names the file and field, staff get a coded notice in their
   * language, and the hub (cards and world) no longer offers it. The other stations run on.
   */
  hideStation(problem: BrokenStation): void {
    void this.kiosk.log({
      level: 'error',
      message: `Station left out of the hub: ${problem.problem}`.slice(0, 2000),
    });
    if (!this.hiddenNotices.some((notice) => notice.params.station === problem.station)) {
      this.hiddenNotices.push({
        code: 'station-hidden',
        params: {
          station: problem.station,
          file: problem.file,
          field: problem.field,
          detail: problem.detail,
        },
      });
      this.staffNotice.showStations(this.hiddenNotices);
    }
    const remaining = this.stations.filter((station) => station.id !== problem.station);
    if (remaining.length === this.stations.length) return;
    this.stations = remaining;
    this.hub = this.createHub();
    if (this.state === 'hub') this.screenLayer.replaceChildren(this.hub.element);
    if (this.state === 'station') {
      this.worldStale = true; // the world is stopped and hidden: rebuild it on the way back
      return;
    }
    this.replaceWorld();
    this.world?.setMode(this.state);
  }

  /** The notices of the stations hidden since the page loaded (for the staff panel). */
  stationNotices(): readonly StaffNotice[] {
    return this.hiddenNotices;
  }

  private createHub(): HubView {
    return createHubView(this.loc, this.stations, {
      onStation: (id) => void this.openStation(id),
      onFinish: () => void this.endSession('visitor'),
      onHover: (id) => this.world?.highlight(id),
    });
  }

  /**
   * Staff ended the visitor session from the panel: it ends with reason "staff" and the
   * kiosk returns to a fresh attract loop. Resolves false when no session was running.
   */
  async endSessionByStaff(): Promise<boolean> {
    if (!this.session) return false;
    await this.endSession('staff');
    return true;
  }

  /** Staff are working at the kiosk (PIN pad or panel open): the visitor is not idle. */
  keepAlive(): void {
    this.onActivity();
    this.idleOverlay.close();
  }

  /** Switches the display language for staff; unlike the visitor's switch it records nothing. */
  async showLanguage(language: Language): Promise<void> {
    await this.setLanguage(language);
  }

  /** Visitor records waiting for the back office (host away, disk full): a staff notice. */
  showDelivery(state: DeliveryState): void {
    this.staffNotice.showDelivery(state);
  }

  /** Settings staff saved: the default language and idle time apply from the next session. */
  applySettings(settings: { language: Language; idleSeconds: number; campaignUrl?: string }): void {
    this.config.language = settings.language;
    this.config.idleSeconds = settings.idleSeconds;
    if (settings.campaignUrl !== undefined) this.config.campaignUrl = settings.campaignUrl;
  }

  private showAttract(): void {
    this.state = 'attract';
    this.idle = null;
    this.idleOverlay.close();
    this.help.close();
    this.replaceWorld();
    this.world?.setMode('attract');
    this.topBar.setBackVisible(false);
    this.stationLayer.hidden = true;
    this.screenLayer.replaceChildren(this.attract);
    this.root.dataset.state = 'attract';
    if (this.language !== this.config.language) void this.setLanguage(this.config.language);
    void this.refreshPledgeCount();
  }

  /** Today's pledges at the pledge station (when there is one), for the attract screen. */
  private async refreshPledgeCount(): Promise<void> {
    if (!this.stations.some((station) => station.id === 'pledge')) return;
    const answer = await this.kiosk.stationCounts({ sceneId: 'pledge' }).catch(() => null);
    showPledgeCount(this.attract, this.loc, answer?.ok ? answer.value.today.pledges : null);
  }

  private startSession(): void {
    if (this.state !== 'attract') return;
    this.sound.play('start');
    // A record that could not be stored reaches staff through showDelivery(), localised.
    this.session = new VisitorSession(this.kiosk, () => undefined);
    this.session.start(this.language);
    this.idle = new IdleMonitor(this.config.idleSeconds * 1000, this.now());
    this.showHub();
  }

  private showHub(): void {
    this.state = 'hub';
    this.root.dataset.state = 'hub';
    this.topBar.setBackVisible(false);
    this.stationLayer.hidden = true;
    this.worldLayer.hidden = false;
    if (this.worldStale) this.replaceWorld();
    this.world?.setMode('hub');
    this.world?.start();
    this.screenLayer.replaceChildren(this.hub.element);
  }

  private async openStation(id: string): Promise<void> {
    const definition = this.stations.find((station) => station.id === id);
    if (!definition || this.state !== 'hub' || this.opening || !this.session) return;
    this.opening = true;
    this.showStatus('station.loading');
    const session = this.session;
    try {
      const mounted = await mountStation(definition, {
        container: this.stationLayer,
        language: () => this.language,
        record: (event) => {
          session.record(event);
        },
        counts: async (sceneId) => {
          const answer = await this.kiosk.stationCounts({ sceneId });
          if (!answer.ok) throw new Error(answer.error.message);
          return answer.value;
        },
        session: session.memoryFor(id),
        campaignUrl: () => (this.config.campaignUrl === '' ? null : this.config.campaignUrl),
        warn: (message) => void this.kiosk.log({ level: 'warn', message }),
        sound: (kind) => {
          this.sound.play(kind);
        },
        exit: (reason) => {
          this.leaveStation(reason);
        },
      });
      if (this.session !== session || !this.isIn('hub')) {
        mounted.destroy(); // the visitor left (or went idle) while it loaded
        return;
      }
      this.station = mounted;
      session.record({ type: 'scene-enter', sceneId: id });
      this.state = 'station';
      this.root.dataset.state = 'station';
      this.world?.stop();
      this.worldLayer.hidden = true;
      this.screenLayer.replaceChildren();
      this.stationLayer.hidden = false;
      this.topBar.setBackVisible(true);
      this.sound.play('arrive');
      this.hideStatus();
    } catch (error) {
      // Content that fails at open hides the station like a failed check; code that failed to
      // load may load next time (a host restart), so that station stays. Either way the visitor
      // stays on the hub, told kindly to pick another station.
      const problem = stationProblem(id, error);
      if (problem.lasting) this.hideStation(problem);
      else
        void this.kiosk.log({
          level: 'error',
          message: `Station "${id}" failed to open: ${problem.problem}`,
        });
      this.showStatus('station.failed', 4000);
    } finally {
      this.opening = false;
    }
  }

  private leaveStation(reason: 'completed' | 'exited' | 'idle'): void {
    if (!this.station) return;
    const id = this.station.definition.id;
    this.station.destroy();
    this.station = null;
    this.session?.record({ type: 'scene-leave', sceneId: id, reason });
    if (reason !== 'idle') this.showHub();
  }

  private async endSession(reason: SessionEndReason): Promise<void> {
    if (!this.session) return;
    this.leaveStation(reason === 'idle' ? 'idle' : 'exited');
    const session = this.session;
    this.session = null;
    this.showAttract();
    await session.end(reason);
  }

  /**
   * Resets the idle timer. It does not close the idle overlay: that happens on the completed
   * tap (the overlay's own click), so the tap that answers "still there?" can never fall
   * through to a button underneath.
   */
  private onActivity(): void {
    this.idle?.activity(this.now());
  }

  private tick(): void {
    if (!this.idle) return;
    const idle = this.idle.state(this.now());
    if (idle.kind === 'expired') {
      void this.endSession('idle');
    } else if (idle.kind === 'warning') {
      this.idleOverlay.setSecondsLeft(idle.secondsLeft);
      if (!this.idleOverlay.isOpen) this.idleOverlay.open();
    }
  }

  private async toggleLanguage(): Promise<void> {
    await this.setLanguage(this.language === 'vi' ? 'en' : 'vi');
    if (this.session) this.session.record({ type: 'language', language: this.language });
  }

  private async setLanguage(language: Language): Promise<void> {
    this.language = language;
    document.documentElement.lang = language;
    await this.i18n.changeLanguage(language);
    this.loc.refresh();
    this.station?.setLanguage(language);
  }

  private replaceWorld(): void {
    this.worldStale = false;
    if (this.world) {
      this.world.dispose();
      this.worldsDisposed += 1;
      this.world = null;
    }
    this.worldLayer.replaceChildren();
    this.worldLayer.hidden = false;
    const canvas = h('canvas', { class: 'world-canvas' });
    this.worldLayer.append(canvas);
    try {
      const world = new HubWorld(canvas, this.stations, () => {
        if (this.state === 'hub') this.hub.place(world.beaconPositions());
      });
      world.resize(window.innerWidth, window.innerHeight);
      world.start();
      this.world = world;
      this.worldsCreated += 1;
    } catch (error) {
      // No WebGL: the DOM flow still works on the CSS backdrop.
      void this.kiosk.log({ level: 'error', message: `3D world unavailable: ${String(error)}` });
    }
  }

  /** The current state; a method so checks after an `await` are not narrowed away. */
  private isIn(state: AppState): boolean {
    return this.state === state;
  }

  private async refreshHealth(): Promise<void> {
    // Notices (damaged journal lines, unusable folders, an unsaved PIN lock-out) come with the
    // staff layer's public state, as codes the notice words in the staff's language.
    const [health, staff] = await Promise.all([
      this.kiosk.health(undefined),
      this.kiosk.adminState(undefined),
    ]);
    if (health.ok) this.staffNotice.show(health.value.lastError, staff.ok ? staff.value.notices : []);
  }

  private statusTimer = 0;
  private showStatus(key: string, hideAfterMs = 0): void {
    this.status.textContent = this.loc.t(key);
    this.status.hidden = false;
    window.clearTimeout(this.statusTimer);
    if (hideAfterMs > 0)
      this.statusTimer = window.setTimeout(() => {
        this.hideStatus();
      }, hideAfterMs);
  }

  private hideStatus(): void {
    this.status.hidden = true;
  }
}
