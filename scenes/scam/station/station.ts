/**
 * The scam-simulation station's flow: pick a scenario → (optional) "scam or safe?" check →
 * the phone scenario with instant feedback → debrief → (optional) check again → pick again.
 * It owns the DOM (text and buttons, with accessible names) and a PhoneModel that the Phaser
 * scene draws from. Everything it starts (timers, listeners, the game) is released in destroy().
 */
import type * as Phaser from 'phaser';
import type { Language } from '../../../electron/bridge/contract.js';
import type { StationContext } from '../../station.js';
import {
  checkEvent,
  choiceEvent,
  choose,
  currentNode,
  isFinished,
  lastFeedback,
  resultEvent,
  retryFromFirstMistake,
  canRetry,
  createRun,
  endingOf,
  switchScenarioLanguage,
  timeOut,
  type CheckAnswer,
  type Run,
  type ScenarioNode,
  type ScenarioPair,
} from '../engine/index.js';
import {
  advance,
  answer,
  currentItem,
  hasNext,
  roundResult,
  startRound,
  translateRound,
  type CheckPhase,
  type CheckRound,
} from './check-round.js';
import { byPickerOrder } from './art.js';
import type { StationContent } from './content.js';
import { Countdown } from './countdown.js';
import { startGame, stopGame } from './game/main.js';
import { PhoneModel } from './game/phone-model.js';
import { currentThread, threadKey } from './history.js';
import { computeLayout, type StationLayout } from './layout.js';
import { MessageFeed, type FeedSource } from './message-feed.js';
import { Timers } from './timers.js';
import { fill, type UiText } from './ui-text.js';
import { checkIntroView, checkItemView, checkResultView } from './views/check.js';
import { debriefView } from './views/debrief.js';
import { h, place } from './views/dom.js';
import { PhoneOverlay } from './views/phone-overlay.js';
import { pickerView } from './views/picker.js';
import { choicesView, feedbackView, waitingView } from './views/play-panel.js';

/** Pauses that let a visitor see what just happened before the view moves on. */
const TIMING = {
  /** From an ending's last message to the debrief. */
  endingToDebriefMs: 1400,
  shakeMs: 380,
} as const;

type PlayPhase = 'arriving' | 'choosing' | 'feedback' | 'ending' | 'debrief';

interface Play {
  readonly pair: ScenarioPair;
  run: Run;
  phase: PlayPhase;
  /** Follow-ups shown per node id, so the log can be rebuilt exactly. */
  readonly followUps: Map<string, number>;
  countdown: Countdown | null;
  /** Steps count of the run whose result was recorded (a retry can record another). */
  recordedAt: number;
}

type View =
  | { readonly kind: 'picker' }
  | { readonly kind: 'check-intro'; readonly scenarioId: string }
  | { readonly kind: 'check'; readonly scenarioId: string; round: CheckRound }
  | {
      readonly kind: 'check-result';
      readonly scenarioId: string;
      readonly phase: CheckPhase;
      readonly result: { correct: number; total: number };
    }
  | { readonly kind: 'play' };

export interface StationOptions {
  /** Randomness for the check draws (tests pass a seeded one). */
  readonly random?: () => number;
  /** Monotonic clock in ms. */
  readonly now?: () => number;
}

export class ScamStation {
  private readonly timers = new Timers();
  private readonly feed: MessageFeed;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly container: HTMLDivElement;
  private readonly stage: HTMLDivElement;
  private readonly overlay: PhoneOverlay;
  private readonly ring: HTMLDivElement;
  private readonly panel: HTMLElement;
  private readonly model: PhoneModel;
  private readonly cleanups: (() => void)[] = [];
  private game: Phaser.Game | null = null;
  private language: Language;
  private view: View = { kind: 'picker' };
  private play: Play | null = null;
  /** Every check item this visitor has judged, so later rounds bring new ones. */
  private readonly seenChecks = new Set<string>();
  private beforeIds: string[] = [];
  private beforeResult: { correct: number; total: number } | null = null;
  private beforeOffered = false;
  private destroyed = false;

