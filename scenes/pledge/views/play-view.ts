/**
 * The minigame screen: score and time at the top, the river (Phaser, behind), the drifting
 * items (DOM buttons over it) and the feedback line at the bottom (tactic icon, verdict and
 * one-line reason). A press is taken on `pointerdown`, so two fingers on two items block both
 * and a finger never has to lift first; a keyboard press (click without a pointer) works too.
 * One animation frame loop drives the round; `destroy()` stops it, the game and the DOM.
 */
import type * as Phaser from 'phaser';
import { h, picture } from '../../shared/dom/dom.js';
import { picturePath } from '../../shared/dom/pictures.js';
import type { Lang, LanguageContent, PledgeItem } from '../content.js';
import { word } from '../content.js';
import { DriftModel, startDriftGame, stopDriftGame } from '../game/drift-game.js';
import { ROUND, Round, type Outcome, type RoundSummary } from '../round.js';

/** The picture of each tactic (and of a safe item) beside a reason. */
export const TACTIC_ICONS = {
  threat: 'warning',
  manipulation: 'mask',
  luring: 'hook',
  safe: 'check',
} as const;

const FEEDBACK_MS = 2600;
const VERDICT_COLOURS = {
  blocked: 0x3ee0b5,
  passed: 0x3ee0b5,
  'wrong-block': 0xff6b5b,
  slipped: 0xff6b5b,
} as const;

export interface PlayViewOptions {
  content: (lang: Lang) => LanguageContent;
  language: () => Lang;
  /** The round's items, already shuffled. */
  order: readonly PledgeItem[];
  sound: (kind: 'tap' | 'good' | 'bad') => void;
  onDone: (summary: RoundSummary, durationMs: number) => void;
}

function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

