/** The scenario picker: one big card per scenario, with its emoji, title and one-line pitch. */
import type { Scenario } from '../../engine/index.js';
import { scenarioArt } from '../art.js';
import { richText } from '../emoji.js';
import type { UiText } from '../ui-text.js';
import { button, h, picture } from './dom.js';

/** Builds the picker; `onPick` gets the scenario id. */
export function pickerView(
  scenarios: readonly Scenario[],
  text: UiText,
  onPick: (id: string) => void,
): HTMLElement {
  const cards = scenarios.map((scenario) => {
    const art = scenarioArt(scenario.id);
    const card = button(
      'scam-card',
      [
        picture(art.icon, 'scam-card__icon'),
        h(
          'span',
          { class: 'scam-card__text' },
          h('span', { class: 'scam-card__title' }, ...richText(scenario.title)),
          h('span', { class: 'scam-card__summary' }, ...richText(scenario.summary)),
        ),
        h('span', { class: 'scam-card__meta' }, text.picker.minutes),
      ],
      () => {
        onPick(scenario.id);
      },
      { 'data-scenario': scenario.id },
    );
    card.style.setProperty('--accent', art.accent);
    return card;
  });
  return h(
    'div',
    { class: 'scam-view scam-picker' },
    h('h2', { class: 'scam-title' }, text.picker.title),
    h('p', { class: 'scam-lead' }, text.picker.lead),
    h('div', { class: 'scam-picker__grid' }, ...cards),
  );
}