  constructor(
    private readonly context: StationContext,
    private readonly content: StationContent,
    options: StationOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.now = options.now ?? (() => performance.now());
    this.language = context.language();
    this.feed = new MessageFeed({
      typing: (active) => {
        this.model.typing = active;
        this.overlay.log.setAttribute('aria-busy', String(active));
      },
      show: (item) => {
        this.overlay.addMessage(item.message, this.text);
        if (item.source === 'followUp' && this.play) {
          const node = currentNode(this.play.run);
          this.play.followUps.set(node.id, this.feed.followUpsShown);
        }
      },
      settled: () => {
        this.onSettled();
      },
    });
    const layout = this.measure();
    this.model = new PhoneModel(layout);
    this.stage = h('div', { class: 'scam__stage', 'aria-hidden': 'true' });
    this.overlay = new PhoneOverlay(this.text.phone.messagesLabel, () => {
      this.hurry();
    });
    this.ring = h('div', { class: 'scam__ring', role: 'timer', hidden: true });
    this.panel = h('section', { class: 'scam__panel', 'aria-live': 'polite' });
    this.container = h('div', { class: 'scam' }, this.stage, this.overlay.element, this.ring, this.panel);
  }

  private get text(): UiText {
    return this.content.ui[this.language];
  }

  private get tactics() {
    return this.content.scam.tactics[this.language];
  }

  /** Builds the DOM, starts the phone game and shows the scenario picker. */
  start(): void {
    this.context.root.append(this.container);
    this.applyLayout(this.model.layout);
    try {
      this.game = startGame(this.stage, this.model);
    } catch (error) {
      // Without a canvas the station still works: text and buttons are DOM.
      console.error('Phone scene unavailable:', error);
    }
    const onResize = (): void => {
      this.applyLayout(this.measure());
    };
    window.addEventListener('resize', onResize);
    this.cleanups.push(() => {
      window.removeEventListener('resize', onResize);
    });
    // The shell shows the station's layer only after mount; refit the canvas once it has a size.
    const observer = new ResizeObserver(() => {
      this.game?.scale.refresh();
    });
    observer.observe(this.stage);
    this.cleanups.push(() => {
      observer.disconnect();
    });
    this.cleanups.push(
      this.context.onLanguageChange((language) => {
        this.setLanguage(language);
      }),
    );
    this.showPicker();
  }

