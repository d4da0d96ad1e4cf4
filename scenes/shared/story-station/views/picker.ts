/** The scenario picker: one big card per scenario, with its emoji, title and one-line pitch. */
import { estimatePlayTime, type Scenario } from '../../story/index.js';
import { pictureUrl } from '../../dom/pictures.js';
import { UI_ICONS } from '../icons.js';
import { richText } from '../../dom/emoji.js';
import { fill, type UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';

/**
 * The card's play time, from the estimate at a child's reading pace: the shortest and the
 * longest path, in whole minutes (so "2–4 min" is true, not a slogan).
 */
export function minutesOf(scenario: Scenario, text: UiText): string {
  const { minMs, maxMs } = estimatePlayTime(scenario);
  const min = Math.max(1, Math.round(minMs / 60_000));
  const max = Math.max(min, Math.ceil(maxMs / 60_000));
  return fill(text.picker.minutes, { min, max });
}

/** Builds the picker; `onPick` gets the scenario id. */
export function pickerView(
  scenarios: readonly Scenario[],
  text: UiText,
  onPick: (id: string) => void,
): HTMLElement {
  const cards = scenarios.map((scenario) => {
    const card = button(
      'story-card',
      [
        picture(pictureUrl(scenario.icon) ?? UI_ICONS.phone, 'story-card__icon'),
        h(
          'span',
          { class: 'story-card__text' },
          h('span', { class: 'story-card__title' }, ...richText(scenario.title)),
          h('span', { class: 'story-card__summary' }, ...richText(scenario.summary)),
        ),
        h('span', { class: 'story-card__meta' }, minutesOf(scenario, text)),
      ],
      () => {
        onPick(scenario.id);
      },
      { 'data-scenario': scenario.id },
    );
    card.style.setProperty('--accent', `var(--${scenario.accent})`);
    return card;
  });
  return h(
    'div',
    { class: 'story-view story-picker' },
    h('h2', { class: 'story-title' }, text.picker.title),
    h('p', { class: 'story-lead' }, text.picker.lead),
    h('div', { class: 'story-picker__grid' }, ...cards),
  );
}
