/**
 * The story-simulation station: pick a scenario → (optional) "scam or safe?" check → the phone
 * scenario with instant feedback → debrief → (optional) check again → pick again. It owns the
 * DOM (text and buttons, with accessible names), the phone's still backdrop and the Phaser game
 * that draws its live layer; the flows (play-flow.ts, check-flow.ts) run the views. Everything
 * it starts (timers, listeners, the game) is released in destroy().
 */
import type { Language } from '../../../electron/bridge/contract.js';
import type { StationContext } from '../../station.js';
import { h, place } from '../dom/dom.js';
import { Timers } from '../dom/timers.js';
import { computeLayout, type ScreenMode, type StationLayout } from '../phone/layout.js';
import type { PhoneOverlay } from '../phone/overlay.js';
import { PhoneSimulator } from '../phone/phone.js';
import type { PhoneModel } from '../phone/phone-model.js';
import { CheckFlow } from './check-flow.js';
import { startRound, type CheckPhase } from './check-round.js';
import type { StationContent } from './content.js';
import { PlayFlow } from './play-flow.js';
import type { StationSurface, ViewName } from './surface.js';
import { fill, type UiText } from './ui-text.js';
import { checkIntroView, checkResultView } from './views/check.js';
import { contentNoteView } from './views/content-note.js';
import { pickerView } from './views/picker.js';

/** Session memory key: the before check was offered in this visitor session (any mount). */
const BEFORE_OFFERED = 'check.beforeOffered';

/** How long the phone shakes after a risky choice (matches the CSS animation). */
const SHAKE_MS = 380;

type Score = { correct: number; total: number };

type View =
  | { readonly kind: 'note' }
  | { readonly kind: 'picker' }
  | { readonly kind: 'check-intro'; readonly scenarioId: string }
  | { readonly kind: 'check'; readonly flow: CheckFlow }
  | {
      readonly kind: 'check-result';
      readonly scenarioId: string;
      readonly phase: CheckPhase;
      readonly result: Score;
    }
  | { readonly kind: 'play'; readonly flow: PlayFlow };

export interface StationOptions {
  /** Randomness for the check draws (tests pass a seeded one). */
  readonly random?: () => number;
}

export class StoryStation {
  private readonly timers = new Timers();
  private readonly random: () => number;
  private readonly container: HTMLDivElement;
  private readonly phone: PhoneSimulator;
  private readonly ring: HTMLDivElement;
  private readonly panel: HTMLElement;
  private readonly surface: StationSurface;
  private readonly cleanups: (() => void)[] = [];
  private language: Language;
  private view: View = { kind: 'picker' };
  /** Every check item this visitor has judged, so later rounds bring new ones. */
  private readonly seenChecks = new Set<string>();
  private beforeIds: string[] = [];
  private beforeResult: Score | null = null;
  private destroyed = false;

  constructor(
    private readonly context: StationContext,
    private readonly content: StationContent,
    options: StationOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.language = context.language();
    this.phone = new PhoneSimulator({
      label: this.text.phone.messagesLabel,
      layout: this.measure(),
      onTap: () => {
        if (this.view.kind === 'play') this.view.flow.hurry();
      },
    });
    this.ring = h('div', { class: 'story__ring', role: 'timer', hidden: true });
    this.panel = h('section', { class: 'story__panel', 'aria-live': 'polite' });
    this.container = h(
      'div',
      { class: 'story', 'data-station': context.stationId, 'data-care': content.ui.vi.care !== undefined },
      this.phone.stage,
      this.phone.overlay.element,
      this.ring,
      this.panel,
    );
    this.surface = this.makeSurface();
  }

  private get overlay(): PhoneOverlay {
    return this.phone.overlay;
  }

  private get model(): PhoneModel {
    return this.phone.model;
  }

  private get text(): UiText {
    return this.content.ui[this.language];
  }

  private makeSurface(): StationSurface {
    return {
      context: this.context,
      overlay: this.overlay,
      model: this.model,
      language: () => this.language,
      text: () => this.text,
      tactics: () => this.content.story.tactics[this.language],
      showPanel: (content) => {
        this.panel.replaceChildren(content);
        this.panel.scrollTop = 0;
      },
      setMode: (mode) => {
        this.setMode(mode);
      },
      setViewName: (name) => {
        this.setViewName(name);
      },
      setCountdown: (secondsLeft) => {
        this.ring.hidden = secondsLeft === null;
        if (secondsLeft === null) return;
        this.ring.textContent = String(secondsLeft);
        this.ring.setAttribute('aria-label', fill(this.text.phone.countdown, { seconds: secondsLeft }));
      },
      shake: () => {
        this.container.classList.add('story--shake');
        this.timers.after(SHAKE_MS, () => {
          this.container.classList.remove('story--shake');
        });
      },
      now: () => performance.now(),
    };
  }

  /** Builds the DOM, starts the phone game and shows the scenario picker. */
  start(): void {
    this.context.root.append(this.container);
    this.applyLayout(this.model.layout);
    this.phone.start();
    const onResize = (): void => {
      this.applyLayout(this.measure());
    };
    window.addEventListener('resize', onResize);
    this.cleanups.push(() => {
      window.removeEventListener('resize', onResize);
    });
    this.cleanups.push(
      this.context.onLanguageChange((language) => {
        this.setLanguage(language);
      }),
    );
    // A care-mode station (its words have a `care` section) opens on its content note.
    if (this.text.care) this.showNote();
    else this.showPicker();
  }

