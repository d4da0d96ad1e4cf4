/**
 * The pledge station, screen by screen: intro → the block-or-pass round (Phaser river, DOM
 * items) → score → pledge cards (1–3) → lantern colour → the lantern lake (three.js) with
 * "you are pledge number N" and the campaign's QR code. Records the round (`round`) and one
 * `pledge` per chosen card with the lantern colour: content ids only, nothing about the
 * visitor. Runs in the renderer; `destroy()` frees the game, the lake, timers and the DOM.
 */
import { h } from '../shared/dom/dom.js';
import type { StationCounts } from '../../electron/bridge/contract.js';
import type { StationContext, StationHandle } from '../station.js';
import type { Lang, LanguageContent, PledgeContent, PledgeItem } from './content.js';
import { LanternLake } from './lake/lantern-lake.js';
import type { RoundSummary } from './round.js';
import { PlayView } from './views/play-view.js';
import {
  cardsView,
  colourView,
  finaleView,
  introView,
  scoreView,
  type FinaleFacts,
} from './views/pledge-views.js';

type Screen =
  | { name: 'intro' }
  | { name: 'play' }
  | { name: 'score'; summary: RoundSummary }
  | { name: 'cards' }
  | { name: 'colour' }
  | { name: 'finale'; facts: FinaleFacts };

/** A fresh shuffled copy (Fisher–Yates with the given random source). */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const hexNumber = (hex: string): number => Number.parseInt(hex.slice(1), 16);

export class PledgeStation implements StationHandle {
  private readonly element: HTMLElement;
  private readonly layer: HTMLElement;
  private screen: Screen = { name: 'intro' };
  private play: PlayView | null = null;
  private lake: LanternLake | null = null;
  private readonly chosenCards = new Set<string>();
  private readonly chosenColour: { colour: string };
  private readonly unsubscribe: () => void;
  private readonly observer: ResizeObserver;
  private destroyed = false;

  constructor(
    private readonly context: StationContext,
    private readonly content: PledgeContent,
  ) {
    this.chosenColour = { colour: content.vi.colours[0]?.id ?? 'gold' };
    this.layer = h('div', { class: 'pledge__layer' });
    this.element = h('div', { class: 'pledge' }, this.layer);
    context.root.append(this.element);
    this.unsubscribe = context.onLanguageChange(() => {
      this.render();
    });
    // The shell shows the station only after mount: size the lake once it has a size.
    this.observer = new ResizeObserver(() => {
      this.lake?.resize(this.element.clientWidth, this.element.clientHeight);
    });
    this.observer.observe(this.element);
    this.render();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.unsubscribe();
    this.observer.disconnect();
    this.play?.destroy();
    this.play = null;
    this.lake?.dispose();
    this.lake = null;
    this.element.remove();
  }

  private words(): LanguageContent {
    return this.content[this.context.language()];
  }

  private go(screen: Screen): void {
    if (this.destroyed) return;
    this.screen = screen;
    this.render();
  }

  private render(): void {
    const content = this.words();
    this.element.dataset.screen = this.screen.name;
    this.element.dataset.orientation = window.innerHeight > window.innerWidth ? 'portrait' : 'landscape';
    switch (this.screen.name) {
      case 'intro':
        this.layer.replaceChildren(
          introView(content, () => {
            this.startRound();
          }),
        );
        break;
      case 'play':
        // The round keeps running across a language switch; only its words change.
        this.play?.setLanguage();
        break;
      case 'score':
        this.layer.replaceChildren(
          scoreView(content, this.screen.summary, () => {
            this.go({ name: 'cards' });
          }),
        );
        break;
      case 'cards':
        this.layer.replaceChildren(
          cardsView(content, this.chosenCards, () => {
            this.go({ name: 'colour' });
          }),
        );
        break;
      case 'colour':
        this.layer.replaceChildren(colourView(content, this.chosenColour, () => void this.light()));
        break;
      case 'finale':
        this.layer.replaceChildren(
          finaleView(content, this.screen.facts, () => {
            this.context.exit('completed');
          }),
        );
        break;
    }
  }

  private startRound(): void {
    this.context.sound('tap');
    const order: PledgeItem[] = shuffled(this.content.vi.items);
    this.play = new PlayView({
      content: (lang: Lang) => this.content[lang],
      language: () => this.context.language(),
      order,
      sound: (kind) => {
        this.context.sound(kind);
      },
      onDone: (summary, durationMs) => {
        this.endRound(summary, durationMs);
      },
    });
    this.layer.replaceChildren(this.play.element);
    this.go({ name: 'play' });
    this.play.start();
  }

  private endRound(summary: RoundSummary, durationMs: number): void {
    this.context.record({
      type: 'round',
      score: summary.score,
      correct: summary.correct,
      total: summary.total,
      durationMs,
    });
    this.context.sound('arrive');
    this.play?.destroy();
    this.play = null;
    this.go({ name: 'score', summary });
  }

  /**
   * Records the pledge and shows the lake. The counts are read BEFORE recording (the record
   * may still be on its way when a later read arrives), so N = pledges before + cards made,
   * and the lanterns' colours are the journal's colour counts plus this visitor's.
   */
  private async light(): Promise<void> {
    const cards = [...this.chosenCards];
    if (cards.length === 0) return;
    let before: StationCounts | null = null;
    try {
      before = await this.context.counts();
    } catch {
      // The back office could not answer: the lake still shows this visitor's lanterns, without N.
    }
    if (this.destroyed) return;
    for (const pledgeId of cards)
      this.context.record({ type: 'pledge', pledgeId, colour: this.chosenColour.colour });
    this.context.sound('good');
    const number = before === null ? null : before.allTime.pledges + cards.length;
    const lanterns = number ?? cards.length;
    const colours = this.words().colours;
    const mine = Math.max(
      0,
      colours.findIndex((colour) => colour.id === this.chosenColour.colour),
    );
    const earlier = before?.allTime.colours ?? {};
    const perColour = colours.map(
      (colour, index) =>
        (Object.hasOwn(earlier, colour.id) ? (earlier[colour.id] ?? 0) : 0) +
        (index === mine ? cards.length : 0),
    );
    this.lake = new LanternLake({
      lanterns: { count: lanterns, perColour, visitor: { colour: mine, lanterns: cards.length } },
      palette: colours.map((colour) => hexNumber(colour.hex)),
    });
    this.element.prepend(this.lake.element);
    this.lake.resize(this.element.clientWidth, this.element.clientHeight);
    this.lake.start();
    this.go({ name: 'finale', facts: { number, lanterns, campaignUrl: this.context.campaignUrl() } });
  }

  /** For tests and diagnostics: the lake's figures, or null before the finale. */
  lakeStats(): ReturnType<LanternLake['stats']> | null {
    return this.lake?.stats() ?? null;
  }
}
