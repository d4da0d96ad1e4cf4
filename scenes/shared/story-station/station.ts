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
import { otherForm, type CheckAnswer, type CheckForm } from '../story/index.js';
import { CheckFlow } from './check-flow.js';
import { roundResult, startRound, type CheckRound } from './check-round.js';
import type { StationContent } from './content.js';
import { PlayFlow } from './play-flow.js';
import type { StationSurface, ViewName } from './surface.js';
import { fill, type UiText } from './ui-text.js';
import { checkBeforeDoneView, checkIntroView, checkResultView } from './views/check.js';
import { contentNoteView, forewarnView } from './views/intro.js';
import { careNoteView } from './views/content-note.js';
import { pickerView } from './views/picker.js';

/** Session memory keys (kept across leaving and re-entering the station, per visitor session). */
const BEFORE_OFFERED = 'check.beforeOffered';
/** The finished before round: `{ form, answers }`. */
const BEFORE_ROUND = 'check.before';
/** The finished after round: `{ form, answers }`. */
const AFTER_ROUND = 'check.after';
/** The forewarning card (the three tactics) was shown in this visitor session. */
const FOREWARNED = 'story.forewarned';
/** The form this session's before round uses, decided when the station first mounts. */
const FIRST_FORM = 'check.firstForm';

/** A finished round as kept in session memory (ids and enums only). */
interface KeptRound {
  readonly form: CheckForm;
  readonly answers: Readonly<Record<string, CheckAnswer>>;
}

/** How long the phone shakes after a risky choice (matches the CSS animation). */
const SHAKE_MS = 380;

type View =
  | { readonly kind: 'note' }
  | { readonly kind: 'picker' }
  | { readonly kind: 'check-intro'; readonly scenarioId: string }
  | { readonly kind: 'check'; readonly flow: CheckFlow }
  | { readonly kind: 'check-before-done'; readonly scenarioId: string }
  | { readonly kind: 'check-result' }
  | { readonly kind: 'forewarn'; readonly scenarioId: string }
  | { readonly kind: 'content-note'; readonly scenarioId: string }
  | { readonly kind: 'play'; readonly flow: PlayFlow };