  /** Frees everything; safe to call twice. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopPlay();
    this.timers.clear();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    if (this.game) stopGame(this.game);
    this.game = null;
    this.container.remove();
  }

  // ---------- Layout and language ----------

  private measure(): StationLayout {
    // The station's layer is full-screen but still hidden while mounting, so measure the window.
    return computeLayout(window.innerWidth, window.innerHeight);
  }

  private applyLayout(layout: StationLayout): void {
    this.model.setLayout(layout);
    this.container.dataset.orientation = layout.orientation;
    place(this.stage, layout.stage);
    this.overlay.setLayout(layout);
    const { ring } = layout;
    place(this.ring, { x: ring.x - ring.radius, y: ring.y - ring.radius, width: 2 * ring.radius, height: 2 * ring.radius });
    place(this.panel, layout.panel);
    this.container.style.setProperty('--ring-size', `${2 * ring.radius + 16}px`);
  }

  private setLanguage(language: Language): void {
    if (language === this.language || this.destroyed) return;
    this.language = language;
    this.overlay.setLabel(this.text.phone.messagesLabel);
    const view = this.view;
    switch (view.kind) {
      case 'picker':
        this.showPicker();
        break;
      case 'check-intro':
        this.showCheckIntro(view.scenarioId);
        break;
      case 'check':
        view.round = translateRound(view.round, this.content.scam.checks[language]);
        this.showCheckItem();
        break;
      case 'check-result':
        this.showPanel(this.checkResultPanel(view.phase, view.result, view.scenarioId));
        break;
      case 'play': {
        const play = this.play;
        if (!play) break;
        play.run = switchScenarioLanguage(play.run, play.pair[language]);
        const node = currentNode(play.run);
        this.feed.retarget(this.feedSource(node));
        this.renderPhone();
        this.renderPlayPanel();
        break;
      }
    }
  }

  private showPanel(content: HTMLElement): void {
    this.panel.replaceChildren(content);
    this.panel.scrollTop = 0;
  }

  // ---------- Picker ----------

  private showPicker(): void {
    this.stopPlay();
    this.view = { kind: 'picker' };
    this.container.dataset.view = 'picker';
    this.model.setMode('lock');
    this.overlay.showLock(this.text);
    const scenarios = byPickerOrder(this.content.scam.scenarios).map((pair) => pair[this.language]);
    this.showPanel(
      pickerView(scenarios, this.text, (id) => {
        this.pick(id);
      }),
    );
  }

  private pick(scenarioId: string): void {
    // The check is offered once, before the first scenario: a "before" score taken after the
    // visitor has already practised would flatter the before/after comparison.
    if (!this.beforeOffered) {
      this.beforeOffered = true;
      this.showCheckIntro(scenarioId);
    } else {
      this.startPlay(scenarioId);
    }
  }

  // ---------- Checks ----------

  private showCheckIntro(scenarioId: string): void {
    this.view = { kind: 'check-intro', scenarioId };
    this.container.dataset.view = 'check';
    this.showPanel(
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
    this.stopPlay();
    const pool = this.content.scam.checks[this.language];
    const round = startRound(phase, pool, this.random, this.seenChecks, phase === 'after' ? this.beforeIds : []);
    for (const item of round.items) this.seenChecks.add(item.id);
    if (phase === 'before') this.beforeIds = round.items.map((item) => item.id);
    this.view = { kind: 'check', scenarioId, round };
    this.container.dataset.view = 'check';
    this.showCheckItem();
  }

  private showCheckItem(): void {
    const view = this.view;
    if (view.kind !== 'check') return;
    this.model.setMode(view.round.items[view.round.index]?.sender.channel ?? 'sms');
    this.overlay.showCheckItem(currentItem(view.round), this.text);
    this.showPanel(
      checkItemView(view.round, this.text, {
        answer: (value) => {
          this.answerCheck(value);
        },
        next: () => {
          this.nextCheck();
        },
      }),
    );
  }

  private answerCheck(value: CheckAnswer): void {
    const view = this.view;
    if (view.kind !== 'check') return;
    const right = currentItem(view.round).answer === value;
    view.round = answer(view.round, value);
    this.context.sound(right ? 'good' : 'bad');
    this.model.play(right ? 'spotted' : 'timeout');
    this.showCheckItem();
  }

  private nextCheck(): void {
    const view = this.view;
    if (view.kind !== 'check') return;
    if (hasNext(view.round)) {
      view.round = advance(view.round);
      this.showCheckItem();
      return;
    }
    const result = roundResult(view.round);
    this.context.record(checkEvent(view.round.phase, result, view.scenarioId));
    if (view.round.phase === 'before') this.beforeResult = result;
    this.view = { kind: 'check-result', scenarioId: view.scenarioId, phase: view.round.phase, result };
    this.showPanel(this.checkResultPanel(view.round.phase, result, view.scenarioId));
  }

  private checkResultPanel(
    phase: CheckPhase,
    result: { correct: number; total: number },
    scenarioId: string,
  ): HTMLElement {
    return checkResultView(phase, result, this.beforeResult, this.text, {
      play: () => {
        this.startPlay(scenarioId);
      },
      another: () => {
        this.showPicker();
      },
      done: () => {
        this.context.exit('completed');
      },
    });
  }

  // ---------- Playing a scenario ----------

  private startPlay(scenarioId: string): void {
    const pair = this.content.scam.scenarios.find((candidate) => candidate.id === scenarioId);
    if (!pair) throw new Error(`scam station: unknown scenario "${scenarioId}"`);
    this.stopPlay();
    this.view = { kind: 'play' };
    this.container.dataset.view = 'play';
    this.play = {
      pair,
      run: createRun(pair[this.language], this.now()),
      phase: 'arriving',
      followUps: new Map(),
      countdown: null,
      recordedAt: -1,
    };
    this.enterNode();
  }

  /** Stops the running scenario's timers (not the station's). */
  private stopPlay(): void {
    this.feed.stop();
    this.play?.countdown?.stop();
    this.model.countdown = null;
    this.model.typing = false;
    this.model.ringing = false;
    this.ring.hidden = true;
    this.play = null;
  }