  /** Frees everything; safe to call twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.leaveView();
    this.timers.clear();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.phone.destroy();
    this.container.remove();
  }

  // ---------- Layout, mode and language ----------

  private measure(): StationLayout {
    // The station's layer is full-screen but still hidden while mounting, so measure the window.
    return computeLayout(window.innerWidth, window.innerHeight);
  }

  private applyLayout(layout: StationLayout): void {
    this.phone.setLayout(layout);
    this.container.dataset.orientation = layout.orientation;
    const { ring } = layout;
    place(this.ring, {
      x: ring.x - ring.radius,
      y: ring.y - ring.radius,
      width: 2 * ring.radius,
      height: 2 * ring.radius,
    });
    this.container.style.setProperty('--ring-size', `${2 * ring.radius + 16}px`);
    this.placePanel();
  }

  private setMode(mode: ScreenMode): void {
    this.phone.setMode(mode);
  }

  private setViewName(name: ViewName): void {
    this.container.dataset.view = name;
    this.placePanel();
  }

  private placePanel(): void {
    const { panel, panelFull } = this.model.layout;
    place(this.panel, this.container.dataset.view === 'debrief' ? panelFull : panel);
  }

  private setLanguage(language: Language): void {
    if (language === this.language || this.destroyed) return;
    this.language = language;
    this.overlay.setLabel(this.text.phone.messagesLabel);
    const view = this.view;
    switch (view.kind) {
      case 'note':
        this.showNote();
        break;
      case 'picker':
        this.showPicker();
        break;
      case 'check-intro':
        this.showCheckIntro(view.scenarioId);
        break;
      case 'check':
        view.flow.translate(this.content.story.checks[language]);
        break;
      case 'check-result':
        this.showCheckResult(view.scenarioId, view.phase, view.result);
        break;
      case 'play':
        view.flow.setLanguage();
        break;
    }
  }

  /** Stops whatever the current view runs (a scenario's timers). */
  private leaveView(): void {
    if (this.view.kind === 'play') this.view.flow.stop();
  }

  // ---------- Views ----------

  /** The content note (care mode only): go on to the picker, or back to the hub. */
  private showNote(): void {
    const care = this.text.care;
    if (!care) {
      this.showPicker();
      return;
    }
    this.view = { kind: 'note' };
    this.setViewName('picker');
    this.setMode('lock');
    this.overlay.showLock(this.text);
    this.surface.showPanel(
      contentNoteView(care, {
        start: () => {
          this.showPicker();
        },
        back: () => {
          this.context.exit('exited');
        },
      }),
    );
  }

  private showPicker(): void {
    this.leaveView();
    this.view = { kind: 'picker' };
    this.setViewName('picker');
    this.setMode('lock');
    this.overlay.showLock(this.text);
    const scenarios = this.content.story.scenarios
      .map((pair) => pair[this.language])
      .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    this.surface.showPanel(
      pickerView(scenarios, this.text, (id) => {
        this.pick(id);
      }),
    );
  }

  private pick(scenarioId: string): void {
    // The check is offered once, before the first scenario: a "before" score taken after the
    // visitor has already practised would flatter the before/after comparison.
    if (this.context.session.get(BEFORE_OFFERED) !== true) {
      this.context.session.set(BEFORE_OFFERED, true);
      this.showCheckIntro(scenarioId);
    } else {
      this.startPlay(scenarioId);
    }
  }

  private showCheckIntro(scenarioId: string): void {
    this.view = { kind: 'check-intro', scenarioId };
    this.setViewName('check');
    this.surface.showPanel(
      checkIntroView(this.text, {
        start: () => {
          this.startCheck('before', scenarioId);
        },
        skip: () => {
          this.startPlay(scenarioId);
        },
      }),
    );
  }

  private startCheck(phase: CheckPhase, scenarioId: string): void {
    this.leaveView();
    const pool = this.content.story.checks[this.language];
    const round = startRound(
      phase,
      pool,
      this.random,
      this.seenChecks,
      phase === 'after' ? this.beforeIds : [],
    );
    for (const item of round.items) this.seenChecks.add(item.id);
    if (phase === 'before') this.beforeIds = round.items.map((item) => item.id);
    const flow = new CheckFlow(this.surface, round, scenarioId, (done, result) => {
      if (done === 'before') this.beforeResult = result;
      this.showCheckResult(scenarioId, done, result);
    });
    this.view = { kind: 'check', flow };
    flow.render();
  }

  private showCheckResult(scenarioId: string, phase: CheckPhase, result: Score): void {
    this.view = { kind: 'check-result', scenarioId, phase, result };
    this.setViewName('check');
    this.setMode('lock');
    this.overlay.showLock(this.text);
    this.surface.showPanel(
      checkResultView(phase, result, this.beforeResult, this.text, {
        play: () => {
          this.startPlay(scenarioId);
        },
        another: () => {
          this.showPicker();
        },
        done: () => {
          this.context.exit('completed');
        },
      }),
    );
  }

  private startPlay(scenarioId: string): void {
    const pair = this.content.story.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!pair) throw new Error(`story station: unknown scenario "${scenarioId}"`);
    this.leaveView();
    const flow = new PlayFlow(this.surface, pair, {
      checkAgain: (id) => {
        this.startCheck('after', id);
      },
      another: () => {
        this.showPicker();
      },
      done: () => {
        this.context.exit('completed');
      },
    });
    this.view = { kind: 'play', flow };
    flow.start();
  }
}