export interface StationOptions {
  /** Randomness for the first form when the station's counts cannot be read (tests pass a seeded one). */
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
    this.chooseFirstForm();
  }

  /**
   * Sessions alternate which form comes first (A→B, then B→A): the parity of the before rounds
   * this station has counted so far. When the back office cannot answer, a coin decides.
   */
  private chooseFirstForm(): void {
    if (this.context.session.get(FIRST_FORM) !== undefined) return;
    const coin = (): CheckForm => (this.random() < 0.5 ? 'A' : 'B');
    this.context.session.set(FIRST_FORM, coin());
    this.context.counts().then(
      (counts) => {
        if (this.destroyed || this.context.session.get(BEFORE_ROUND) !== undefined) return;
        this.context.session.set(FIRST_FORM, counts.allTime.checksBefore % 2 === 0 ? 'A' : 'B');
      },
      () => {
        // The coin stays: the figure is still paired, only the alternation is lost.
      },
    );
  }

  private firstForm(): CheckForm {
    return this.context.session.get(FIRST_FORM) === 'B' ? 'B' : 'A';
  }

  private keptRound(key: string): KeptRound | null {
    const value = this.context.session.get(key);
    if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value))
      return null;
    return value as unknown as KeptRound;
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
      case 'check-before-done':
        this.showBeforeDone(view.scenarioId);
        break;
      case 'check-result':
        this.showCheckResult();
        break;
      case 'forewarn':
        this.showForewarn(view.scenarioId);
        break;
      case 'content-note':
        this.showContentNote(view.scenarioId);
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
    this.overlay.showLock(this.text, null);
    this.surface.showPanel(
      careNoteView(care, {
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
    this.overlay.showLock(this.text, this.text.phone.lockHint);
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
    // A situation is picked: the lock screen no longer asks to pick one.
    this.setMode('lock');
    this.overlay.showLock(this.text, null);
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

  private startCheck(phase: 'before' | 'after', scenarioId: string): void {
    this.leaveView();
    const before = this.keptRound(BEFORE_ROUND);
    const form = phase === 'before' ? this.firstForm() : otherForm(before?.form ?? this.firstForm());
    const round = startRound(phase, this.content.story.checks[this.language], form);
    const flow = new CheckFlow(this.surface, round, scenarioId, (done) => {
      this.finishRound(done, scenarioId);
    });
    this.view = { kind: 'check', flow };
    flow.render();
  }

  private finishRound(round: CheckRound, scenarioId: string): void {
    const kept = { form: round.form, answers: { ...round.answers } };
    if (round.phase === 'before') {
      this.context.session.set(BEFORE_ROUND, kept);
      this.showBeforeDone(scenarioId);
    } else {
      this.context.session.set(AFTER_ROUND, kept);
      this.showCheckResult();
    }
  }

  /** True while the after check is still to take: the before round was taken, the after not. */
  private afterCheckDue(): boolean {
    return this.keptRound(BEFORE_ROUND) !== null && this.keptRound(AFTER_ROUND) === null;
  }

  private showBeforeDone(scenarioId: string): void {
    this.view = { kind: 'check-before-done', scenarioId };
    this.setViewName('check');
    this.setMode('lock');
    this.overlay.showLock(this.text, null);
    this.surface.showPanel(
      checkBeforeDoneView(this.text, () => {
        this.startPlay(scenarioId);
      }),
    );
  }

  /** The round as kept, with its items in the current language, and its score. */
  private reviewed(kept: KeptRound): CheckRound & { correct: number; total: number } {
    const pool = this.content.story.checks[this.language];
    const round = startRound('after', pool, kept.form);
    const answers = Object.fromEntries(
      Object.entries(kept.answers).filter(([id]) => round.items.some((item) => item.id === id)),
    );
    const result = roundResult({ ...round, answers });
    return { ...round, answers, correct: result.correct, total: result.total };
  }

  private showCheckResult(): void {
    const after = this.keptRound(AFTER_ROUND);
    if (!after) {
      this.showPicker();
      return;
    }
    const before = this.keptRound(BEFORE_ROUND);
    this.view = { kind: 'check-result' };
    this.setViewName('debrief');
    this.setMode('lock');
    this.overlay.showLock(this.text, null);
    this.surface.showPanel(
      checkResultView(this.reviewed(after), before ? this.reviewed(before) : null, this.text, {
        another: () => {
          this.showPicker();
        },
        done: () => {
          this.context.exit('completed');
        },
      }),
    );
  }

  /**
   * On the way into a story: the forewarning card once per visitor session (after the before
   * check, which it would otherwise teach), then a sensitive story's content note.
   */
  private startPlay(scenarioId: string): void {
    if (this.context.session.get(FOREWARNED) !== true) {
      this.showForewarn(scenarioId);
      return;
    }
    const pair = this.content.story.scenarios.find((candidate) => candidate.id === scenarioId);
    if (pair?.[this.language].contentNote !== undefined) {
      this.showContentNote(scenarioId);
      return;
    }
    this.play(scenarioId);
  }

  private showForewarn(scenarioId: string): void {
    this.view = { kind: 'forewarn', scenarioId };
    this.setViewName('check');
    this.setMode('lock');
    this.overlay.showLock(this.text, null);
    this.surface.showPanel(
      forewarnView(this.content.story.tactics[this.language], this.text, () => {
        this.context.session.set(FOREWARNED, true);
        this.startPlay(scenarioId);
      }),
    );
  }

  private showContentNote(scenarioId: string): void {
    const pair = this.content.story.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!pair) throw new Error(`story station: unknown scenario "${scenarioId}"`);
    this.view = { kind: 'content-note', scenarioId };
    this.setViewName('check');
    this.setMode('lock');
    this.overlay.showLock(this.text, null);
    this.surface.showPanel(
      contentNoteView(pair[this.language], this.text, {
        start: () => {
          this.play(scenarioId);
        },
        back: () => {
          this.showPicker();
        },
      }),
    );
  }

  private play(scenarioId: string): void {
    const pair = this.content.story.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!pair) throw new Error(`story station: unknown scenario "${scenarioId}"`);
    this.leaveView();
    const flow = new PlayFlow(this.surface, pair, {
      offerCheck: () => this.afterCheckDue(),
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
