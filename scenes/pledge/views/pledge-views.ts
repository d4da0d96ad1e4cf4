/**
 * The still screens of the pledge station, each a function of the words it shows: the intro,
 * the round's score, the pledge cards (pick 1–3), the lantern colour, and the finale panel
 * (the pledge number, the QR code, "nothing of yours is kept"). Buttons are named by their
 * visible text; a chosen card or colour is `aria-pressed`. Runs in the renderer.
 */
import { button, h, picture } from '../../shared/dom/dom.js';
import { picturePath } from '../../shared/dom/pictures.js';
import { word, type LanguageContent } from '../content.js';
import type { RoundSummary } from '../round.js';
import { qrSvg } from '../qr.js';

export const MAX_CARDS = 3;

/** The first screen: what to do, and a big start button. */
export function introView(content: LanguageContent, onStart: () => void): HTMLElement {
  const { ui } = content;
  return h(
    'section',
    { class: 'pledge-panel pledge-intro' },
    h('h2', { class: 'pledge-panel__title' }, word(ui, 'intro.title')),
    h('p', { class: 'pledge-panel__body' }, word(ui, 'intro.body')),
    h(
      'ul',
      { class: 'pledge-intro__tactics' },
      ...(['threat', 'manipulation', 'luring', 'safe'] as const).map((tactic) =>
        h(
          'li',
          {},
          picture(picturePath(TACTIC_PICTURES[tactic]), 'pledge-intro__icon'),
          word(ui, `tactics.${tactic}`),
        ),
      ),
    ),
    button('pill pill--primary pledge-panel__go', [word(ui, 'intro.start')], onStart),
  );
}

const TACTIC_PICTURES = { threat: 'warning', manipulation: 'mask', luring: 'hook', safe: 'check' } as const;

/** The round's score and accuracy, then on to the pledge. */
export function scoreView(content: LanguageContent, summary: RoundSummary, onNext: () => void): HTMLElement {
  const { ui } = content;
  return h(
    'section',
    { class: 'pledge-panel pledge-score', 'data-testid': 'pledge-result' },
    h('h2', { class: 'pledge-panel__title' }, word(ui, 'result.title')),
    h('p', { class: 'pledge-score__points' }, word(ui, 'result.score', { score: summary.score })),
    h('p', { class: 'pledge-panel__body' }, word(ui, 'result.accuracy', { ...summary })),
    button('pill pill--primary pledge-panel__go', [word(ui, 'result.next')], onNext),
  );
}

/** The pledge cards; `chosen` is kept by the station so a language switch keeps the picks. */
export function cardsView(content: LanguageContent, chosen: Set<string>, onNext: () => void): HTMLElement {
  const { ui } = content;
  const count = h('p', { class: 'pledge-panel__hint', 'aria-live': 'polite' });
  const next = button('pill pill--primary pledge-panel__go', [word(ui, 'cards.next')], onNext);
  const cards = content.cards.map((card) =>
    button(
      'pledge-card',
      [
        picture(picturePath(card.icon), 'pledge-card__icon'),
        h('span', { class: 'pledge-card__line' }, card.line),
      ],
      () => {
        if (chosen.has(card.id)) chosen.delete(card.id);
        else if (chosen.size < MAX_CARDS) chosen.add(card.id);
        refresh();
      },
      { 'data-card': card.id },
    ),
  );
  const refresh = (): void => {
    for (const [index, element] of cards.entries()) {
      const id = content.cards[index]?.id ?? '';
      const on = chosen.has(id);
      element.setAttribute('aria-pressed', String(on));
      // A fourth card cannot be added: the others wait until one is put back.
      element.disabled = !on && chosen.size >= MAX_CARDS;
    }
    count.textContent = `${word(ui, 'cards.hint')} · ${word(ui, 'cards.chosen', { count: chosen.size })}`;
    next.disabled = chosen.size === 0;
  };
  refresh();
  return h(
    'section',
    { class: 'pledge-panel pledge-cards' },
    h('h2', { class: 'pledge-panel__title' }, word(ui, 'cards.title')),
    count,
    h('div', { class: 'pledge-cards__grid' }, ...cards),
    next,
  );
}

/** The lantern colours: one is always chosen (the first by default). */
export function colourView(
  content: LanguageContent,
  chosen: { colour: string },
  onLight: () => void,
): HTMLElement {
  const { ui } = content;
  const swatches = content.colours.map((colour) =>
    button(
      'pledge-colour',
      [h('span', { class: 'pledge-colour__lantern', style: `--lantern: ${colour.hex}` }), colour.name],
      () => {
        chosen.colour = colour.id;
        refresh();
      },
      { 'data-colour': colour.id },
    ),
  );
  const refresh = (): void => {
    for (const [index, element] of swatches.entries())
      element.setAttribute('aria-pressed', String(content.colours[index]?.id === chosen.colour));
  };
  refresh();
  return h(
    'section',
    { class: 'pledge-panel pledge-colours' },
    h('h2', { class: 'pledge-panel__title' }, word(ui, 'colour.title')),
    h('div', { class: 'pledge-colours__grid' }, ...swatches),
    button('pill pill--primary pledge-panel__go', [word(ui, 'colour.light')], onLight),
  );
}

export interface FinaleFacts {
  /** The visitor's pledge number, or null when the back office could not say. */
  number: number | null;
  /** Lanterns on the lake now. */
  lanterns: number;
  /** The campaign's public page, or null when staff set none (no QR code then). */
  campaignUrl: string | null;
}

/** The panel over the lake: the number, the QR code, the privacy line, "done". */
export function finaleView(content: LanguageContent, facts: FinaleFacts, onDone: () => void): HTMLElement {
  const { ui } = content;
  const qr =
    facts.campaignUrl === null
      ? null
      : h(
          'figure',
          { class: 'pledge-finale__qr', 'data-testid': 'pledge-qr', 'data-url': facts.campaignUrl },
          qrSvg(facts.campaignUrl, word(ui, 'finale.qr')),
          h('figcaption', {}, word(ui, 'finale.qr')),
        );
  return h(
    'section',
    { class: 'pledge-finale', 'data-testid': 'pledge-finale' },
    h(
      'div',
      { class: 'pledge-finale__panel' },
      h(
        'h2',
        { class: 'pledge-finale__number', 'data-testid': 'pledge-number' },
        facts.number === null
          ? word(ui, 'finale.numberUnknown')
          : word(ui, 'finale.number', { n: facts.number }),
      ),
      h('p', { class: 'pledge-finale__together' }, word(ui, 'finale.together', { n: facts.lanterns })),
      qr,
      h('p', { class: 'pledge-finale__privacy' }, word(ui, 'finale.anonymous')),
      button('pill pill--primary pledge-panel__go', [word(ui, 'finale.done')], onDone),
    ),
  );
}