export class PlayView {
  readonly element: HTMLElement;
  private readonly field: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly scoreText: HTMLElement;
  private readonly timeText: HTMLElement;
  private readonly feedback: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly model = new DriftModel();
  private readonly round: Round;
  private game: Phaser.Game | null = null;
  private frame = 0;
  private finished = false;
  private readonly feedbackTimers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly options: PlayViewOptions) {
    this.stage = h('div', { class: 'pledge-play__stage', 'aria-hidden': 'true' });
    this.field = h('div', { class: 'pledge-play__field' }, this.stage);
    this.scoreText = h('span', { class: 'pledge-play__score', 'data-testid': 'pledge-score' });
    this.timeText = h('span', { class: 'pledge-play__time' });
    this.feedback = h('div', { class: 'pledge-play__feedback', role: 'status', 'aria-live': 'polite' });
    this.element = h(
      'section',
      { class: 'pledge-play', 'data-testid': 'pledge-play' },
      h('div', { class: 'pledge-play__bar' }, this.scoreText, this.timeText),
      this.field,
      this.feedback,
    );
    const lanes = window.innerHeight > window.innerWidth ? 6 : 4;
    this.model.lanes = lanes;
    this.field.style.setProperty('--lanes', String(lanes));
    const dangerous = new Map(options.order.map((item) => [item.id, item.tactic !== 'safe']));
    this.round = new Round(
      options.order.map((item) => ({ id: item.id, dangerous: dangerous.get(item.id) ?? false })),
      lanes,
      () => performance.now(),
    );
  }

  /** Starts the river and the loop (after the element is in the document). */
  start(): void {
    try {
      this.game = startDriftGame(this.stage, this.model);
    } catch (error) {
      // The items and words are DOM: the game is still playable without the river.
      console.error('Pledge river unavailable:', error);
    }
    this.tick();
  }

  /** Re-labels the drifting items in the new language. */
  setLanguage(): void {
    for (const [id, button] of this.buttons) this.label(button, id);
  }

  destroy(): void {
    this.finished = true;
    cancelAnimationFrame(this.frame);
    for (const timer of this.feedbackTimers) clearTimeout(timer);
    this.feedbackTimers.clear();
    if (this.game) stopDriftGame(this.game);
    this.game = null;
    this.element.remove();
  }

  private ui(): LanguageContent {
    return this.options.content(this.options.language());
  }

  private item(id: string): PledgeItem | undefined {
    return this.ui().items.find((item) => item.id === id);
  }

  private readonly tick = (): void => {
    if (this.finished) return;
    for (const outcome of this.round.step()) this.show(outcome);
    this.layout();
    if (this.round.over) {
      this.finished = true;
      this.options.onDone(this.round.summary(), Math.round(this.round.elapsed()));
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
  };

  private layout(): void {
    const width = this.field.clientWidth;
    const height = this.field.clientHeight;
    const laneHeight = height / this.model.lanes;
    const itemWidth = Math.min(width * (this.model.lanes > 4 ? 0.62 : 0.34), 620);
    const itemHeight = Math.min(laneHeight * 0.84, 150);
    const live = new Set<string>();
    this.model.items = [];
    for (const { drifter, x } of this.round.drifting()) {
      live.add(drifter.itemId);
      let button = this.buttons.get(drifter.itemId);
      if (!button) {
        button = this.createButton(drifter.itemId);
        this.buttons.set(drifter.itemId, button);
        this.field.append(button);
      }
      const left = -itemWidth + x * (width + itemWidth);
      const top = drifter.lane * laneHeight + (laneHeight - itemHeight) / 2;
      button.style.width = `${itemWidth}px`;
      button.style.height = `${itemHeight}px`;
      button.style.transform = `translate(${left.toFixed(1)}px, ${top.toFixed(1)}px)`;
      this.model.items.push({
        x: left + itemWidth / 2,
        y: top + itemHeight / 2,
        width: itemWidth,
        height: itemHeight,
      });
    }
    for (const [id, button] of this.buttons) {
      if (live.has(id)) continue;
      button.remove();
      this.buttons.delete(id);
    }
    const { score } = this.round.summary();
    const seconds = Math.ceil((ROUND.durationMs - this.round.elapsed()) / 1000);
    // Written only when they change: a new text every frame would re-lay the page every frame.
    setText(this.scoreText, `${word(this.ui().ui, 'play.score')}: ${score}`);
    setText(this.timeText, word(this.ui().ui, 'play.time', { seconds: Math.max(0, seconds) }));
    this.model.width = width;
    this.model.height = height;
    this.model.now = performance.now();
    this.model.progress = this.round.progress();
  }

  private createButton(id: string): HTMLButtonElement {
    const button = h('button', { type: 'button', class: 'pledge-item', 'data-item': id });
    this.label(button, id);
    button.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      this.press(id);
    });
    // Keyboard (and assistive technology) presses arrive as clicks without a pointer.
    button.addEventListener('click', (event) => {
      if (event.detail === 0) this.press(id);
    });
    return button;
  }

  private label(button: HTMLButtonElement, id: string): void {
    const item = this.item(id);
    if (!item) return;
    const ui = this.ui().ui;
    const from = `${word(ui, `kinds.${item.kind}`)} · ${item.from}`;
    button.replaceChildren(
      picture(picturePath(item.icon), 'pledge-item__icon'),
      h(
        'span',
        { class: 'pledge-item__words' },
        h('span', { class: 'pledge-item__from' }, from),
        // A space for assistive technology, which joins adjacent text (the flex layout hides it).
        ' ',
        h('span', { class: 'pledge-item__text' }, item.text),
      ),
    );
    // The name contains the visible text (WCAG 2.5.3): a voice-control user says what they see.
    button.setAttribute('aria-label', word(ui, 'play.block', { text: `${from}: ${item.text}` }));
  }

  private press(id: string): void {
    const outcome = this.round.block(id);
    if (!outcome) return;
    this.buttons.get(id)?.remove();
    this.buttons.delete(id);
    this.show(outcome);
  }

  private show(outcome: Outcome): void {
    const item = this.item(outcome.itemId);
    if (!item) return;
    const right = outcome.verdict === 'blocked' || outcome.verdict === 'passed';
    this.options.sound(right ? 'good' : 'bad');
    const laneHeight = this.model.height / this.model.lanes;
    this.model.bursts.push({
      x: Math.min(this.model.width - 40, Math.max(40, outcome.x * this.model.width)),
      y: (outcome.lane + 0.5) * laneHeight,
      colour: VERDICT_COLOURS[outcome.verdict],
      at: performance.now(),
    });
    // A safe item that simply passed needs no words: feedback is for decisions that teach.
    if (outcome.verdict === 'passed') return;
    const ui = this.ui().ui;
    const line = h(
      'p',
      {
        class: `pledge-feedback pledge-feedback--${right ? 'right' : 'wrong'}`,
        'data-verdict': outcome.verdict,
      },
      picture(picturePath(TACTIC_ICONS[item.tactic]), 'pledge-feedback__icon'),
      h('strong', {}, `${word(ui, `verdicts.${outcome.verdict}`)} · ${word(ui, `tactics.${item.tactic}`)}`),
      h('span', {}, item.reason),
    );
    this.feedback.prepend(line);
    while (this.feedback.childElementCount > 2) this.feedback.lastElementChild?.remove();
    const timer = setTimeout(() => {
      this.feedbackTimers.delete(timer);
      line.remove();
    }, FEEDBACK_MS);
    this.feedbackTimers.add(timer);
  }
}
