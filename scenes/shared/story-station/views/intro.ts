/** The cards before a story: the forewarning (the three tactics) and a sensitive story's content note. */
import type { Scenario, Tactic, Tactics } from '../../story/index.js';
import { TACTICS } from '../../story/index.js';
import { pictureUrl } from '../../dom/pictures.js';
import { richText } from '../../dom/emoji.js';
import { UI_ICONS } from '../icons.js';
import type { UiText } from '../ui-text.js';
import { button, h, picture } from '../../dom/dom.js';

function tacticRow(tactic: Tactic, tactics: Tactics): HTMLElement {
  const text = tactics.tactics[tactic];
  return h(
    'li',
    { class: `story-tactic story-tactic--${tactic}` },
    picture(pictureUrl(text.icon) ?? UI_ICONS.flag, 'story-tactic__icon'),
    h(
      'div',
      {},
      h('strong', { class: 'story-tactic__name' }, text.name),
      h('p', { class: 'story-tactic__definition' }, text.definition),
    ),
  );
}

/**
 * The forewarning card, once per visitor session before the first story: the three tactics
 * with their icon and one line each (inoculation works better with a forewarning).
 */
export function forewarnView(tactics: Tactics, text: UiText, start: () => void): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-forewarn', 'data-testid': 'forewarn' },
    h('h2', { class: 'story-title' }, text.forewarn.title),
    h('p', { class: 'story-lead' }, text.forewarn.lead),
    h('ul', { class: 'story-tactics' }, ...TACTICS.map((tactic) => tacticRow(tactic, tactics))),
    h(
      'div',
      { class: 'story-actions' },
      button('pill pill--primary pill--big', [text.forewarn.start], start),
    ),
  );
}

/** A sensitive story's content note: what it contains, and a way back before it starts. */
export function contentNoteView(
  scenario: Scenario,
  text: UiText,
  actions: { start: () => void; back: () => void },
): HTMLElement {
  return h(
    'div',
    { class: 'story-view story-content-note', 'data-testid': 'content-note' },
    picture(UI_ICONS.shield, 'story-hero-icon'),
    h('h2', { class: 'story-title' }, text.note.title),
    h('p', { class: 'story-kicker' }, ...richText(scenario.title)),
    h('p', { class: 'story-note' }, scenario.contentNote ?? ''),
    h(
      'div',
      { class: 'story-actions' },
      button('pill pill--primary pill--big', [text.note.start], actions.start),
      button('pill pill--ghost pill--big', [text.note.back], actions.back),
    ),
  );
}