  private feedSource(node: ScenarioNode): FeedSource {
    return { messages: node.messages, followUps: node.kind === 'decision' ? node.followUps : [] };
  }

  /** Starts delivering the current node. */
  private enterNode(): void {
    const play = this.play;
    if (!play) return;
    const node = currentNode(play.run);
    const previous = play.run.steps[play.run.steps.length - 1];
    const previousNode = previous ? play.run.scenario.nodes.find((n) => n.id === previous.nodeId) : undefined;
    if (node.speaker && (!previousNode?.speaker || threadKey(previousNode.speaker) !== threadKey(node.speaker))) {
      this.context.sound('arrive'); // a new contact or an incoming call
    }
    play.phase = node.kind === 'ending' ? 'ending' : 'arriving';
    this.model.ringing = node.speaker?.channel === 'call';
    this.feed.start(this.feedSource(node));
    this.renderPhone();
    this.renderPlayPanel();
  }

  /** Rebuilds the phone's header and log from the run (after a node change, retry or language switch). */
  private renderPhone(): void {
    const play = this.play;
    if (!play) return;
    const thread = currentThread(play.run, play.followUps, this.feed.messagesShown);
    if (thread.speaker) {
      this.model.setMode(thread.speaker.channel);
      this.overlay.showContact(thread.speaker, thread.speaker.channel, this.text);
    }
    this.overlay.clearLog();
    this.overlay.addNote('day', this.text.phone.today);
    for (const entry of thread.entries) {
      if (entry.kind === 'message') this.overlay.addMessage(entry.message, this.text);
      else if (entry.kind === 'choice') this.overlay.addNote('choice', entry.label);
      else this.overlay.addNote('timeout', this.text.phone.timeUp);
    }
    if (isFinished(play.run) && !currentNode(play.run).speaker) this.overlay.addNote('ended', this.text.phone.ended);
  }

  private renderPlayPanel(): void {
    const play = this.play;
    if (!play) return;
    const title = play.run.scenario.title;
    switch (play.phase) {
      case 'arriving':
      case 'ending':
        this.showPanel(
          waitingView(title, this.text, () => {
            this.hurry();
          }),
        );
        break;
      case 'choosing': {
        const node = currentNode(play.run);
        if (node.kind !== 'decision') break;
        this.showPanel(
          choicesView(title, node.choices, this.text, play.countdown !== null, (choiceId) => {
            this.choose(choiceId);
          }),
        );
        break;
      }
      case 'feedback': {
        const feedback = lastFeedback(play.run);
        if (!feedback) break;
        this.showPanel(
          feedbackView(feedback, this.tactics, this.text, () => {
            this.continueAfterFeedback();
          }),
        );
        break;
      }
      case 'debrief':
        this.showPanel(
          debriefView(play.run, this.tactics, this.text, {
            retry: () => {
              this.retry();
            },
            checkAgain: () => {
              this.startCheck('after', play.pair.id);
            },
            another: () => {
              this.showPicker();
            },
            done: () => {
              this.context.exit('completed');
            },
          }),
        );
        break;
    }
  }

  /** A tap on the phone or on "show messages now": everything pending appears at once. */
  private hurry(): void {
    if (this.play && (this.play.phase === 'arriving' || this.play.phase === 'ending')) this.feed.hurry();
  }

  private onSettled(): void {
    const play = this.play;
    if (!play) return;
    this.model.ringing = false;
    const node = currentNode(play.run);
    if (node.kind === 'ending') {
      play.phase = 'ending';
      this.timers.after(TIMING.endingToDebriefMs, () => {
        if (this.play === play && play.phase === 'ending') this.finish();
      });
      return;
    }
    play.phase = 'choosing';
    if (node.countdownSeconds !== undefined) {
      play.countdown = new Countdown(node.countdownSeconds, this.now, {
        tick: (secondsLeft) => {
          this.ring.hidden = false;
          this.ring.textContent = String(secondsLeft);
          this.ring.setAttribute('aria-label', fill(this.text.phone.countdown, { seconds: secondsLeft }));
        },
        expire: () => {
          this.expire();
        },
      });
      play.countdown.start();
      this.model.countdown = { startedAtMs: play.countdown.startedAtMs, durationMs: node.countdownSeconds * 1000 };
    }
    this.renderPlayPanel();
  }

  private endNodeTimers(play: Play): void {
    play.followUps.set(currentNode(play.run).id, this.feed.followUpsShown);
    this.feed.stop();
    play.countdown?.stop();
    play.countdown = null;
    this.model.countdown = null;
    this.ring.hidden = true;
  }

  private choose(choiceId: string): void {
    const play = this.play;
    if (play?.phase !== 'choosing') return;
    this.endNodeTimers(play);
    play.run = choose(play.run, choiceId, this.now());
    this.afterStep(play);
  }

  private expire(): void {
    const play = this.play;
    if (play?.phase !== 'choosing') return;
    this.endNodeTimers(play);
    play.run = timeOut(play.run, this.now());
    this.afterStep(play);
  }

  private afterStep(play: Play): void {
    this.context.record(choiceEvent(play.run));
    const feedback = lastFeedback(play.run);
    if (!feedback) return;
    const { step, spotted, missed, choice } = feedback;
    if (step.risky || step.timedOut) {
      this.context.sound('bad');
      this.model.play(step.timedOut ? 'timeout' : 'risky');
      this.container.classList.add('scam--shake');
      this.timers.after(TIMING.shakeMs, () => {
        this.container.classList.remove('scam--shake');
      });
    } else if (spotted.length > 0) {
      this.context.sound('good');
      this.model.play('spotted');
    }
    this.renderPhone();
    const worthShowing = step.risky || step.timedOut || spotted.length > 0 || missed.length > 0 || choice.feedback;
    if (worthShowing) {
      play.phase = 'feedback';
      this.renderPlayPanel();
    } else {
      this.continueAfterFeedback();
    }
  }

  private continueAfterFeedback(): void {
    if (!this.play) return;
    this.enterNode();
  }

  private finish(): void {
    const play = this.play;
    if (!play) return;
    play.phase = 'debrief';
    if (play.recordedAt !== play.run.steps.length) {
      play.recordedAt = play.run.steps.length;
      this.context.record(resultEvent(play.run, this.now()));
    }
    const ending = endingOf(play.run);
    this.context.sound(ending?.kind === 'harmed' ? 'bad' : 'good');
    this.container.dataset.view = 'debrief';
    this.renderPlayPanel();
  }

  private retry(): void {
    const play = this.play;
    if (!play || !canRetry(play.run)) return;
    play.run = retryFromFirstMistake(play.run, this.now());
    play.recordedAt = -1;
    // Follow-ups of nodes after the mistake are forgotten with the steps.
    const kept = new Set(play.run.steps.map((step) => step.nodeId));
    for (const id of [...play.followUps.keys()]) if (!kept.has(id)) play.followUps.delete(id);
    this.container.dataset.view = 'play';
    this.enterNode();
  }
}
